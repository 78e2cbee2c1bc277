// This window's picture saving: the queue over the bridge, the resize worker and the picture
// repository, fed by the sync worker as each page is stored, under the user's setting and link.
import { useSyncExternalStore } from 'react';
import { newsItemKeyText } from '../../../shared/feed/newsItem';
import type { NewsItem } from '../../../shared/feed/newsItem';
import { connectionFactsSchema, parsePictureBudget, parsePictureMode, pictureBudgetSettingKey, pictureModeSettingKey, picturesToSave, type ConnectionFacts } from '../../../shared/pictures/pictureSettings';
import { pictureUrlsOfItem, type ItemPictures } from '../../../shared/pictures/pictureUrls';
import { bridge } from '../bridge';
import { db, newsRepository } from '../database';
import { createPictureRepository } from '../../db/pictureRepository';
import { log } from '../log';
import { createPictureQueue, type PictureProgress } from './pictureQueue';
import { createPictureResizer } from './pictureResizer';
import { stepAsideForSyncs } from '../../threads/waitWhileSyncing';

export const pictureRepository = createPictureRepository(db);

let progress: PictureProgress | null = null;
const listeners = new Set<() => void>();

/** What the browser says of the link, read through a schema (navigator.connection is not in every browser). */
const connectionFacts = (): ConnectionFacts | undefined => {
  const parsed = connectionFactsSchema.safeParse((navigator as Navigator & { connection?: unknown }).connection);
  return parsed.success ? parsed.data : undefined;
};

export const pictureQueue = createPictureQueue({
  fetchPicture: (request) => bridge.fetchPicture(request),
  shrink: createPictureResizer({
    start: () => new Worker(new URL('../../workers/pictures/pictures.worker.ts', import.meta.url), { type: 'module', name: 'field-news-pictures' }),
    log: (level, message) => log[level]('pictures', message),
  }),
  repository: pictureRepository,
  // Pictures wait for every feed's sync to end (at most a minute per step, so a long queue of feeds still lets them through).
  whenSyncsQuiet: async () => {
    await stepAsideForSyncs(60_000);
  },
  storeBatch: 25,
  budgetBytes: async () => parsePictureBudget(await newsRepository.readSetting(pictureBudgetSettingKey)) * 1024 * 1024,
  concurrency: 3,
  // A few minutes of WebP at some four pictures a second: past that, JPEG gets a large first sync's pictures saved sooner.
  hasteAbove: 500,
  now: Date.now,
  random: Math.random,
  onProgress: (next) => {
    progress = next;
    listeners.forEach((listener) => listener());
  },
  log: (level, message) => log[level]('pictures', message),
});

/** The sync client's hook: the pictures of a stored page, chosen under the setting and the link. */
export const savePicturesNamed = async (pictures: readonly ItemPictures[]): Promise<void> => {
  try {
    const mode = parsePictureMode(await newsRepository.readSetting(pictureModeSettingKey));
    const connection = connectionFacts();
    pictureQueue.enqueue(pictures.map((item) => ({ ...item, urls: picturesToSave(item.urls, mode, connection) })));
  } catch (error) {
    // The setting could not be read: these pictures stay unsaved, and the news is untouched.
    log.warn('pictures', `Pictures could not be queued: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** "Save pictures for this item": every picture it names, whatever the setting, because the user asked. */
export const savePicturesOfItem = (item: NewsItem): void =>
  pictureQueue.enqueue([{ feedUrl: item.feedUrl, itemKey: newsItemKeyText(item), urls: pictureUrlsOfItem(item) }]);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** "Saving pictures… 12 of 40" while a round runs; null otherwise. */
export const usePictureProgress = (): PictureProgress | null => useSyncExternalStore(subscribe, () => progress);

// The search worker's index over time: loads the gazetteer once, builds the engine (answering at once
// from the indexes saved at the last save, when they are whole), refreshes it whenever stored items
// change (its own watch of the database: the one trigger), one refresh at a time, saves the indexes
// for the next start once refreshes are quiet, and says why when place search cannot run — an
// unreadable gazetteer is not a database that cannot be read, and the user is told which.
import { errorMessages } from '../../../shared/errorMessages';
import { englishText } from '../../../shared/i18n/formatMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { loadGazetteer } from '../../../shared/places/gazetteer';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { workerLog } from '../../log/workerLog';
import { stepAsideForSyncs } from '../../threads/waitWhileSyncing';
import { createNewsSearchEngine, type CreateTextIndex, type NewsSearchEngine } from './newsSearchEngine';
import { watchItems } from './watchItems';

/** The indexes are saved for the next start once refreshes have been quiet this long: a sync's
 *  pages refresh them every second or so (one save at its end, not one per page), and a window
 *  closed soon after its indexes were built from every item should not leave the next start to
 *  read them all again. */
export const indexSaveDelayMs = 2_000;

export interface SearchIndexOptions {
  db: FieldNewsDb;
  createTextIndex: CreateTextIndex;
  /** How long after the last refresh the indexes are saved (indexSaveDelayMs). */
  saveDelayMs?: number;
  /** The gazetteer file's JSON, or null when it could not be fetched. */
  loadGazetteerFile: (url: string) => Promise<unknown>;
  onReady: (indexedCount: number) => void;
  onUnavailable: (message: UserMessage) => void;
}

export interface SearchIndex {
  start(gazetteerUrl: string): Promise<void>;
  /** The engine once the first index is built; rejects when place search cannot run. */
  engine(): Promise<NewsSearchEngine>;
}

/** Saves the indexes once no sync and no refresh runs (`refreshing`), `delayMs` after the last call. */
const createIndexSaver = (delayMs: number, refreshing: () => boolean) => {
  let saving: Promise<unknown> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async (engine: NewsSearchEngine) => {
    await stepAsideForSyncs(30 * 60_000);
    // A refresh started meanwhile asks for another save when it ends.
    if (refreshing() || saving !== null) return;
    const saved = engine.saveIndexes();
    saving = saved;
    try {
      if (await saved) workerLog.debug('search', `index saved for the next start: ${engine.indexedCount} items`);
    } finally {
      saving = null;
    }
  };
  return {
    saveWhenQuiet(engine: NewsSearchEngine): void {
      clearTimeout(timer);
      timer = setTimeout(() => {
        save(engine).catch((thrown: unknown) => workerLog.warn('search', 'The search index could not be saved; the next start reads the items instead', thrown));
      }, delayMs);
    },
    /** Resolves when no save is under way (its failure is logged where it is made). */
    finished: (): Promise<unknown> => saving?.then(() => undefined, () => undefined) ?? Promise.resolve(),
  };
};

export const startSearchIndex = (options: SearchIndexOptions): SearchIndex => {
  let markReady: (engine: NewsSearchEngine) => void = () => undefined;
  let markFailed: (reason: Error) => void = () => undefined;
  const ready = new Promise<NewsSearchEngine>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A search asked before a failure still hears of it; nobody need be waiting for it to count as handled.
  ready.catch(() => undefined);
  let started: Promise<void> | null = null;
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  const saver = createIndexSaver(options.saveDelayMs ?? indexSaveDelayMs, () => refreshing !== null);

  /** Refreshes run one at a time; requests during a run fold into one more run after it. */
  const refresh = async (engine: NewsSearchEngine): Promise<void> => {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        // Tagging writes every new item again: while a feed syncs, it waits (up to a bound) so the
        // sync's pages do not queue behind it; the new items are tagged as soon as the sync ends.
        await stepAsideForSyncs(60_000);
        // A save under way finishes first.
        await saver.finished();
        await engine.refresh();
      } while (refreshAgain);
    })();
    try {
      await refreshing;
    } finally {
      refreshing = null;
      saver.saveWhenQuiet(engine);
    }
    workerLog.debug('search', `index refreshed: ${engine.indexedCount} items`);
    options.onReady(engine.indexedCount);
  };

  const stopFor = (message: UserMessage, why: string, thrown: unknown) => {
    workerLog.error('search', why, thrown);
    options.onUnavailable(message);
    markFailed(new Error(englishText(message)));
  };

  const load = async (gazetteerUrl: string) => {
    let file: unknown;
    try {
      file = await options.loadGazetteerFile(gazetteerUrl);
    } catch (thrown) {
      return stopFor(errorMessages.gazetteerUnreadable, 'The gazetteer could not be fetched; place search is off', thrown);
    }
    const gazetteer = loadGazetteer(file);
    if (!gazetteer.ok) return stopFor(gazetteer.error, 'The gazetteer is not a list of places; place search is off', englishText(gazetteer.error));
    const engine = createNewsSearchEngine(options.db, gazetteer.value, options.createTextIndex);
    try {
      // Indexes saved at the last save answer at once; the refresh then catches up with what changed since.
      if (await engine.restore()) {
        workerLog.info('search', `indexes read back from the last save: ${engine.indexedCount} items`);
        markReady(engine);
        options.onReady(engine.indexedCount);
      }
      await refresh(engine);
    } catch (thrown) {
      return stopFor(errorMessages.searchIndexUnreadable, 'The saved news could not be indexed; place search is off', thrown);
    }
    markReady(engine);
    // New, changed and removed items are searchable within about a second, whoever stored them.
    watchItems(options.db, () => {
      refresh(engine).catch((thrown: unknown) => workerLog.error('search', 'The index could not be brought up to date', thrown));
    });
  };

  return {
    start: (gazetteerUrl) => (started ??= load(gazetteerUrl)),
    engine: () => ready,
  };
};

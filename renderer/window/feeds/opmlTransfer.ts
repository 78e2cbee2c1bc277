// Import and export of the feed list as OPML: the file a field officer brings from another reader,
// and the one they take to it. The file is read in a worker of its own (opmlReader.ts), all or
// nothing; the feeds are added in one transaction.
import { errorMessages } from '../../../shared/errorMessages';
import { opmlLimits, type OpmlImport } from '../../../shared/opml/parseOpml';
import { writeOpml } from '../../../shared/opml/writeOpml';
import { fail, succeed, type Result } from '../../../shared/result';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { log } from '../log';
import { createOpmlReader, type ReadOpml } from './opmlReader';

export interface OpmlImportOutcome {
  /** Addresses of the feeds added, to sync a few at a time. */
  added: string[];
  alreadyThere: number;
  notFeedAddresses: number;
}

/**
 * The longest a chosen file may take to read. The slowest 10 MB file found reads in about 2 s on a
 * developer's laptop (a list of 5,000 feeds in a fraction of that): this leaves room for a slow one.
 */
export const opmlReadingLimitMs = 20_000;

/** The app's reader: a worker started for each file (never on import of this module) and ended after it. */
const readOpmlInWorker: ReadOpml = createOpmlReader({
  start: () => new Worker(new URL('../../workers/opml/opml.worker.ts', import.meta.url), { type: 'module', name: 'field-news-opml' }),
  timeLimitMs: opmlReadingLimitMs,
  log: (message) => log.warn('feeds', message),
});

const addImportedFeeds = async (repository: NewsRepository, { feeds, notFeedAddresses, repeated }: OpmlImport): Promise<OpmlImportOutcome> => {
  const stored = await repository.addFeeds(
    feeds.map((feed) => ({ url: feed.url, title: feed.title ?? new URL(feed.url).host, builtIn: false, folder: feed.folder, fullArticles: feed.fullArticles })),
  );
  // A feed named twice in the file is, for the user, one already there.
  return { added: stored.added, alreadyThere: stored.alreadyThere + repeated, notFeedAddresses };
};

/** Reads a chosen file in its own charset (byte-order mark, then the XML declaration, then UTF-8) and adds its feeds. */
export const importOpmlFile = async (repository: NewsRepository, file: Blob, readOpml: ReadOpml = readOpmlInWorker): Promise<Result<OpmlImportOutcome, UserMessage>> => {
  // Far larger than any list of feeds: refused before it is read into memory.
  if (file.size > opmlLimits.maxMegabytes * 1024 * 1024) return fail(errorMessages.opmlTooLarge(opmlLimits.maxMegabytes));
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return fail(errorMessages.opmlUnreadable(error instanceof Error ? error.message : String(error)));
  }
  const read = await readOpml(bytes);
  return read.ok ? succeed(await addImportedFeeds(repository, read.value)) : read;
};

/** Every feed the user added (not the bundled sample), with its folder and *Full articles* choice, as an OPML 2.0 file. */
export const exportOpml = async (db: FieldNewsDb, now: Date): Promise<{ fileName: string; blob: Blob }> => {
  const feeds = (await db.feeds.orderBy('url').toArray()).filter((feed) => !feed.builtIn);
  const text = writeOpml(
    feeds.map((feed) => ({ url: feed.url, title: feed.title, folder: feed.folder, fullArticles: feed.fullArticles })),
    { title: 'Field News feeds', createdAt: now },
  );
  return { fileName: `field-news-feeds-${now.toISOString().slice(0, 10)}.opml`, blob: new Blob([text], { type: 'text/x-opml' }) };
};

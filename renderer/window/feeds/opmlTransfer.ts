// Import and export of the feed list as OPML: the file a field officer brings from another reader,
// and the one they take to it. Parsing is all-or-nothing; the feeds are added in one transaction.
import { errorMessages } from '../../../shared/errorMessages';
import { decodeFeedBytes } from '../../../shared/feed/decodeFeedBytes';
import { parseOpml } from '../../../shared/opml/parseOpml';
import { writeOpml } from '../../../shared/opml/writeOpml';
import { fail, succeed, type Result } from '../../../shared/result';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import type { UserMessage } from '../../../shared/i18n/userMessage';

export interface OpmlImportOutcome {
  /** Addresses of the feeds added, to sync a few at a time. */
  added: string[];
  alreadyThere: number;
  notFeedAddresses: number;
}

export const importOpmlText = async (repository: NewsRepository, text: string): Promise<Result<OpmlImportOutcome, UserMessage>> => {
  const parsed = parseOpml(text);
  if (!parsed.ok) return parsed;
  const { feeds, notFeedAddresses, repeated } = parsed.value;
  const stored = await repository.addFeeds(
    feeds.map((feed) => ({ url: feed.url, title: feed.title ?? new URL(feed.url).host, builtIn: false, folder: feed.folder })),
  );
  // A feed named twice in the file is, for the user, one already there.
  return succeed({ added: stored.added, alreadyThere: stored.alreadyThere + repeated, notFeedAddresses });
};

/** Reads a chosen file in its own charset (byte-order mark, then the XML declaration, then UTF-8). */
export const importOpmlFile = async (repository: NewsRepository, file: Blob): Promise<Result<OpmlImportOutcome, UserMessage>> => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return fail(errorMessages.opmlUnreadable(error instanceof Error ? error.message : String(error)));
  }
  return importOpmlText(repository, decodeFeedBytes(bytes, null).text);
};

/** Every feed the user added (not the bundled sample), with its folder, as an OPML 2.0 file. */
export const exportOpml = async (db: FieldNewsDb, now: Date): Promise<{ fileName: string; blob: Blob }> => {
  const feeds = (await db.feeds.orderBy('url').toArray()).filter((feed) => !feed.builtIn);
  const text = writeOpml(
    feeds.map((feed) => ({ url: feed.url, title: feed.title, folder: feed.folder })),
    { title: 'Field News feeds', createdAt: now },
  );
  return { fileName: `field-news-feeds-${now.toISOString().slice(0, 10)}.opml`, blob: new Blob([text], { type: 'text/x-opml' }) };
};

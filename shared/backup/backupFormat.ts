// The Field News backup file ("Export my news"): its documented format, its caps, and the zod
// schemas that check every part of a file before anything of it reaches the database.
//
// ## Format, version 1
//
// One UTF-8 JSON object (file name `field-news-backup-YYYY-MM-DD.json`). Key order is free, but
// Field News writes the keys in this order and one list entry per line, so a person can read it:
//
//     {"format":"field-news-backup","version":1,"exportedAt":"2026-11-28T10:00:00.000Z","app":{"version":"0.1.0"},
//     "feeds":[
//     {"url":"https://example.org/feed.json","title":"IOM Regional News","addedAt":"…","folder":null,"fullArticles":"always"}
//     ],
//     "settings":[
//     {"key":"syncIntervalMinutes","value":"30"}
//     ],
//     "items":[
//     {"feedUrl":"https://example.org/feed.json","id":"123","title":"…","url":"https://…","contentText":"…",
//      "contentHtml":null,"summary":null,"datePublished":"2021-07-07T00:00:00Z","dateModified":null,"tags":[],
//      "authors":[],"imageUrl":null,"point":null,"read":true,"starred":false,"firstSeenAt":"…",
//      "article":{"pageUrl":"https://…","title":"…","byline":null,"siteName":"…","length":5230,
//                 "savedAt":"…","html":"<p>…</p>","text":"…"}}
//     ]}
//
//   (each entry on one line in the file; wrapped here to fit)
//
// - `format` is always "field-news-backup"; a file without it is not a Field News backup.
// - `version` is the format's version (not the app's): a reader refuses a version it does not know,
//   so a backup from a newer Field News is named as such instead of being half-read.
// - `feeds`: each feed by its address (`url`, an http(s) address read in its normal form; the bundled
//   sample has the key "bundled:iom-regional-news-2021"), its title, when it was added, and its folder (or null).
//   Sync state (validators, failures, resume points) is not exported: it belongs to one computer.
//   `fullArticles` (optional): the feed's *Full articles* choice, "automatic", "always" or "never",
//   written only where one was made; a missing one, or a word this version does not know, is no choice.
// - `settings`: every stored setting as key and text value (an import takes only some: see Import).
// - `items`: each item as the feed gave it (the JSON Feed fields, camelCase) plus the reader's
//   `read` and `starred` flags and `firstSeenAt`; every item's `feedUrl` names a feed of `feeds`.
//   Derived fields (sort date, preview, places, fingerprint) are not exported: the importer
//   computes them again, so a backup cannot plant a wrong one.
//   `article` (optional): the full article saved for the item (shared/articles/articleRecord.ts),
//   written only when one is saved, with the moment it was saved; an article still waiting, or one
//   that failed, is this computer's own state and is not exported. Its `html` is kept as text and
//   sanitized again each time it is shown, like a feed's HTML; `html` and `text` are capped at
//   `articleMaxCharacters`, and an article over a cap is left out of the file (its page can be
//   fetched again) rather than writing a file that would be refused.
// - Unknown keys are ignored, so a later version-1 writer may add optional fields. `fullArticles`
//   and `article` were added that way: a Field News from before them reads such a file and leaves
//   them out, and this one reads a file without them. So the version stays 1.
// - Caps (a file over them is refused whole): the text caps of stored news (`storageCaps`), the
//   articles' (`articleMaxCharacters`), `backupCaps` below for counts and sizes.
//
// ## Import
// - The whole file is checked first; a damaged, foreign, too-new or too-large file changes nothing.
// - Items are keyed by (feedUrl, id) as in the store, so importing twice adds nothing. Content
//   merges by the sync's rule (the newer `dateModified` wins, shared/feed/newsItem.ts); a read or
//   starred flag set on either side stays set (why: shared/backup/mergeBackupItem.ts); an item
//   already here keeps its `firstSeenAt`. An item's `dateModified`, `firstSeenAt` and its article's
//   `savedAt` are never later than the backup itself (`exportedAt`, or now if that is earlier): a
//   later one is read as that moment.
// - An item's saved article is written with the item, in the same transaction. It is taken where
//   this computer has no saved article for the item (none at all, one still waiting, or one that
//   could not be saved) or one saved earlier than the backup's; a saved article here that is as
//   new or newer stays. It is taken only while the item, as stored after the merge, still links
//   to the page the backup's copy of the item linked to: an article of another page would be the
//   wrong text (shared/backup/mergeBackupArticle.ts).
// - Feeds are keyed by address: one already here keeps its sync state, title, folder and *Full
//   articles* choice, taking the backup's title, folder or choice only where it has none.
// - Settings: only an allow-list about how the app looks and reads is added, where this computer
//   has none (shared/backup/backupSettings.ts); a choice that removes news or pictures ("Keep
//   news", the pictures' budget) is never taken from a file.
import { z } from 'zod';
import { httpAddress, isHttpAddress } from '../webAddress';
import { storageCaps } from '../feed/feedItem';
import { sampleFeedKey } from '../feed/sampleFeed';
import { articleMaxCharacters, fullArticlesChoices, type FullArticlesChoice } from '../articles/articleRecord';

// No code generation: the renderer's Content-Security-Policy forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

export const backupFormatName = 'field-news-backup';
export const backupFormatVersion = 1;

export const backupCaps = {
  /** A 100,000-item backup of ordinary news is about 300 MB; this leaves room without inviting a runaway file. */
  fileBytes: 2 * 1024 ** 3,
  items: 1_000_000,
  feeds: 10_000,
  settings: 1_000,
  settingKeyCharacters: 200,
  settingValueCharacters: 100_000,
  /** One list entry's JSON text: three text fields and an article's two at their caps, escaped, fit well under this. */
  entryCharacters: 16_000_000,
  /** A header value (format, version, exportedAt, app). */
  headerCharacters: 10_000,
  itemIdCharacters: storageCaps.urlCharacters,
} as const;

export type BackupCaps = { [key in keyof typeof backupCaps]: number };

/** A moment written by Field News itself (firstSeenAt, addedAt…), kept in UTC ISO form so that text order is time order. */
const isoTime = z
  .string()
  .max(64)
  .refine((text) => !Number.isNaN(Date.parse(text)), 'not a date')
  .transform((text) => new Date(text).toISOString());

// The same RFC 3339 rule the feed parsers apply to a feed's own dates, which are stored as the feed wrote them.
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const feedDate = z
  .string()
  .max(64)
  .refine((text) => rfc3339.test(text) && !Number.isNaN(Date.parse(text)), 'not an RFC 3339 date');

const webAddress = z
  .string()
  .max(storageCaps.urlCharacters)
  .refine(isHttpAddress, 'not a web address');

const nullableText = (limit: number) => z.string().max(limit).nullable();

/**
 * A feed's address: an http(s) address, kept in its normal form (`URL.href`, as adding a feed and
 * OPML store it: a newline inside the text, which the URL parser drops, would otherwise reach the
 * store and break the "feed\nid" key text of its items), or the bundled sample's key.
 */
const feedAddress = z
  .string()
  .min(1)
  .max(storageCaps.urlCharacters)
  .transform((text) => (text === sampleFeedKey ? text : httpAddress(text)))
  .pipe(z.string());

const isFullArticlesChoice = (text: string): text is FullArticlesChoice => (fullArticlesChoices as readonly string[]).includes(text);

export const backupFeedSchema = z.object({
  url: feedAddress,
  title: z.string().max(storageCaps.titleCharacters),
  addedAt: isoTime,
  folder: nullableText(storageCaps.titleCharacters),
  // A word a later Field News may add is no choice here, rather than a damaged file.
  fullArticles: z
    .string()
    .max(64)
    .transform((text) => (isFullArticlesChoice(text) ? text : undefined))
    .optional(),
});

/** A saved article (shared/articles/articleRecord.ts, SavedArticle) and when it was saved. */
export const backupArticleSchema = z.object({
  pageUrl: webAddress,
  title: nullableText(storageCaps.titleCharacters),
  byline: nullableText(storageCaps.titleCharacters),
  siteName: nullableText(storageCaps.titleCharacters),
  length: z.number().int().min(0),
  savedAt: isoTime,
  html: z.string().max(articleMaxCharacters),
  text: z.string().max(articleMaxCharacters),
});

export const backupSettingSchema = z.object({
  key: z.string().min(1).max(backupCaps.settingKeyCharacters),
  value: z.string().max(backupCaps.settingValueCharacters),
});

export const backupItemSchema = z.object({
  feedUrl: feedAddress,
  id: z.string().min(1).max(backupCaps.itemIdCharacters),
  title: z.string().max(storageCaps.titleCharacters),
  url: webAddress.nullable(),
  contentText: nullableText(storageCaps.textCharacters),
  contentHtml: nullableText(storageCaps.textCharacters),
  summary: nullableText(storageCaps.textCharacters),
  datePublished: feedDate.nullable(),
  dateModified: feedDate.nullable(),
  tags: z.array(z.string().max(storageCaps.tagCharacters)).max(storageCaps.tags),
  // Optional so that a backup written before items had authors, pictures and places still reads.
  authors: z.array(z.string().max(storageCaps.authorCharacters)).max(storageCaps.authors).default([]),
  imageUrl: webAddress.nullable().default(null),
  point: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .default(null),
  read: z.boolean(),
  starred: z.boolean(),
  firstSeenAt: isoTime,
  // Optional: backups written before articles were saved have none (and a missing one reads as none).
  article: backupArticleSchema.nullish(),
});

export const backupHeaderSchema = z.object({
  format: z.literal(backupFormatName),
  version: z.literal(backupFormatVersion),
  exportedAt: isoTime,
  app: z.object({ version: z.string().max(100) }),
});

export type BackupFeed = z.infer<typeof backupFeedSchema>;
export type BackupSetting = z.infer<typeof backupSettingSchema>;
export type BackupItem = z.infer<typeof backupItemSchema>;
export type BackupArticle = z.infer<typeof backupArticleSchema>;
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The lists of a backup, in the order Field News writes them. */
export const backupLists = ['feeds', 'settings', 'items'] as const;
export type BackupList = (typeof backupLists)[number];

/** The first line of a backup file, up to the opening of its first list. */
export const backupOpening = (header: BackupHeader): string =>
  `${JSON.stringify(header).slice(0, -1)},\n"feeds":[\n`;

/** The text between list entries, and between lists. */
export const entrySeparator = ',\n';
export const listSeparator = (next: BackupList): string => `\n],\n"${next}":[\n`;
export const backupClosing = '\n]}\n';

/** The suggested file name for a backup taken on `day` (the person's own calendar day). */
export const backupFileName = (day: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `field-news-backup-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
};

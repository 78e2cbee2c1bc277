// A plain-text report a person can paste to support: versions, OS, data folder, how much news is
// stored, each feed's sync state, storage use, and the last lines of the log. No news text: feeds
// are named by title and host only (an address may carry a private key), items only counted.
import { hostOf } from '../../../shared/webAddress';
import type { FieldNewsBridge, MainDiagnostics } from '../../../shared/bridge';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';
import { fail, type Result } from '../../../shared/result';
import type { FeedRecord, FieldNewsDb } from '../../db/fieldNewsDb';
import { englishText } from '../../../shared/i18n/formatMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface DiagnosticsSources {
  db: FieldNewsDb;
  bridge: Pick<FieldNewsBridge, 'getAppInfo' | 'getDiagnostics'>;
  /** navigator.storage.estimate where the browser has it. */
  estimateStorage?: () => Promise<StorageEstimateLike>;
  now?: () => Date;
  /** The browser's own description (navigator.userAgent), which names the engine in web mode. */
  userAgent?: string;
  /**
   * Unread and starred have no index, so counting them reads every item; above this many items
   * the report says so instead of freezing the window for seconds.
   */
  flagCountLimit?: number;
  /** How long the database may take to answer before the report goes on without it. */
  databaseTimeoutMs?: number;
}

const number = (value: number): string => value.toLocaleString('en');
const megabytes = (bytes: number): string => `${(bytes / 1024 ** 2).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** A feed's address as the report shows it: its host only. */
export const feedHost = (url: string): string => {
  if (url === sampleFeedKey) return 'bundled sample';
  return hostOf(url, '(not a web address)');
};

const feedLines = (servers: ReadonlyMap<string, string>) => (feed: FeedRecord, index: number): string[] => {
  const state = [
    `items: ${number(feed.itemCount)}`,
    `last sync: ${feed.lastSyncAt ?? 'never'}`,
    `failures in a row: ${feed.failures}`,
    feed.nextAttemptAt === null ? null : `next try: ${new Date(feed.nextAttemptAt).toISOString()}`,
    feed.gone ? 'gone (410): no longer checked' : null,
    feed.builtIn ? 'bundled' : null,
    feed.folder === null ? null : `folder: ${feed.folder}`,
    feed.account === undefined ? null : `from an aggregator account on ${feedHost(servers.get(feed.account) ?? '')}`,
  ].filter((part): part is string => part !== null);
  const lines = [`  ${index + 1}. ${feed.title || '(untitled)'} — ${feedHost(feed.url)}`, `     ${state.join(' · ')}`];
  if (feed.lastError !== null) lines.push(`     last error: ${englishText(feed.lastError)}`);
  if (feed.walkResume !== null) lines.push(`     unfinished walk: resumes at page ${feed.walkResume.pageNumber} (saved ${feed.walkResume.savedAt})`);
  return lines;
};

const countFlags = async (db: FieldNewsDb, items: number, limit: number): Promise<string[]> => {
  if (items > limit) return [`  unread, starred: not counted (${number(items)} items; counting reads every one)`];
  let unread = 0;
  let starred = 0;
  await db.items.each((item) => {
    if (!item.read) unread += 1;
    if (item.starred) starred += 1;
  });
  return [`  unread: ${number(unread)}`, `  starred: ${number(starred)}`];
};

const storageLines = async (estimateStorage: DiagnosticsSources['estimateStorage']): Promise<string[]> => {
  if (!estimateStorage) return ['  storage: no estimate in this browser'];
  try {
    const { usage, quota } = await estimateStorage();
    return [`  storage: ${usage === undefined ? 'unknown' : megabytes(usage)} used of ${quota === undefined ? 'unknown' : megabytes(quota)} allowed`];
  } catch (thrown) {
    return [`  storage: no estimate (${thrown instanceof Error ? thrown.message : 'refused'})`];
  }
};

type ShellPart = { ok: true; diagnostics: MainDiagnostics } | { ok: false; problem: string; fallback: string[] };

/** The shell's part, or what could be learnt without it when it failed. */
const shellPart = async (bridge: DiagnosticsSources['bridge']): Promise<ShellPart> => {
  // A bridge call may also reject (the main process gone): said in the report like a refusal.
  const settle = <T>(call: () => Promise<Result<T, UserMessage>>): Promise<Result<T>> =>
    call()
      .then((result): Result<T> => (result.ok ? result : fail(englishText(result.error))))
      .catch((thrown: unknown) => fail(thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : 'no answer'));
  const diagnostics = await settle(() => bridge.getDiagnostics());
  if (diagnostics.ok) return { ok: true, diagnostics: diagnostics.value };
  const info = await settle(() => bridge.getAppInfo());
  const fallback = info.ok
    ? [`  version: ${info.value.version}`, `  shell: ${info.value.shell}`, `  OS: ${info.value.platform}`, `  data folder: ${info.value.dataFolder ?? 'not known in this shell'}`]
    : [`  app information: not available (${info.error})`];
  return { ok: false, problem: diagnostics.error, fallback };
};

const appLines = (shell: MainDiagnostics): string[] => [
  `  version: ${shell.version}`,
  `  shell: ${shell.shell}${shell.electronVersion ? ` (Electron ${shell.electronVersion}, Chrome ${shell.chromeVersion ?? 'unknown'})` : ''}`,
  `  OS: ${[shell.os.platform, shell.os.release, shell.os.arch].filter((part) => part !== null).join(' ')}`,
  `  data folder: ${shell.dataFolder ?? 'not known in this shell'}`,
];

const logLines = (shell: ShellPart): string[] => {
  if (!shell.ok) return ['Log', `  not available: ${shell.problem}`];
  const lines = shell.diagnostics.logLines;
  return [`Log (last ${lines.length} lines, oldest first)`, ...(lines.length === 0 ? ['  (empty)'] : lines.map((line) => `  ${line}`))];
};

/** An aggregator account as support needs it: its service and host, its last sync and waiting marks; never the user name or a secret. */
const accountLines = async (db: FieldNewsDb): Promise<string[]> => {
  const accounts = await db.accounts.toArray();
  const lines = ['Accounts'];
  if (accounts.length === 0) return [...lines, '  none'];
  for (const [index, account] of accounts.entries()) {
    const waiting = await db.readerChanges.where('accountId').equals(account.id).count();
    const last = account.lastSync === null ? 'never synced' : `last sync ${account.lastSyncAt ?? '?'}: ${number(account.lastSync.newItems)} new, ${number(account.lastSync.readElsewhere)} read elsewhere, ${number(account.lastSync.bytes)} bytes`;
    lines.push(`  ${index + 1}. ${account.service} — ${feedHost(account.serverAddress)}`, `     ${last} · marks waiting to be sent: ${number(waiting)}`);
    if (account.lastError !== null) lines.push(`     last error: ${englishText(account.lastError)}`);
  }
  return lines;
};

/** The database's part: counts and feed states. */
const databaseLines = async (db: FieldNewsDb, sources: DiagnosticsSources): Promise<string[]> => {
  const feeds = await db.feeds.toArray();
  const items = feeds.reduce((sum, feed) => sum + feed.itemCount, 0);
  const waitingForTags = await db.items.where('placesVersion').equals('').count();
  return [
    'Database',
    `  schema version: ${db.verno}`,
    `  feeds: ${number(feeds.length)}`,
    `  items: ${number(items)} (from the feeds' counts)`,
    ...(await countFlags(db, items, sources.flagCountLimit ?? 20_000)),
    `  waiting for place tags: ${number(waitingForTags)}`,
    '',
    'Feeds',
    ...(feeds.length === 0 ? ['  none'] : feeds.flatMap(feedLines(new Map((await db.accounts.toArray()).map((account) => [account.id, account.serverAddress]))))),
    '',
    ...(await accountLines(db)),
  ];
};

/**
 * The report is wanted most when storage is failing: a database that throws, or never answers
 * (another window holding an upgrade), gets one line saying so and the rest of the report still comes.
 */
const unlessStuck = async (lines: Promise<string[]>, timeoutMs: number): Promise<string[]> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve(['Database', `  could not be read: no answer within ${timeoutMs / 1000} s`]), timeoutMs);
  });
  try {
    return await Promise.race([lines, stuck]);
  } catch (thrown) {
    return ['Database', `  could not be read: ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : 'unknown failure'}`];
  } finally {
    clearTimeout(timer);
  }
};

export const collectDiagnosticsFrom = async (sources: DiagnosticsSources): Promise<string> => {
  const now = (sources.now ?? (() => new Date()))();
  const shell = await shellPart(sources.bridge);
  return [
    `Field News diagnostics — ${now.toISOString()}`,
    'This report holds no news text: feeds by title and host, items only counted.',
    '',
    'App',
    ...(shell.ok ? appLines(shell.diagnostics) : shell.fallback),
    ...(sources.userAgent === undefined ? [] : [`  browser: ${sources.userAgent}`]),
    ...(await storageLines(sources.estimateStorage)),
    '',
    ...(await unlessStuck(databaseLines(sources.db, sources), sources.databaseTimeoutMs ?? 5_000)),
    '',
    ...logLines(shell),
    '',
  ].join('\n');
};

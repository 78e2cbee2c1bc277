// The typed contract between the renderer and the main process: one method per message.
// Imported with `import type` by the preload, the main handlers and the renderer.
import type { LanguageSetting } from './i18n/interfaceLanguage';
import type { LogEntry } from './logEntry';
import type { PictureFetchResult, PictureRequest } from './pictures/fetchPicture';
import type { Result } from './result';
import type { FeedDocumentRequest, FeedFetchResult } from './sync/fetchFeedDocument';
import type { UserMessage } from './i18n/userMessage';
import type { ReaderCall } from './aggregator/readerCalls';
import type { ConnectedAccount, ReaderAnswer } from './aggregator/readerSession';

export const bridgeChannels = {
  getAppInfo: 'field-news:get-app-info',
  openExternalLink: 'field-news:open-external-link',
  fetchFeedDocument: 'field-news:fetch-feed-document',
  fetchPicture: 'field-news:fetch-picture',
  admitFeed: 'field-news:admit-feed',
  writeLog: 'field-news:write-log',
  getDiagnostics: 'field-news:get-diagnostics',
  getSystemLanguages: 'field-news:get-system-languages',
  setInterfaceLanguage: 'field-news:set-interface-language',
  getFreeDiskSpace: 'field-news:get-free-disk-space',
  connectAggregator: 'field-news:connect-aggregator',
  forgetAggregator: 'field-news:forget-aggregator',
  /** A one-way message: the page asks for a MessagePort of its own for the sync worker. */
  requestSyncPort: 'field-news:request-sync-port',
} as const;

/** Messages the main process sends to the page (the page only listens). */
export const bridgeEvents = {
  systemResumed: 'field-news:system-resumed',
  /** Carries the sync worker's MessagePort (in the message's ports) in answer to requestSyncPort. */
  syncPort: 'field-news:sync-port',
} as const;

/**
 * The window message that hands the page the sync worker's port: the preload receives the port from
 * the main process and posts it to the page's own window, as a MessagePort cannot cross the
 * contextBridge. Only renderer/window/bridge.ts listens for it.
 */
export const syncPortWindowMessage = 'field-news-sync-port';

/**
 * What the sync worker asks of the shell over its own port (a MessageChannelMain in Electron), so a
 * feed page's bytes go main → sync worker without the window relaying them. The same validation
 * and answers as the bridge's methods of the same names.
 */
export type SyncShellCalls = {
  fetchFeedDocument(request: FeedDocumentRequest): FeedFetchResult;
  getFreeDiskSpace(nothing: null): Result<FreeDiskSpace, UserMessage>;
  /** One Reader API call to an aggregator account, made by the shell that keeps the account's token. */
  callReader(request: ReaderCallRequest): ReaderAnswer;
};

export interface ReaderCallRequest {
  accountId: string;
  call: ReaderCall;
}

/** What the person typed to connect an account. `remember` matters in web mode only (the desktop app keeps it with safeStorage). */
export interface AggregatorSignIn {
  serverAddress: string;
  userName: string;
  password: string;
  remember: boolean;
}

export type BridgeChannel = (typeof bridgeChannels)[keyof typeof bridgeChannels];

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' in a browser. */
  shell: 'electron' | 'web';
  platform: string;
  electronVersion: string | null;
  chromeVersion: string | null;
  /** Where the news is stored on this computer, when the shell knows it. */
  dataFolder: string | null;
}

/** What the shell knows for a support request; the renderer adds the database counts and feed states. */
export interface MainDiagnostics {
  version: string;
  shell: 'electron' | 'web';
  electronVersion: string | null;
  chromeVersion: string | null;
  os: { platform: string; release: string | null; arch: string | null };
  /** Where the news is stored on this computer, when the shell knows it. */
  dataFolder: string | null;
  /** The last lines of the diagnostics log, oldest first. */
  logLines: string[];
}

/** Room left where the news is stored, in bytes (the data folder's file system, or the browser's quota). */
export interface FreeDiskSpace {
  freeBytes: number;
  totalBytes: number;
}

/**
 * How far a feed being added may reach. 'inside-network': the user allowed it, in a dialog of the
 * main process, to reach its own host inside their network; every other feed reaches public addresses only.
 */
export interface FeedAdmission {
  reach: 'public' | 'inside-network';
  /** True when this call is what allowed it (the user chose Allow just now). */
  newlyAllowed: boolean;
}

/** How many log lines the diagnostics carry. */
export const diagnosticsLogLines = 200;

export interface FieldNewsBridge {
  getAppInfo(): Promise<Result<AppInfo, UserMessage>>;
  /** Opens an http(s) link in the system browser; anything else is refused. */
  openExternalLink(url: string): Promise<Result<null, UserMessage>>;
  /**
   * Downloads one feed document under the shared fetch policy: in Electron the main process does it
   * with net.request (system proxy settings, no CORS); in a browser, the page's fetch.
   */
  fetchFeedDocument(request: FeedDocumentRequest): Promise<FeedFetchResult>;
  /**
   * Downloads one picture a feed's item names, at sync time only (never to display it), through the
   * same transport and address rules as its feed, at most 10 MB and image types only.
   */
  fetchPicture(request: PictureRequest): Promise<PictureFetchResult>;
  /**
   * Called before a feed is added (and when its address is added again). In Electron the main
   * process resolves its host; a host inside the user's network is allowed only when the user says
   * so in the main process's own dialog, and is then remembered there. Refused: a failure value.
   * Web mode has no address rules (the browser fetches): every feed is 'public'.
   */
  admitFeed(url: string): Promise<Result<FeedAdmission, UserMessage>>;
  /**
   * Adds lines to the diagnostics log (in Electron the main process's rotating log file). At most
   * `logLimits.entriesPerCall` entries per call; long messages are cut. Never item text.
   */
  writeLog(entries: LogEntry[]): Promise<Result<null, UserMessage>>;
  /** Versions, OS, data folder and the last `diagnosticsLogLines` lines of the log. */
  getDiagnostics(): Promise<Result<MainDiagnostics, UserMessage>>;
  /** The system's preferred languages, most preferred first (BCP 47 tags such as "es-MX"). */
  getSystemLanguages(): Promise<Result<string[], UserMessage>>;
  /** Tells the main process the user's language setting, so the menu and About box follow it. */
  setInterfaceLanguage(setting: LanguageSetting): Promise<Result<null, UserMessage>>;
  /**
   * The room left where the news is stored, so a sync stops before a write that would fill the disk
   * (Chromium may delete a database whose write fails for want of space, electron/electron#41877).
   */
  getFreeDiskSpace(): Promise<Result<FreeDiskSpace, UserMessage>>;
  /**
   * Signs in to a team aggregator (ClientLogin) and keeps the token and API password where the page
   * cannot read them (the main process, encrypted with safeStorage). The server's host is admitted
   * as a feed's is (inside the network only if the person allows it).
   */
  connectAggregator(signIn: AggregatorSignIn): Promise<Result<ConnectedAccount, UserMessage>>;
  /** Forgets an account's token and password. */
  forgetAggregator(accountId: string): Promise<Result<null, UserMessage>>;
  /** Calls `listener` when the computer wakes from sleep; returns the function that stops listening. */
  onSystemResume(listener: () => void): () => void;
  /**
   * Asks the main process for a MessagePort that serves SyncShellCalls; it arrives as a window
   * message (`syncPortWindowMessage`, the port in `event.ports`). Each call gives a new port.
   */
  requestSyncPort(): void;
}

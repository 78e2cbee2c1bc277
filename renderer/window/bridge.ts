// The renderer's one door to the shell. In Electron the preload exposes `window.fieldNews`;
// in a browser (web mode) the same contract is implemented here with web APIs.
import { appName } from '../../shared/appIdentity';
import { diagnosticsLogLines, syncPortWindowMessage, type AppInfo, type FieldNewsBridge } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { checkExternalLink } from '../../shared/externalLink';
import { checkLogEntries, type LogEntry } from '../../shared/logEntry';
import { fetchPicture, picturePolicy } from '../../shared/pictures/fetchPicture';
import { fail, succeed } from '../../shared/result';
import { fetchFeedDocument } from '../../shared/sync/fetchFeedDocument';
import { browserTransport, estimateFreeSpace } from '../threads/browserShell';
import { defaultFetchPolicy } from '../../shared/sync/fetchPolicy';
import { englishText } from '../../shared/i18n/formatMessages';
import { webConnectAggregator, webForgetAggregator } from './accounts/webAccountSecrets';

declare global {
  interface Window {
    readonly fieldNews?: FieldNewsBridge;
  }
}

/** Where web mode keeps its diagnostics log (an IndexedDB ring buffer the renderer registers). */
export interface WebLogStore {
  write(entries: readonly LogEntry[]): Promise<void>;
  lastLines(count: number): Promise<string[]>;
}

let webLogStore: WebLogStore | null = null;

/** Called once by the web log store as it opens; until then log calls fail as values. */
export const setWebLogStore = (store: WebLogStore): void => {
  webLogStore = store;
};

const webBridge: FieldNewsBridge = {
  getAppInfo: () => {
    const info: AppInfo = {
      name: appName,
      version: __APP_VERSION__,
      shell: 'web',
      platform: navigator.platform || 'web',
      electronVersion: null,
      chromeVersion: null,
      dataFolder: null,
    };
    return Promise.resolve(succeed(info));
  },
  openExternalLink: (url) => {
    const link = checkExternalLink(url);
    if (!link.ok) return Promise.resolve(fail(link.error));
    window.open(link.value, '_blank', 'noopener,noreferrer');
    return Promise.resolve(succeed(null));
  },
  fetchFeedDocument: (request) => fetchFeedDocument(browserTransport, request, defaultFetchPolicy(__APP_VERSION__)),
  // The page fetches pictures itself in web mode, at sync time only; their server must allow CORS, as a feed's must.
  fetchPicture: (request) => fetchPicture(browserTransport, request, picturePolicy(__APP_VERSION__)),
  // The browser fetches, so web mode has no address rules to apply (README, "Web mode").
  admitFeed: () => Promise.resolve(succeed({ reach: 'public', newlyAllowed: false })),
  writeLog: async (entries) => {
    const checked = checkLogEntries(entries);
    if (!checked.ok) return checked;
    if (webLogStore === null) return fail(errorMessages.logStoreMissing);
    try {
      await webLogStore.write(checked.value);
      return succeed(null);
    } catch {
      return fail(errorMessages.storageUnavailable); // The log lives in the same IndexedDB as the news.
    }
  },
  getDiagnostics: async () => {
    if (webLogStore === null) return fail(errorMessages.logStoreMissing);
    return succeed({
      version: __APP_VERSION__,
      shell: 'web',
      electronVersion: null,
      chromeVersion: null,
      os: { platform: navigator.platform || 'web', release: null, arch: null },
      dataFolder: null,
      logLines: await webLogStore.lastLines(diagnosticsLogLines).catch(() => [`(${englishText(errorMessages.storageUnavailable)})`]),
    });
  },
  getSystemLanguages: () => Promise.resolve(succeed([...navigator.languages])),
  // Web mode has no menu or About box of its own: the page follows the setting by itself.
  setInterfaceLanguage: () => Promise.resolve(succeed(null)),
  // The bridge cannot log (the log is written through it): the failure itself is the value returned.
  getFreeDiskSpace: () => estimateFreeSpace(() => undefined),
  // The browser signs in itself; the secrets stay for the session, or sealed if the person asks (README, "For teams").
  connectAggregator: (signIn) => webConnectAggregator(signIn),
  forgetAggregator: (accountId) => webForgetAggregator(accountId),
  // A browser tab gets no sleep and wake signal; the 'online' event covers a link coming back.
  onSystemResume: () => () => undefined,
  // Web mode has no main process: the sync worker downloads and estimates the quota itself.
  requestSyncPort: () => undefined,
};

export const bridge: FieldNewsBridge = window.fieldNews ?? webBridge;

/** True in a browser (no preload): the page itself does what the main process does in the app. */
export const isWebMode = (): boolean => window.fieldNews === undefined;

/**
 * A MessagePort to the main process for a worker (SyncShellCalls: the sync worker's, the article
 * worker's), or null in web mode or when none arrives in time (the worker then downloads itself, as
 * in web mode).
 */
let portAsked: Promise<unknown> = Promise.resolve();

export const openSyncPort = (waitMs = 5_000): Promise<MessagePort | null> => {
  if (window.fieldNews === undefined) return Promise.resolve(null);
  const shell = window.fieldNews;
  // One request at a time: two workers asking at once must not both take the first port that arrives.
  const opened = portAsked.then(
    () =>
      new Promise<MessagePort | null>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          // Only the preload's message to this very window, carrying the port.
          if (event.source !== window || (event.data as { type?: unknown } | null)?.type !== syncPortWindowMessage) return;
          const port = event.ports[0];
          if (port === undefined) return;
          done(port);
        };
        const timer = window.setTimeout(() => done(null), waitMs);
        const done = (port: MessagePort | null) => {
          window.clearTimeout(timer);
          window.removeEventListener('message', onMessage);
          resolve(port);
        };
        window.addEventListener('message', onMessage);
        shell.requestSyncPort();
      }),
  );
  portAsked = opened;
  return opened;
};

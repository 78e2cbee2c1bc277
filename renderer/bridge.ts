// The renderer's one door to the shell. In Electron the preload exposes `window.fieldNews`;
// in a browser (web mode) the same contract is implemented here with web APIs.
import { appName } from '../shared/appIdentity';
import type { AppInfo, FieldNewsBridge } from '../shared/bridge';
import { checkExternalLink } from '../shared/externalLink';
import { fail, succeed } from '../shared/result';
import { fetchFeedDocument, type FeedTransport } from '../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy } from '../shared/sync/fetchPolicy';

declare global {
  interface Window {
    readonly fieldNews?: FieldNewsBridge;
  }
}

/** A browser follows redirects itself (a manual redirect is opaque) and sets its own User-Agent. */
const browserTransport: FeedTransport = {
  fetch: (url, init) => fetch(url, init),
  followsRedirectsItself: true,
  sendsUserAgent: false,
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
  // A browser tab gets no sleep and wake signal; the 'online' event covers a link coming back.
  onSystemResume: () => () => undefined,
};

export const bridge: FieldNewsBridge = window.fieldNews ?? webBridge;

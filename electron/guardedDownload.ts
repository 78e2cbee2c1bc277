// One guarded download for everything the page asks the main process to fetch (feed pages, pictures):
// the request checked before any request is made, the feed's reach looked up in the main process's
// own list (never taken from the page), every hop through the address rules on the address actually
// connected to, and a refusal logged by host and said in the reader's words.
import { z } from 'zod';
import { errorMessages } from '../shared/errorMessages';
import type { UserMessage } from '../shared/i18n/userMessage';
import type { FeedTransport } from '../shared/sync/feedTransport';
import { hostOf, longestWebAddress } from '../shared/webAddress';
import { feedReachOf } from '../shared/sync/addressRules';
import { guardAddresses, type GuardedNetwork } from './addressGuard';
import type { FeedsInsideNetwork } from './feedsInsideNetwork';
import { mainLog } from './mainLog';

/** The network the main process downloads over, and the feeds the user allowed inside it (fakes in tests). */
export interface NetworkAccess extends GuardedNetwork {
  insideNetwork: Pick<FeedsInsideNetwork, 'isAllowed'>;
}

/** An address the page may name: text of a bounded length (the download itself checks it is http(s)). */
export const requestedAddress = z.string().min(1).max(longestWebAddress);

/** What every download's failure carries, feeds' and pictures' alike. */
interface DownloadFailure {
  ok: false;
  error: UserMessage;
  reason: string;
  status: number | null;
  url: string;
}

export interface GuardedDownload<Request extends { feedUrl: string }, Result extends { ok: true } | DownloadFailure> {
  /** What is downloaded, for the log ("a feed", "a picture of a feed"). */
  what: string;
  schema: z.ZodType<Request>;
  /** The failure value for a request that is not one (no request is made). */
  badRequest: (error: UserMessage) => Result;
  download: (transport: FeedTransport, request: Request) => Promise<Result>;
  /** The failure value for a download the address rules stopped. */
  refused: (failed: Result & DownloadFailure, error: UserMessage, url: string) => Result;
}

export const guardedDownloader =
  <Request extends { feedUrl: string }, Result extends { ok: true } | DownloadFailure>(kind: GuardedDownload<Request, Result>) =>
  (network: NetworkAccess) =>
  async (request: unknown): Promise<Result> => {
    const checked = kind.schema.safeParse(request);
    if (!checked.success) return kind.badRequest(errorMessages.fetchBadAddress);
    // The page names the feed; whether that feed may reach inside the network is the main process's own record.
    const reach = feedReachOf(checked.data.feedUrl, network.insideNetwork.isAllowed(checked.data.feedUrl));
    const guard = guardAddresses(reach, network);
    const result = await kind.download({ fetch: guard.fetch, followsRedirectsItself: false, sendsUserAgent: true }, checked.data);
    const refusal = guard.refusal();
    if (result.ok || refusal === null) return result;
    // Hosts only: an address may carry a private key in its path or query.
    mainLog.warn('downloads', `Stopped ${kind.what} on ${hostOf(checked.data.feedUrl)} from reaching ${refusal.host} (${refusal.address}), inside this network`);
    return kind.refused(result as Result & DownloadFailure, errorMessages.fetchAddressRefused(refusal.host, refusal.address), refusal.url);
  };

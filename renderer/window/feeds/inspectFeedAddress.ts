// What a pasted address is, before it is added: a feed (add it), or a web page that announces feeds
// (discovery: add the one it names, or let the user choose), or something that is neither.
import type { FieldNewsBridge } from '../../../shared/bridge';
import { decodeFeedBytes } from '../../../shared/feed/decodeFeedBytes';
import { detectFeedFormat } from '../../../shared/feed/detectFeedFormat';
import { parseFeedDocument, type DiscoveredFeedLink } from '../../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { errorMessages } from '../../../shared/errorMessages';
import { leadsInsideNetwork, lookupNameOf } from '../../../shared/sync/addressRules';

export type FeedAddressInspection =
  /** A feed, or an address that could not be read now (offline, server down): added, and the sync says the rest. */
  | { kind: 'feed'; url: string }
  | { kind: 'choose'; pageUrl: string; links: DiscoveredFeedLink[] }
  | { kind: 'not-a-feed'; error: UserMessage };

/** Enough of a document to tell what it is: detectFeedFormat reads past at most 100,000 characters of prologue. */
const sniffedBytes = 512 * 1024;

export const inspectFeedAddress = async (bridge: Pick<FieldNewsBridge, 'fetchFeedDocument'>, url: string): Promise<FeedAddressInspection> => {
  const downloaded = await bridge.fetchFeedDocument({ url, feedUrl: url, validators: null });
  if (!downloaded.ok || downloaded.value.kind !== 'fetched') return { kind: 'feed', url };
  const { bytes, contentType, url: answeredUrl } = downloaded.value;
  // A feed is only sniffed here, from its start (its full parse runs in the sync worker, off this
  // thread): a page of 1,000 items is 1.5 MB to decode. A web page is read for the feeds it announces.
  const sniffed = detectFeedFormat(decodeFeedBytes(bytes.subarray(0, sniffedBytes), contentType).text);
  if (sniffed.kind !== 'html' && sniffed.kind !== 'unknown') return { kind: 'feed', url };
  const parsed = parseFeedDocument({ bytes, contentType, url: answeredUrl });
  if (!parsed.ok) return { kind: 'not-a-feed', error: parsed.error };
  if (parsed.value.kind === 'feed') return { kind: 'feed', url };
  // The address rules hold for discovered links too: a page from outside the network does not get
  // to name a feed inside it. The person may still type that address (and, in Electron, allow it).
  const links = parsed.value.feedLinks.filter((link) => !leadsInsideNetwork(answeredUrl, link.url));
  const [first, ...others] = links;
  const [inside] = parsed.value.feedLinks;
  if (first === undefined && inside !== undefined) {
    return { kind: 'not-a-feed', error: errorMessages.discoveredFeedInsideNetwork(lookupNameOf(inside.url) ?? inside.url, inside.url) };
  }
  if (first && others.length === 0) return { kind: 'feed', url: first.url };
  return { kind: 'choose', pageUrl: answeredUrl, links };
};

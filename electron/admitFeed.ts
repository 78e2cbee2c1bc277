// Deciding, once, as the user adds a feed, whether it may reach inside their own network: its host
// is resolved here; a public one needs nothing, an internal one is allowed only when the person says
// so in a dialog of the main process (a page, even a compromised one, cannot draw or answer it), and
// is then kept in the main process's own list, where every later download of the feed looks.
import { describeThrown } from '../shared/describeThrown';
import { errorMessages } from '../shared/errorMessages';
import type { FeedAdmission } from '../shared/bridge';
import type { UserMessage } from '../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../shared/result';
import { classifyAddress, hostKindOf, lookupNameOf } from '../shared/sync/addressRules';
import { httpAddress } from '../shared/webAddress';
import type { ResolveHost } from './addressGuard';
import { mostFeedsInsideNetwork, type FeedsInsideNetwork } from './feedsInsideNetwork';
import { mainLog } from './mainLog';

/** What the person is asked: the feed's address, its host, and the address inside the network it reached. */
export interface InsideNetworkQuestion {
  url: string;
  host: string;
  address: string;
}

export interface FeedAdmissionDesk {
  resolveHost: ResolveHost;
  feedsInsideNetwork: FeedsInsideNetwork;
  /** Asks the person in the main process's own dialog; true for Allow. */
  confirm: (question: InsideNetworkQuestion) => Promise<boolean>;
}

/** The addresses of the feed's host now; none when it cannot be resolved (offline): the feed is then public. */
const currentAddresses = async (host: string, resolveHost: ResolveHost): Promise<readonly string[]> => {
  if (classifyAddress(host) !== null) return [host];
  try {
    return await resolveHost(host);
  } catch (thrown) {
    mainLog.info('network', `${host} could not be resolved while adding its feed (${describeThrown(thrown)}); it is treated as public`);
    return [];
  }
};

export const admitFeed = async (url: unknown, desk: FeedAdmissionDesk): Promise<Result<FeedAdmission, UserMessage>> => {
  const address = typeof url === 'string' ? httpAddress(url) : null;
  const host = address === null ? null : lookupNameOf(address);
  if (address === null || host === null) return fail(errorMessages.fetchBadAddress);
  if (desk.feedsInsideNetwork.isAllowed(address)) return succeed({ reach: 'inside-network', newlyAllowed: false });
  const addresses = await currentAddresses(host, desk.resolveHost);
  const kinds = addresses.map(classifyAddress);
  // A host that resolves to nothing now is treated as public: each download checks again, and refuses the network.
  if (addresses.length === 0 || hostKindOf(kinds) === 'public') return succeed({ reach: 'public', newlyAllowed: false });
  const inside = addresses.find((_, index) => kinds[index] !== 'public') ?? host;
  if (!(await desk.confirm({ url: address, host, address: inside }))) {
    mainLog.info('network', `The person did not allow ${host} inside the network`);
    return fail(errorMessages.feedInsideNetworkDeclined(host));
  }
  if (!desk.feedsInsideNetwork.allow(address)) return fail(errorMessages.feedsInsideNetworkFull(mostFeedsInsideNetwork));
  mainLog.info('network', `The person allowed a feed on ${host} (${inside}) inside the network`);
  return succeed({ reach: 'inside-network', newlyAllowed: true });
};

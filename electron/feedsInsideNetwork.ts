// The feeds the user allowed to reach inside their own network (an office intranet, a router, this
// computer), kept by the main process in its own small file in the data folder. The page only asks
// (admitFeed); the main process decides, with a dialog the page cannot draw, and every download
// looks its feed up here: a feed address the page names that is not on this list is public.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { httpAddress, longestWebAddress } from '../shared/webAddress';
import { mainLog } from './mainLog';

export interface FeedsInsideNetwork {
  isAllowed(feedUrl: string): boolean;
  /** Adds the feed and writes the file at once (a crash right after the user's "Allow" keeps it); false when the list is full. */
  allow(feedUrl: string): boolean;
}

/** At most this many feeds may be allowed inside the network: a page asking for more is not a person. */
export const mostFeedsInsideNetwork = 1_000;

const storedList = z.object({ version: z.literal(1), feeds: z.array(z.string().max(longestWebAddress)).max(mostFeedsInsideNetwork) });

const readList = (file: string): Set<string> => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') mainLog.warn('network', 'The list of feeds allowed inside the network could not be read', thrown);
    return new Set();
  }
  const parsed = storedList.safeParse(JSON.parse(text.length > 0 ? text : '{}') as unknown);
  if (!parsed.success) {
    // Nothing is allowed rather than something unknown: such feeds are refused, and say how to allow them again.
    mainLog.warn('network', 'The list of feeds allowed inside the network is damaged; it starts empty');
    return new Set();
  }
  return new Set(parsed.data.feeds.map((feed) => httpAddress(feed)).filter((feed) => feed !== null));
};

const writeList = (file: string, feeds: ReadonlySet<string>): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify({ version: 1, feeds: [...feeds] }, null, 2));
  renameSync(partial, file);
};

/** The list kept in `file`, read once now. */
export const openFeedsInsideNetwork = (file: string): FeedsInsideNetwork => {
  let feeds: Set<string>;
  try {
    feeds = readList(file);
  } catch (thrown) {
    mainLog.warn('network', 'The list of feeds allowed inside the network is not JSON; it starts empty', thrown);
    feeds = new Set();
  }
  return {
    isAllowed: (feedUrl) => {
      const address = httpAddress(feedUrl);
      return address !== null && feeds.has(address);
    },
    allow: (feedUrl) => {
      const address = httpAddress(feedUrl);
      if (address === null || feeds.size >= mostFeedsInsideNetwork) return false;
      if (feeds.has(address)) return true;
      feeds.add(address);
      writeList(file, feeds);
      return true;
    },
  };
};

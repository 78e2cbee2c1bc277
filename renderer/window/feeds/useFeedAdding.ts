// Adding a feed by its address: the address checked, the feed admitted by the shell (in Electron, a
// feed inside the person's network only when they allow it, in the main process's own dialog), the
// address looked at (a feed, or a page that announces feeds), then added and synced.
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { errorMessages } from '../../../shared/errorMessages';
import type { DiscoveredFeedLink } from '../../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { checkFeedAddress } from '../../../shared/feedAddress';
import { bridge } from '../bridge';
import { db, newsRepository } from '../database';
import { syncScheduler } from '../sync/syncService';
import { inspectFeedAddress } from './inspectFeedAddress';

export const useFeedAdding = () => {
  const intl = useIntl();
  const [address, setAddress] = useState('');
  // A catalog message, or a sentence from a module whose errors are not in the catalogs yet.
  const [message, setMessage] = useState<UserMessage | string | null>(null);
  const [working, setWorking] = useState(false);
  const [choice, setChoice] = useState<{ pageUrl: string; links: DiscoveredFeedLink[] } | null>(null);

  const addAndSync = async (url: string) => {
    // Before anything is fetched: in Electron, a feed inside the network is allowed only when the person says so.
    const admitted = await bridge.admitFeed(url);
    if (!admitted.ok) {
      setMessage(admitted.error);
      return;
    }
    const added = await newsRepository.addFeed({ url, title: new URL(url).host, builtIn: false });
    if (!added) {
      setMessage(errorMessages.feedAlreadyAdded);
      return;
    }
    setMessage(null);
    setAddress('');
    setChoice(null);
    const ran = await syncScheduler.run({ manual: true, feedUrl: url });
    if (ran === 'offline') setMessage(intl.formatMessage({ id: 'feeds.addedOffline' }));
  };

  /** A feed added again: it may be one the person now allows inside the network (its downloads were refused). */
  const addAgain = async (url: string) => {
    const admitted = await bridge.admitFeed(url);
    if (!admitted.ok) return setMessage(admitted.error);
    if (!admitted.value.newlyAllowed) return setMessage(errorMessages.feedAlreadyAdded);
    setAddress('');
    setMessage(intl.formatMessage({ id: 'feeds.allowedInsideNetwork' }, { host: new URL(url).host }));
    void syncScheduler.run({ manual: true, feedUrl: url });
  };

  const addFeed = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFeedAddress(address);
    if (!checked.ok) {
      setMessage(checked.error);
      return;
    }
    setWorking(true);
    try {
      if (await db.feeds.get(checked.value)) return await addAgain(checked.value);
      const admitted = await bridge.admitFeed(checked.value);
      if (!admitted.ok) return setMessage(admitted.error);
      // Offline there is nothing to look at: the feed is added as typed and syncs later.
      const inspected = navigator.onLine ? await inspectFeedAddress(bridge, checked.value) : { kind: 'feed' as const, url: checked.value };
      if (inspected.kind === 'feed') await addAndSync(inspected.url);
      else if (inspected.kind === 'choose') setChoice({ pageUrl: inspected.pageUrl, links: inspected.links });
      else setMessage(inspected.error);
    } finally {
      setWorking(false);
    }
  };

  return { address, setAddress, message, setMessage, working, setWorking, choice, setChoice, addAndSync, addFeed };
};

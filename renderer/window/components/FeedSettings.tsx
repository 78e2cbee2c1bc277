// Feed settings: add a feed by its address (a feed, or a web page that announces one) and sync it,
// bring feeds in from another reader (Import OPML) or take them to one (Export OPML).
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { errorMessages } from '../../../shared/errorMessages';
import type { DiscoveredFeedLink } from '../../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { checkFeedAddress } from '../../../shared/feedAddress';
import { bridge } from '../bridge';
import { db, newsRepository } from '../database';
import { inspectFeedAddress } from '../feeds/inspectFeedAddress';
import { exportOpml, importOpmlFile, type OpmlImportOutcome } from '../feeds/opmlTransfer';
import { saveFile } from '../saveFile';
import { syncScheduler } from '../sync/syncService';
import { FeedChooser } from './FeedChooser';
import { FeedList } from './FeedList';

interface FeedSettingsProps {
  intervalMinutes: number;
  nowMs: number;
}

/** The parameters of the "feeds.opmlImported" sentence. */
export const opmlImportValues = ({ added, alreadyThere, notFeedAddresses }: OpmlImportOutcome) => ({
  added: added.length,
  already: alreadyThere,
  notFeeds: notFeedAddresses,
});

/** Adds the file's feeds and syncs the new ones; what to tell the user. */
const importOpmlAndSync = async (file: File, intl: IntlShape): Promise<UserMessage | string> => {
  const imported = await importOpmlFile(newsRepository, file);
  if (!imported.ok) return imported.error;
  // The scheduler syncs the new feeds one after another, never hundreds at once.
  if (imported.value.added.length > 0) void syncScheduler.run({ manual: false });
  return intl.formatMessage({ id: 'feeds.opmlImported' }, opmlImportValues(imported.value));
};

const exportFeeds = async () => {
  const { blob, fileName } = await exportOpml(db, new Date());
  saveFile(blob, fileName);
};

export function FeedSettings({ intervalMinutes, nowMs }: FeedSettingsProps) {
  const intl = useIntl();
  const [address, setAddress] = useState('');
  // A catalog message, or a sentence from a module whose errors are not in the catalogs yet.
  const [message, setMessage] = useState<UserMessage | string | null>(null);
  const [working, setWorking] = useState(false);
  const [choice, setChoice] = useState<{ pageUrl: string; links: DiscoveredFeedLink[] } | null>(null);
  const opmlInput = useRef<HTMLInputElement>(null);

  const addAndSync = async (url: string) => {
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

  const addFeed = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFeedAddress(address);
    if (!checked.ok) {
      setMessage(checked.error);
      return;
    }
    if (await db.feeds.get(checked.value)) {
      setMessage(errorMessages.feedAlreadyAdded);
      return;
    }
    setWorking(true);
    try {
      // Offline there is nothing to look at: the feed is added as typed and syncs later.
      const inspected = navigator.onLine ? await inspectFeedAddress(bridge, checked.value) : { kind: 'feed' as const, url: checked.value };
      if (inspected.kind === 'feed') await addAndSync(inspected.url);
      else if (inspected.kind === 'choose') setChoice({ pageUrl: inspected.pageUrl, links: inspected.links });
      else setMessage(inspected.error);
    } finally {
      setWorking(false);
    }
  };

  const importOpml = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    try {
      setMessage(await importOpmlAndSync(file, intl));
    } finally {
      setWorking(false);
      if (opmlInput.current) opmlInput.current.value = '';
    }
  };

  return (
    <section className="feed-settings" aria-label={intl.formatMessage({ id: 'feeds.region' })}>
      <form className="feed-form" onSubmit={(event) => void addFeed(event)}>
        <label>
          <FormattedMessage id="feeds.urlLabel" />
          <input
            type="url"
            inputMode="url"
            placeholder={intl.formatMessage({ id: 'feeds.urlPlaceholder' })}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-describedby="feed-message"
          />
        </label>
        <button type="submit" disabled={working}>
          <FormattedMessage id="feeds.add" />
        </button>
        <button type="button" onClick={() => opmlInput.current?.click()} disabled={working}>
          <FormattedMessage id="feeds.importOpml" />
        </button>
        <input
          ref={opmlInput}
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          hidden
          aria-label={intl.formatMessage({ id: 'feeds.opmlFile' })}
          onChange={(event) => void importOpml(event.target.files?.[0])}
        />
        <button type="button" onClick={() => void exportFeeds()}>
          <FormattedMessage id="feeds.exportOpml" />
        </button>
      </form>
      <p id="feed-message" className="feed-message" role="alert">
        {message === null || typeof message === 'string' ? message : intl.formatMessage({ id: message.id }, message.values)}
      </p>
      {choice && <FeedChooser pageUrl={choice.pageUrl} links={choice.links} onChoose={(url) => void addAndSync(url)} onCancel={() => setChoice(null)} />}
      <FeedList intervalMinutes={intervalMinutes} nowMs={nowMs} />
    </section>
  );
}

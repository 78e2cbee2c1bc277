// Feed settings: add a feed by its address (a feed, or a web page that announces one) and sync it,
// bring feeds in from another reader (Import OPML) or take them to one (Export OPML).
import { useRef } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { db, newsRepository } from '../database';
import { useFeedAdding } from '../feeds/useFeedAdding';
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
  const { address, setAddress, message, setMessage, working, setWorking, choice, setChoice, addAndSync, addFeed } = useFeedAdding();
  const opmlInput = useRef<HTMLInputElement>(null);

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

// Settings → Storage: the space used and left (navigator.storage.estimate), whether the browser keeps
// the news under pressure, and the retention choice with what it would remove before it is chosen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db, newsRepository } from '../database';
import { estimateRetention, parseRetentionChoice, retentionChoices, retentionSettingKey, type RetentionChoice, type RetentionEstimate } from '../../db/retention';
import { log } from '../log';
import { articleRepository } from '../articles/articleService';
import type { MessageId } from '../../../shared/i18n/messages.en';
import { useText } from '../i18n/useText';
import { runRetentionOnce } from '../reader/retentionService';
import { formatStorageSize, readStorageStatus, type StorageStatus } from '../reader/storageStatus';
import { isWebApp } from '../webApp/appUpdate';
import { runsInstalled } from '../webApp/keepNewsWhenInstalled';

const choiceNames = { everything: 'panes.keepEverything', threeMonths: 'panes.keepThreeMonths', oneYear: 'panes.keepOneYear' } as const satisfies Record<RetentionChoice, MessageId>;

export function StorageSettings({ locale }: { locale: string }) {
  const { text } = useText();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const stored = useLiveQuery(() => newsRepository.readSetting(retentionSettingKey));
  // Saved full articles, counted from their records (never read whole).
  const articles = useLiveQuery(() => articleRepository.usage());
  const choice = parseRetentionChoice(stored);
  const [considered, setConsidered] = useState<RetentionChoice | null>(null);
  const [estimate, setEstimate] = useState<{ choice: RetentionChoice; value: RetentionEstimate } | null>(null);
  const shown = considered ?? choice;

  useEffect(() => {
    void readStorageStatus(navigator.storage).then(setStatus);
  }, []);
  useEffect(() => {
    if (shown === 'everything') return;
    let current = true;
    void estimateRetention(db, shown, new Date()).then((value) => {
      if (current) setEstimate({ choice: shown, value });
    });
    return () => {
      current = false;
    };
  }, [shown]);

  // Nothing is removed until the user confirms the choice they saw the estimate for; then at once.
  const apply = async (next: RetentionChoice) => {
    await newsRepository.writeSetting(retentionSettingKey, next);
    setConsidered(null);
    await runRetentionOnce({ db, locks: navigator.locks, now: () => new Date(), log: (line) => log.info('retention', line) });
  };

  const size = (bytes: number | null) => (bytes === null ? null : formatStorageSize(bytes, locale));
  const used = size(status?.usedBytes ?? null);
  const available = size(status?.availableBytes ?? null);
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">{text('panes.storage')}</h2>
      <p>{used !== null && available !== null ? text('panes.storageUsed', { used, available }) : text('panes.storageUnknown')}</p>
      {articles !== undefined && articles.saved > 0 && <p>{text('panes.articlesStored', { count: articles.saved, size: formatStorageSize(articles.bytes, locale) })}</p>}
      {status?.persisted != null && <p>{status.persisted ? text('panes.persistent') : text('panes.notPersistent')}</p>}
      {status?.persisted === false && isWebApp() && !runsInstalled() && <p>{text('panes.persistInstall')}</p>}
      <label>
        <span>{text('panes.keepNews')}</span>
        <select
          value={shown}
          onChange={(event) => {
            setConsidered(parseRetentionChoice(event.target.value));
          }}
        >
          {retentionChoices.map((option) => (
            <option key={option} value={option}>{text(choiceNames[option])}</option>
          ))}
        </select>
      </label>
      {shown !== 'everything' && estimate?.choice === shown && <p>{text('panes.retentionWouldFree', { items: estimate.value.items, size: formatStorageSize(estimate.value.bytes, locale) })}</p>}
      {shown !== choice && (
        <button type="button" onClick={() => void apply(shown)}>
          {text('panes.applyRetention')}
        </button>
      )}
    </section>
  );
}

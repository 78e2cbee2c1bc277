// The window's notice that the news stored on this computer is gone (renderer/db/databaseLoss.ts
// decides), in the interface language, or null. Checked once as the window starts; it goes once news
// is stored anew in this window (a sync, a backup imported), which gives the new database its id.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { db, newsRepository } from './database';
import { checkDatabaseLoss, databaseIdSettingKey } from '../db/databaseLoss';
import { log } from './log';

export const useDatabaseLossNotice = (): string | null => {
  const intl = useIntl();
  const [lost, setLost] = useState(false);
  // A lost database is a new one without an id: it has one again once the user's news is stored.
  // Watched only while the notice is up: a start with nothing lost reads nothing more.
  const databaseId = useLiveQuery(() => (lost ? newsRepository.readSetting(databaseIdSettingKey) : undefined), [lost]);
  useEffect(() => {
    checkDatabaseLoss({ db, repository: newsRepository, storage: localStorage })
      .then(setLost)
      // The check only reads and notes; when storage cannot be read at all, the window says so on its own.
      .catch((error: unknown) => log.warn('storage', 'The check for lost news failed', error));
  }, []);
  return lost && databaseId === undefined ? intl.formatMessage({ id: 'storage.databaseLost' }) : null;
};

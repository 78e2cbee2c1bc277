// The Field News database: its tables and every schema version, in one place.
// A new version adds an upgrade; no release may open an existing database in a way that drops it.
import { Dexie, type Table } from 'dexie';
import { databaseName } from '../../shared/appIdentity';
import type { NewsItem, NewsItemKey } from '../../shared/feed/newsItem';

export interface FeedRecord {
  /** The feed's web address, or the bundled sample's key. */
  url: string;
  title: string;
  builtIn: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Fingerprint of the last document, for servers that send no validators. */
  documentHash: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  addedAt: string;
}

export interface SettingRecord {
  key: string;
  value: string;
}

export class FieldNewsDb extends Dexie {
  items!: Table<NewsItem, NewsItemKey>;
  feeds!: Table<FeedRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = databaseName, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      items: '[feedUrl+id], feedUrl, sortDate, firstSeenAt, *places, placesVersion',
      feeds: 'url',
      settings: 'key',
    });
  }
}

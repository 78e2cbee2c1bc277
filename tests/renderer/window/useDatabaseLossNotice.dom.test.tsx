// The window's notice that the news stored on this computer is gone: over the window's own database
// (fake-indexeddb) and localStorage, as a start after Chromium deleted the database finds them. The
// notice stays until news is stored anew, and goes in the same window once a backup is imported.
import { renderHook, waitFor } from '@testing-library/react';
import { Blob as NodeBlob } from 'node:buffer';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { intlLocale, messagesFor } from '../../../shared/i18n/interfaceLanguage';
import { enMessages } from '../../../shared/i18n/messages.en';
import { databaseIdSettingKey, storedNewsMarkerKey } from '../../../renderer/db/databaseLoss';
import { FieldNewsDb } from '../../../renderer/db/fieldNewsDb';
import { createNewsRepository } from '../../../renderer/db/newsRepository';
import { writeBackup } from '../../../renderer/window/backup/backupWriter';
import { importBackup } from '../../../renderer/window/backup/importBackup';
import { db, newsRepository } from '../../../renderer/window/database';
import { useDatabaseLossNotice } from '../../../renderer/window/useDatabaseLossNotice';
import { feedPageOf, plainFeedItem } from '../../fixtures/feedPages';

vi.mock('../../../renderer/window/log', () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const lostNotice = enMessages['storage.databaseLost'];
const inEnglish = ({ children }: { children: ReactNode }) => (
  <IntlProvider locale={intlLocale('en')} defaultLocale="en" messages={messagesFor('en')}>
    {children}
  </IntlProvider>
);
/** One start of the window: the hook as App mounts it. */
const start = () => renderHook(() => useDatabaseLossNotice(), { wrapper: inEnglish });

/** A backup of another computer's database with news of the user's own feed. */
const backupWithOwnNews = async (): Promise<Blob> => {
  const source = new FieldNewsDb('field-news-loss-notice-source');
  const feed = { url: 'https://news.example.org/feed.json', title: 'Regional news', builtIn: false };
  await createNewsRepository(source).addFeed(feed);
  await createNewsRepository(source).storeFeedPage(feed, feedPageOf([plainFeedItem('tapachula-1', '2026-11-01T09:00:00Z')]));
  const backup = await writeBackup(source);
  source.close();
  // As the file picker hands it over: jsdom's Blob can only be read by a FileReader, the import
  // streams it as a browser's Blob is streamed (Node's Blob is that kind).
  const text = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The backup could not be read'));
    reader.readAsText(backup);
  });
  // Node's Blob types its bytes() over any ArrayBuffer; the import reads it as the browser's Blob.
  return new NodeBlob([text]) as unknown as Blob;
};

beforeEach(async () => {
  localStorage.clear();
  await Promise.all([db.items.clear(), db.feeds.clear(), db.settings.clear()]);
});
afterEach(() => localStorage.clear());

describe("the window's notice that stored news is gone", () => {
  it('shows on every start while the database the marker names is gone, and goes once a backup is imported', async () => {
    // This computer had stored news in a database that is no longer there (a new, empty one opened).
    localStorage.setItem(storedNewsMarkerKey, 'database-before-the-disk-filled');

    const first = start();
    await waitFor(() => expect(first.result.current).toBe(lostNotice));
    first.unmount();
    // A start that could not show the notice (the error screen on a still-full disk) must not use it up.
    const second = start();
    await waitFor(() => expect(second.result.current).toBe(lostNotice));

    expect(await importBackup(await backupWithOwnNews())).toMatchObject({ ok: true, value: { itemsAdded: 1 } });
    await waitFor(() => expect(second.result.current).toBeNull());
    const databaseId = await newsRepository.readSetting(databaseIdSettingKey);
    expect(databaseId).toEqual(expect.any(String));
    expect(localStorage.getItem(storedNewsMarkerKey)).toBe(databaseId);
    second.unmount();

    const third = start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(third.result.current).toBeNull();
  });

  it('says nothing on a computer that never stored news of its own', async () => {
    const { result } = start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current).toBeNull();
    expect(localStorage.getItem(storedNewsMarkerKey)).toBeNull();
  });
});

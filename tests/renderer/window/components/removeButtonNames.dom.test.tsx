// A screen reader hears which feed a Remove button removes: the sidebar's Remove beside the chosen feed
// and each feed's Remove in the settings' feed list are named with the feed, in the interface language,
// while the visible text stays the short "Remove".
import { render, screen, waitFor } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { intlLocale, messagesFor } from '../../../../shared/i18n/interfaceLanguage';
import { FeedList } from '../../../../renderer/window/components/FeedList';
import { Sidebar } from '../../../../renderer/window/components/Sidebar';
import { db } from '../../../../renderer/window/database';
import type { FeedRecord } from '../../../../renderer/db/fieldNewsDb';

const feedRecord = (url: string, title: string): FeedRecord => ({
  url,
  title,
  builtIn: false,
  addedAt: '2026-01-01T00:00:00.000Z',
  lastSyncAt: null,
  lastError: null,
  pageValidators: {},
  failures: 0,
  nextAttemptAt: null,
  gone: false,
  itemCount: 3,
  folder: null,
  walkResume: null,
  unreadCount: 1,
  starredCount: 0,
});

const iom = feedRecord('https://iom.example.org/feed.json', 'IOM news');
const untitled = feedRecord('https://untitled.example.org/feed.xml', '');

const inLanguage = (language: 'en' | 'es', children: React.ReactNode) => (
  <IntlProvider locale={intlLocale(language)} defaultLocale="en" messages={messagesFor(language)}>
    {children}
  </IntlProvider>
);

const renderSidebar = (language: 'en' | 'es', chosen: FeedRecord) =>
  render(
    inLanguage(
      language,
      <Sidebar feeds={[iom, untitled]} view={{ kind: 'feed', feedUrl: chosen.url }} onView={() => undefined} placeTree={null} chosenPlaceId={null} onChoosePlace={() => undefined} />,
    ),
  );

describe('the sidebar’s Remove beside the chosen feed', () => {
  it('is named with the feed, and still shows the short word', () => {
    renderSidebar('en', iom);
    const remove = screen.getByRole('button', { name: 'Remove feed IOM news' });
    expect(remove.textContent).toBe('Remove');
  });

  it('is named in Spanish when the interface is in Spanish', () => {
    renderSidebar('es', iom);
    expect(screen.getByRole('button', { name: 'Quitar la fuente IOM news' }).textContent).toBe('Quitar');
  });

  it('names an untitled feed by its address, as the sidebar shows it', () => {
    renderSidebar('en', untitled);
    expect(screen.getByRole('button', { name: `Remove feed ${untitled.url}` })).toBeTruthy();
  });
});

describe('the settings’ feed list', () => {
  beforeEach(async () => {
    await db.feeds.clear();
    await db.feeds.bulkPut([iom, untitled]);
  });

  it('names every feed’s Remove with its feed, so no two buttons are just "Remove"', async () => {
    render(inLanguage('en', <FeedList intervalMinutes={30} nowMs={Date.parse('2026-01-02T00:00:00Z')} />));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove IOM news' })).toBeTruthy());
    expect(screen.getByRole('button', { name: `Remove ${untitled.url}` }).textContent).toBe('Remove');
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
  });
});

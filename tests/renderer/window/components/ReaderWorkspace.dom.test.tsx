// The three panes at work over a real Dexie database (fake-indexeddb): the list shows the stored
// news, an item opens in the reader and counts as read once it stayed open, j moves on, Esc goes
// back to the list, a place in the reader becomes the list's chip (named in the interface
// language), and "Mark all read" can be undone.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaceLabelParts } from '../../../../shared/places/gazetteer';
import { intlLocale, messagesFor } from '../../../../shared/i18n/interfaceLanguage';
import { ReaderWorkspace } from '../../../../renderer/window/components/ReaderWorkspace';
import { db, newsRepository } from '../../../../renderer/window/database';
import { useNewsSearch } from '../../../../renderer/window/search/useNewsSearch';
import { feedPageOf, plainFeedItem } from '../../../fixtures/feedPages';

const feed = { url: 'https://news.example.org/feed.json', title: 'Regional News', builtIn: false };
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T12:00:00.000Z`;
const tapachula: PlaceLabelParts = { name: 'Tapachula', kind: 'town', stateName: 'Chiapas', countryCode: 'MX', countryName: 'Mexico' };

function Workspace({ language }: { language: 'en' | 'es' }) {
  const search = useNewsSearch();
  const [opened, setOpened] = useState(0);
  return (
    <IntlProvider locale={intlLocale(language)} defaultLocale="en" messages={messagesFor(language)}>
      <p data-testid="opened">{opened}</p>
      <ReaderWorkspace
        search={search}
        placeTree={null}
        placeOf={(placeId) => (placeId === 'MX-CHP-TAPACHULA' ? { label: 'Tapachula — Chiapas, Mexico', parts: tapachula } : null)}
        locale={intlLocale(language)}
        nowMs={Date.parse('2026-01-10T00:00:00Z')}
        onOpened={() => setOpened((count) => count + 1)}
        onFirstRows={vi.fn()}
        windowKeys={{ focusSearch: vi.fn(), sync: vi.fn(), showHelp: vi.fn(), dialogOpen: false }}
      />
    </IntlProvider>
  );
}

// jsdom lays nothing out: every box is 0 px, so the virtual list would see no room for a row. The
// panes are given a laptop's height here (rows are a fixed 104 px, so nothing else is measured).
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, bottom: 800, right: 600, width: 600, height: 800, toJSON: () => ({}) });
});
afterAll(() => vi.restoreAllMocks());

const articles = () => document.querySelectorAll<HTMLElement>('article[data-item-id]');

beforeEach(async () => {
  await db.items.clear();
  await db.settings.clear();
  await db.feeds.clear();
  await newsRepository.addFeed(feed);
  await newsRepository.writeSetting('markReadDelayMs', '0');
  const items = Array.from({ length: 5 }, (_, index) => plainFeedItem(`item-${index + 1}`, day(index + 1)));
  await newsRepository.storeFeedPage(feed, feedPageOf(items));
  const tagged = await db.items.get([feed.url, 'item-5']);
  await newsRepository.storePlaceTags([{ feedUrl: feed.url, id: 'item-5', contentHash: tagged?.contentHash ?? '', places: ['MX-CHP-TAPACHULA'], placesVersion: 'test', weakPlaces: [], placeMentions: [] }]);
});

describe('ReaderWorkspace', () => {
  it('lists the stored news newest first and opens an item in the reader, which then counts as read', async () => {
    render(<Workspace language="en" />);
    await waitFor(() => expect(articles()).toHaveLength(5));
    expect([...articles()].map((article) => article.dataset.itemId)).toEqual(['item-5', 'item-4', 'item-3', 'item-2', 'item-1']);
    fireEvent.click(articles()[1]!);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Item item-4' })).toBeTruthy());
    expect(screen.getByTestId('opened').textContent).toBe('1');
    await waitFor(async () => expect((await db.items.get([feed.url, 'item-4']))?.read).toBe(true));
    expect((await db.items.get([feed.url, 'item-5']))?.read).toBe(false);
  });

  it('moves to the next item with j and back to the list with Esc', async () => {
    render(<Workspace language="en" />);
    await waitFor(() => expect(articles()).toHaveLength(5));
    fireEvent.keyDown(document, { key: 'j' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Item item-5' })).toBeTruthy());
    fireEvent.keyDown(document, { key: 'j' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Item item-4' })).toBeTruthy());
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Item item-4' })).toBeNull());
  });

  it('makes a place in the reader the list\u2019s filter, named in the interface language', async () => {
    render(<Workspace language="es" />);
    await waitFor(() => expect(articles()).toHaveLength(5));
    fireEvent.click(articles()[0]!);
    const place = await screen.findByRole('button', { name: 'Tapachula — Chiapas, Mexico' });
    fireEvent.click(place);
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).some((heading) => heading.textContent === 'Tapachula — Chiapas, México')).toBe(true));
  });

  it('marks all the list read, and undoes it', async () => {
    render(<Workspace language="en" />);
    await waitFor(() => expect(articles()).toHaveLength(5));
    const markAll = screen.getByRole('button', { name: 'Mark all read' });
    await waitFor(() => expect((markAll as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(markAll);
    await waitFor(async () => expect(await db.items.filter((item) => !item.read).count()).toBe(0));
    const undoBar = await screen.findByText('5 items marked read.');
    act(() => {
      fireEvent.click(within(undoBar.parentElement!).getByRole('button', { name: 'Undo' }));
    });
    await waitFor(async () => expect(await db.items.filter((item) => !item.read).count()).toBe(5));
  });
});

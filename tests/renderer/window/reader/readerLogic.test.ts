import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledGazetteer } from '../../../fixtures/bundledData';
import { dateGroupKey, dateGroupLabel, dateGroupOf } from '../../../../renderer/window/reader/dateGroups';
import { listPageSize, pagesOfRows, samePages } from '../../../../renderer/window/reader/listWindow';
import { clampPaneWidths, defaultPaneWidths, isNarrow, paneBehind, parsePaneWidths } from '../../../../renderer/window/reader/paneLayout';
import { buildPlaceTree, filterPlaceTree, placeTreeFromMarkers, type PlaceTreeNode } from '../../../../renderer/window/reader/placeTree';

describe('date groups', () => {
  // Local times, so the test holds in every time zone.
  const now = new Date(2026, 10, 28, 9, 30);
  const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month, day, hour).toISOString();

  it('say Today, Yesterday, This week, then month and year, by local calendar days', () => {
    expect(dateGroupOf(at(2026, 10, 28, 0), now)).toEqual({ kind: 'today' });
    expect(dateGroupOf(at(2026, 10, 29), now)).toEqual({ kind: 'today' });
    expect(dateGroupOf(at(2026, 10, 27, 23), now)).toEqual({ kind: 'yesterday' });
    expect(dateGroupOf(at(2026, 10, 22), now)).toEqual({ kind: 'thisWeek' });
    expect(dateGroupOf(at(2026, 10, 21), now)).toEqual({ kind: 'month', year: 2026, month: 10 });
    expect(dateGroupOf(at(2025, 0, 31), now)).toEqual({ kind: 'month', year: 2025, month: 0 });
    const words = { today: 'Hoy', yesterday: 'Ayer', thisWeek: 'Esta semana' };
    expect(dateGroupLabel({ kind: 'month', year: 2026, month: 10 }, 'en', words)).toBe('November 2026');
    expect(dateGroupLabel({ kind: 'month', year: 2026, month: 10 }, 'es', words)).toBe('noviembre de 2026');
    expect(dateGroupLabel({ kind: 'yesterday' }, 'es', words)).toBe('Ayer');
    expect(dateGroupLabel({ kind: 'thisWeek' }, 'es', words)).toBe('Esta semana');
  });

  it('change only going back in time: a list newest first has each group once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000 * 24 }), { minLength: 1 }), (hoursAgo) => {
        const keys = [...hoursAgo].sort((a, b) => a - b).map((hours) => dateGroupKey(dateGroupOf(new Date(now.getTime() - hours * 3_600_000).toISOString(), now)));
        const runs = keys.filter((key, index) => key !== keys[index - 1]);
        expect(new Set(runs).size).toBe(runs.length);
      }),
    );
  });
});

describe('the list window', () => {
  it('covers the visible rows with pages, within the snapshot', () => {
    expect(pagesOfRows({ first: 0, last: 10 }, 1_000, 50)).toEqual([0]);
    expect(pagesOfRows({ first: 49, last: 50 }, 1_000, 50)).toEqual([0, 1]);
    expect(pagesOfRows({ first: 990, last: 1_200 }, 1_000, 50)).toEqual([19]);
    expect(pagesOfRows({ first: 0, last: 10 }, 0)).toEqual([]);
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(200), fc.integer({ min: 1, max: 100_000 }), (first, length, total) => {
        const pages = pagesOfRows({ first, last: first + length }, total);
        for (let row = first; row <= Math.min(first + length, total - 1); row += 1) expect(pages).toContain(Math.floor(row / listPageSize));
        expect(pages.every((page) => page * listPageSize < total)).toBe(true);
      }),
    );
  });

  it('reads again only when the rows on screen need other pages (not on every scroll frame)', () => {
    expect(samePages({ first: 3, last: 20 }, { first: 12, last: 30 }, 50)).toBe(true);
    expect(samePages({ first: 3, last: 20 }, { first: 12, last: 50 }, 50)).toBe(false);
    expect(samePages({ first: 49, last: 60 }, { first: 50, last: 60 }, 50)).toBe(false);
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(200), fc.nat(100_000), fc.nat(200), (first, length, otherFirst, otherLength) => {
        const left = { first, last: first + length };
        const right = { first: otherFirst, last: otherFirst + otherLength };
        const total = 200_000;
        expect(samePages(left, right)).toBe(JSON.stringify(pagesOfRows(left, total)) === JSON.stringify(pagesOfRows(right, total)));
      }),
    );
  });
});

describe('the pane layout', () => {
  it('keeps dragged widths within bounds and leaves the reader room', () => {
    expect(clampPaneWidths({ sidebar: 10, list: 5_000 }, 1_400)).toEqual({ sidebar: 160, list: 720 });
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 5_000 }), fc.integer({ min: -1_000, max: 5_000 }), fc.integer({ min: 760, max: 4_000 }), (sidebar, list, width) => {
        const clamped = clampPaneWidths({ sidebar, list }, width);
        expect(clamped.sidebar).toBeGreaterThanOrEqual(160);
        expect(clamped.list).toBeGreaterThanOrEqual(260);
        if (width >= 160 + 260 + 320) expect(width - clamped.sidebar - clamped.list).toBeGreaterThanOrEqual(320);
      }),
    );
  });

  it('reads a stored setting, and anything else as the defaults', () => {
    expect(parsePaneWidths('{"sidebar":200,"list":400}')).toEqual({ sidebar: 200, list: 400 });
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(Object.keys(parsePaneWidths(text)).sort()).toEqual(['list', 'sidebar']);
      }),
    );
    expect(parsePaneWidths('{"sidebar":"wide"}')).toEqual(defaultPaneWidths);
    expect(parsePaneWidths(undefined)).toEqual(defaultPaneWidths);
  });

  it('collapses below 760 pixels, and Back goes reader → list → sidebar', () => {
    expect([isNarrow(400), isNarrow(759), isNarrow(760)]).toEqual([true, true, false]);
    expect([paneBehind('reader'), paneBehind('list'), paneBehind('sidebar')]).toEqual(['list', 'sidebar', null]);
  });
});

describe('the place tree', () => {
  const lookup = (id: string) => bundledGazetteer.byId.get(id);
  const find = (name: string, kind: 'country' | 'state' | 'town') => {
    const place = bundledGazetteer.places.find((candidate) => candidate.name === name && candidate.kind === kind);
    if (!place) throw new Error(`${name} is not in the gazetteer`);
    return place;
  };
  const tapachula = find('Tapachula', 'town');
  const chiapas = find('Chiapas', 'state');
  const mexico = find('Mexico', 'country');
  const guatemala = find('Guatemala', 'country');
  const names = (nodes: readonly PlaceTreeNode[]): unknown[] => nodes.map((node) => (node.children.length > 0 ? [node.name, node.count, names(node.children)] : [node.name, node.count]));

  it('hangs towns from their state and states from their country, biggest first, and drops unknown ids', () => {
    const tree = buildPlaceTree(
      [
        { placeId: tapachula.id, count: 7 },
        { placeId: guatemala.id, count: 9 },
        { placeId: chiapas.id, count: 3 },
        { placeId: 'not-a-place', count: 100 },
      ],
      lookup,
    );
    expect(names(tree)).toEqual([
      ['Guatemala', 9],
      ['Mexico', 3, [['Chiapas', 3, [['Tapachula', 7]]]]],
    ]);
    expect(tree.find((node) => node.placeId === mexico.id)?.kind).toBe('country');
  });

  it('filters by typing without accents or case, keeping a match with its ancestors', () => {
    const tree = buildPlaceTree([{ placeId: tapachula.id, count: 7 }, { placeId: guatemala.id, count: 9 }], lookup);
    expect(names(filterPlaceTree(tree, 'TAPACH'))).toEqual([['Mexico', 7, [['Chiapas', 7, [['Tapachula', 7]]]]]]);
    expect(names(filterPlaceTree(tree, 'guate'))).toEqual([['Guatemala', 9]]);
    expect(filterPlaceTree(tree, '  ')).toHaveLength(2);
    expect(filterPlaceTree(tree, 'zzzz')).toEqual([]);
  });

  it('hangs the map markers from their countries, named from the code, while the window has no gazetteer', () => {
    const tree = placeTreeFromMarkers(
      [
        { placeId: tapachula.id, kind: 'town', name: 'Tapachula', country: 'MX', count: 4 },
        { placeId: chiapas.id, kind: 'state', name: 'Chiapas', country: 'MX', count: 2 },
        { placeId: 'GT', kind: 'country', name: 'Guatemala', country: 'GT', count: 9 },
      ],
      (code) => (code === 'MX' ? 'México' : code),
    );
    expect(names(tree)).toEqual([
      ['Guatemala', 9],
      ['México', 6, [['Tapachula', 4], ['Chiapas', 2]]],
    ]);
  });

  it('names a country the news names itself in the interface language too, and still finds it by its gazetteer name', () => {
    const tree = placeTreeFromMarkers(
      [
        { placeId: 'MX', kind: 'country', name: 'Mexico', country: 'MX', count: 3 },
        { placeId: tapachula.id, kind: 'town', name: 'Tapachula', country: 'MX', count: 1 },
      ],
      (code) => (code === 'MX' ? 'México' : code),
    );
    expect(names(tree)).toEqual([['México', 3, [['Tapachula', 1]]]]);
    expect(names(filterPlaceTree(tree, 'mexico'))).toEqual([['México', 3, [['Tapachula', 1]]]]);
  });
});

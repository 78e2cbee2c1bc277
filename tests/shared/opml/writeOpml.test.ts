// OPML export: a valid OPML 2.0 list that other readers and our own import read back whole.
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseOpml, type OpmlFeed } from '../../../shared/opml/parseOpml';
import { writeOpml, type OpmlExportFeed } from '../../../shared/opml/writeOpml';
import { fieldNewsNamespace } from '../../../shared/opml/fieldNewsNamespace';
import type { FullArticlesChoice } from '../../../shared/articles/articleRecord';
import { englishText } from '../../../shared/i18n/formatMessages';

const createdAt = new Date('2026-11-27T18:30:05Z');

interface XmlElement {
  name: string;
  attribs: Record<string, string>;
  children: unknown[];
}
const isElement = (node: unknown): node is XmlElement =>
  typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'tag';
const elements = (node: { children: unknown[] }, name: string): XmlElement[] => node.children.filter(isElement).filter((child) => child.name === name);
const textOf = (node: XmlElement): string => node.children.map((child) => (child as { data?: string }).data ?? '').join('');

const imported = (text: string): OpmlFeed[] => {
  const result = parseOpml(text);
  if (!result.ok) throw new Error(englishText(result.error));
  return result.value.feeds;
};

describe('writeOpml', () => {
  const feeds: OpmlExportFeed[] = [
    { url: 'https://elfaro.net/rss', title: 'El Faro', folder: null, htmlUrl: 'https://elfaro.net/' },
    { url: 'https://www.diariodelsur.com.mx/rss.xml', title: 'Diario del Sur', folder: 'Mexico / Chiapas' },
    { url: 'https://www.animalpolitico.com/feed/', title: 'Animal Político', folder: 'Mexico', htmlUrl: null },
    { url: 'https://rosanjose.iom.int/feed.json?lang=es&region=ca', title: 'OIM "Noticias" <Centroamérica> & Caribe 🌎', folder: 'Mexico / Chiapas' },
  ];
  const text = writeOpml(feeds, { title: 'Field News feeds & more', createdAt });
  const document = parseDocument(text, { xmlMode: true });
  const root = elements(document, 'opml')[0];

  it('writes OPML 2.0 with a head, a title and an RFC 822 creation date', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root?.attribs.version).toBe('2.0');
    const head = root && elements(root, 'head')[0];
    expect(head && textOf(elements(head, 'title')[0] as XmlElement)).toBe('Field News feeds & more');
    const dateCreated = head && textOf(elements(head, 'dateCreated')[0] as XmlElement);
    expect(dateCreated).toBe('Fri, 27 Nov 2026 18:30:05 GMT');
    expect(Date.parse(dateCreated ?? '')).toBe(createdAt.getTime());
  });

  it('writes each feed as type="rss" with text, title, xmlUrl, and htmlUrl only where known', () => {
    const body = root && elements(root, 'body')[0];
    const top = body ? elements(body, 'outline') : [];
    expect(top[0]?.attribs).toEqual({ text: 'El Faro', title: 'El Faro', type: 'rss', xmlUrl: 'https://elfaro.net/rss', htmlUrl: 'https://elfaro.net/' });
    const animal = top.flatMap((outline) => elements(outline, 'outline')).find((outline) => outline.attribs.text === 'Animal Político');
    expect(animal?.attribs).toEqual({ text: 'Animal Político', title: 'Animal Político', type: 'rss', xmlUrl: 'https://www.animalpolitico.com/feed/' });
  });

  it('keeps one level of folders for NetNewsWire: a nested path is one folder named by the whole path', () => {
    const body = root && elements(root, 'body')[0];
    const folders = (body ? elements(body, 'outline') : []).filter((outline) => outline.attribs.xmlUrl === undefined);
    expect(folders.map((folder) => folder.attribs.text)).toEqual(['Mexico / Chiapas', 'Mexico']);
    for (const folder of folders) expect(elements(folder, 'outline').every((outline) => outline.attribs.xmlUrl !== undefined && outline.children.length === 0)).toBe(true);
  });

  it('escapes every attribute, so our own import reads back every feed, title and folder', () => {
    expect(imported(text)).toEqual([
      { url: 'https://elfaro.net/rss', title: 'El Faro', folder: null, htmlUrl: 'https://elfaro.net/' },
      { url: 'https://www.diariodelsur.com.mx/rss.xml', title: 'Diario del Sur', folder: 'Mexico / Chiapas', htmlUrl: null },
      { url: 'https://rosanjose.iom.int/feed.json?lang=es&region=ca', title: 'OIM "Noticias" <Centroamérica> & Caribe 🌎', folder: 'Mexico / Chiapas', htmlUrl: null },
      { url: 'https://www.animalpolitico.com/feed/', title: 'Animal Político', folder: 'Mexico', htmlUrl: null },
    ]);
  });

  it('names a feed with no title by its address, and drops characters XML cannot carry', () => {
    const written = writeOpml([{ url: 'https://a.example/', title: '  ', folder: '  ' }, { url: 'https://b.example/', title: 'Bell\u0007 and\u0000 tab\there', folder: 'x\u001Fy' }], { title: 't', createdAt });
    // eslint-disable-next-line no-control-regex -- these are the control characters XML 1.0 cannot carry
    expect(written).not.toMatch(/[\u0000-\u0008\u001F]/u);
    expect(imported(written)).toEqual([
      { url: 'https://a.example/', title: 'https://a.example/', folder: null, htmlUrl: null },
      { url: 'https://b.example/', title: 'Bell and tab here', folder: 'xy', htmlUrl: null },
    ]);
  });
});

describe("writeOpml: a feed's Full articles choice", () => {
  const outlines = (text: string): XmlElement[] => {
    const root = elements(parseDocument(text, { xmlMode: true }), 'opml')[0] as XmlElement;
    const body = elements(root, 'body')[0] as XmlElement;
    return elements(body, 'outline').flatMap((outline) => (outline.attribs.xmlUrl === undefined ? elements(outline, 'outline') : [outline]));
  };
  const rootOf = (text: string): XmlElement => elements(parseDocument(text, { xmlMode: true }), 'opml')[0] as XmlElement;

  it('writes "always" and "never" in Field News\'s namespace, declared on <opml>, and nothing for the default', () => {
    const written = writeOpml(
      [
        { url: 'https://a.example/rss', title: 'A', folder: null, fullArticles: 'always' },
        { url: 'https://b.example/rss', title: 'B', folder: 'Agencies', fullArticles: 'never' },
        { url: 'https://c.example/rss', title: 'C', folder: null, fullArticles: 'automatic' },
        { url: 'https://d.example/rss', title: 'D', folder: null },
      ],
      { title: 't', createdAt },
    );
    expect(rootOf(written).attribs).toEqual({ version: '2.0', 'xmlns:fieldnews': fieldNewsNamespace });
    expect(outlines(written).map((outline) => [outline.attribs.xmlUrl, outline.attribs['fieldnews:fullArticles']])).toEqual([
      ['https://a.example/rss', 'always'],
      ['https://c.example/rss', undefined],
      ['https://d.example/rss', undefined],
      ['https://b.example/rss', 'never'],
    ]);
    expect(imported(written).map((feed) => [feed.url, feed.fullArticles])).toEqual([
      ['https://a.example/rss', 'always'],
      ['https://c.example/rss', undefined],
      ['https://d.example/rss', undefined],
      ['https://b.example/rss', 'never'],
    ]);
  });

  it('leaves a list without choices plain OPML: no namespace, no attribute of its own', () => {
    const written = writeOpml([{ url: 'https://a.example/rss', title: 'A', folder: null, fullArticles: 'automatic' }], { title: 't', createdAt });
    expect(rootOf(written).attribs).toEqual({ version: '2.0' });
    expect(written).not.toContain('fieldnews');
  });
});

// --- Round trips with arbitrary names: accents, emoji, markup characters, quotes, entities.
const special = ['&', '<', '>', '"', "'", ';', '#', 'amp', '&amp;', 'é', 'ñ', 'Á', 'ü', '¿', '¡', '😀', '🇲🇽', ' ', '  ', '\t', '\n', '/', ' / ', 'a', 'Z', '1', '\u00a0', '\u0001', '\uFFFF'];
const name = fc.oneof(fc.string({ unit: fc.constantFrom(...special), maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
const address = fc
  .tuple(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }), name)
  .map(([url, extra]) => `${url}${url.includes('?') ? '&' : '?'}q=${encodeURIComponent(extra)}&x=<"'>`)
  .filter((url) => URL.canParse(url));
const fullArticles = fc.option(fc.constantFrom<FullArticlesChoice>('automatic', 'always', 'never'), { nil: undefined });
const exportFeed = fc.record({ url: address, title: name, folder: fc.option(fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' / '))), htmlUrl: fc.option(address), fullArticles });

/** What a name becomes on the way: no XML-forbidden characters, white space made single spaces. */
const readable = (text: string): string | null => {
  // eslint-disable-next-line no-control-regex -- these are the control characters XML 1.0 cannot carry
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/gu, '').replace(/\s+/gu, ' ').trim();
  return cleaned.length > 0 ? cleaned : null;
};

describe('OPML round trips', () => {
  it('export → import keeps every feed, its title, folder, home page and Full articles choice', () => {
    fc.assert(
      fc.property(fc.uniqueArray(exportFeed, { maxLength: 15, selector: (feed) => new URL(feed.url).href }), (feeds) => {
        const back = parseOpml(writeOpml(feeds, { title: 'Round trip', createdAt }));
        if (feeds.length === 0) {
          expect(back.ok).toBe(false);
          return;
        }
        expect(back.ok && back.value.repeated).toBe(0);
        const byUrl = new Map((back.ok ? back.value.feeds : []).map((feed) => [feed.url, feed]));
        expect(byUrl.size).toBe(feeds.length);
        for (const feed of feeds) {
          const href = new URL(feed.url).href;
          const choice = feed.fullArticles === 'automatic' ? undefined : feed.fullArticles;
          expect(byUrl.get(href)).toStrictEqual({
            url: href,
            title: readable(feed.title) ?? feed.url,
            folder: readable(feed.folder ?? ''),
            htmlUrl: feed.htmlUrl ? new URL(feed.htmlUrl).href : null,
            ...(choice ? { fullArticles: choice } : {}),
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  /** An OPML file as another reader might write it: folders nested in folders, attributes in any case. */
  interface Node {
    label: string;
    feed: { url: string; html: string | null } | null;
    children: Node[];
  }
  // eslint-disable-next-line no-control-regex -- these are the control characters XML 1.0 cannot carry
  const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '');
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.record({ label: name, feed: fc.record({ url: address, html: fc.option(address) }), children: fc.constant<Node[]>([]) }),
      fc.record({ label: name, feed: fc.constant(null), children: fc.array(tie('node'), { maxLength: 4 }) }),
    ),
  })).node;
  const render = (tree: Node, upper: boolean): string => {
    const attribute = (key: string, value: string) => ` ${upper ? key.toUpperCase() : key}="${escapeAttribute(value)}"`;
    const feed = tree.feed ? `${attribute('type', 'rss')}${attribute('xmlUrl', tree.feed.url)}${tree.feed.html ? attribute('htmlUrl', tree.feed.html) : ''}` : '';
    return `<outline${attribute('text', tree.label)}${feed}>${tree.children.map((child) => render(child, !upper)).join('')}</outline>`;
  };

  it('import → export → import keeps every feed and folder, however deeply the first file nests them', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 6 }), (trees) => {
        const first = parseOpml(`<opml version="1.0"><head><title>Other reader</title></head><body>${trees.map((tree) => render(tree, false)).join('\n')}</body></opml>`);
        if (!first.ok) return;
        const exported = writeOpml(first.value.feeds.map((feed) => ({ ...feed, title: feed.title ?? '' })), { title: 'Field News', createdAt });
        const second = parseOpml(exported);
        // The export groups feeds by folder, so the order may change; the set of feeds may not.
        const byUrl = (feeds: OpmlFeed[]) => feeds.toSorted((a, b) => a.url.localeCompare(b.url));
        expect(second.ok && byUrl(second.value.feeds)).toEqual(byUrl(first.value.feeds.map((feed) => ({ ...feed, title: feed.title ?? feed.url }))));
      }),
      { numRuns: 300 },
    );
  });
});

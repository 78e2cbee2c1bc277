// Which items' articles are saved at sync time: on "Automatic" an item whose own text looks like a
// teaser (short, ending in an ellipsis or a "read more" link) and that links to a web page; "Always"
// every item with a link; "Never" none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleCandidate, articleCandidatesOf, itemTextOf, looksLikeSummary, summaryCharacters } from '../../../shared/articles/articleCandidates';
import { parseFullArticles } from '../../../shared/articles/articleRecord';
import type { FeedItem } from '../../../shared/feed/feedItem';
import { keyTextOf } from '../../../shared/feed/newsItem';

const longText = 'The shelters of Tapachula received more families this week. '.repeat(20);
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: 'a',
  title: 'Shelters',
  url: 'https://news.example.org/2026/12/shelters',
  contentText: null,
  contentHtml: null,
  summary: null,
  datePublished: null,
  dateModified: null,
  tags: [],
  authors: [],
  imageUrl: null,
  point: null,
  ...overrides,
});

describe('looksLikeSummary', () => {
  it.each([
    ['a two-line teaser', item({ summary: 'Shelters in Tapachula are full.' })],
    ['no text at all', item()],
    ['a long text ending in an ellipsis', item({ contentText: `${longText}and then…` })],
    ['a long text ending in three dots', item({ contentText: `${longText}and then...` })],
    ['a long text ending in [&hellip;]', item({ contentHtml: `<p>${longText}</p><p>[&hellip;]</p>` })],
    ['a long text with a "Read more" link', item({ contentHtml: `<p>${longText}</p><p><a href="https://x.example/">Read more</a></p>` })],
    ['a long text with a "Leer más" link', item({ contentHtml: `<p>${longText}</p><a href="/a">Leer más »</a>` })],
  ])('takes %s for a summary', (_name, teaser) => {
    expect(looksLikeSummary(teaser)).toBe(true);
  });

  it.each([
    ['a long plain text', item({ contentText: longText })],
    ['a long HTML text', item({ contentHtml: `<p>${longText}</p><p>It ends here.</p>` })],
    ['a long text with an ordinary link', item({ contentHtml: `<p>${longText}</p><p>See <a href="/report">the report</a>.</p>` })],
  ])('takes %s for the whole article', (_name, whole) => {
    expect(looksLikeSummary(whole)).toBe(false);
  });

  it('never reads a text longer than its longest source, so that short sources alone mean a teaser', () => {
    // Markup, entities (named, numeric, astral, unknown, unterminated) and whitespace of every kind.
    const piece = fc.constantFrom('<p>', '</p>', '<br>', '<li>', '<a href="/x">', '</a>', '&amp;', '&hellip;', '&#128512;', '&#x1F600;', '&#0;', '&nosuch;', '&amp', ' ', '\n', '\u00a0', '\t', '…', 'á', 'x', 'More');
    const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
    const source = fc.option(text, { nil: null });
    fc.assert(
      fc.property(source, source, source, (contentText, contentHtml, summary) => {
        const sources = item({ contentText, contentHtml, summary });
        const longest = Math.max(contentText?.length ?? 0, contentHtml?.length ?? 0, summary?.length ?? 0);
        expect(itemTextOf(sources).length).toBeLessThanOrEqual(longest);
      }),
      { numRuns: 2_000 },
    );
  });

  it('draws the line at the summary length', () => {
    expect(looksLikeSummary(item({ contentText: 'x'.repeat(summaryCharacters - 1) }))).toBe(true);
    expect(looksLikeSummary(item({ contentText: 'x'.repeat(summaryCharacters) }))).toBe(false);
  });
});

describe('articleCandidate', () => {
  const feedUrl = 'https://news.example.org/feed.xml';

  it('follows the feed’s choice', () => {
    const teaser = item({ summary: 'Shelters are full.' });
    const whole = item({ id: 'b', contentText: longText });
    const wanted = { itemKey: keyTextOf(feedUrl, 'a'), feedUrl, link: 'https://news.example.org/2026/12/shelters' };
    expect(articleCandidate(feedUrl, teaser, 'automatic')).toEqual(wanted);
    expect(articleCandidate(feedUrl, whole, 'automatic')).toBeNull();
    expect(articleCandidate(feedUrl, whole, 'always')).toMatchObject({ itemKey: keyTextOf(feedUrl, 'b') });
    expect(articleCandidate(feedUrl, teaser, 'never')).toBeNull();
    expect(articleCandidatesOf(feedUrl, [teaser, whole], 'always')).toHaveLength(2);
  });

  it.each([null, '', 'javascript:alert(1)', 'mailto:desk@example.org', 'ftp://files.example.org/a', '/relative/only', 'https://'])('wants no article for the link %j', (url) => {
    expect(articleCandidate(feedUrl, item({ url }), 'always')).toBeNull();
  });

  it('never throws and only ever names http(s) pages, whatever the item holds', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null }), fc.constantFrom('automatic', 'always', 'never', 'junk'), (url, contentHtml, summary, choice) => {
        const found = articleCandidate(feedUrl, item({ url, contentHtml, summary }), parseFullArticles(choice));
        if (found !== null) expect(found.link).toMatch(/^https?:\/\//);
      }),
      { numRuns: 2_000 },
    );
  });
});

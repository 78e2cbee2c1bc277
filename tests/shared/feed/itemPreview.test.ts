import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayLimits, displayTitle, htmlToPlainText, previewAround, previewText } from '../../../shared/feed/itemPreview';
import { plainTextStart } from '../../../shared/feed/htmlToPlainText';

const item = (overrides: Partial<Parameters<typeof displayTitle>[0]> = {}) => ({
  title: 'Hubs open in Petén',
  contentText: null,
  contentHtml: null,
  summary: null,
  ...overrides,
});

describe('what the list shows of an item', () => {
  it('truncates a huge title for display, on a word boundary', () => {
    const title = displayTitle(item({ title: 'word '.repeat(200_000) }));
    expect(title.length).toBeLessThanOrEqual(displayLimits.titleCharacters + 1);
    expect(title.endsWith('…')).toBe(true);
  });

  it('names an untitled item by its first words, or says it is untitled', () => {
    expect(displayTitle(item({ title: '  ', contentText: 'Two new hubs opened.' }))).toBe('Two new hubs opened.');
    // Nothing to show: the interface says "Untitled" in its own language (item.untitled).
    expect(displayTitle(item({ title: '' }))).toBe('');
  });

  it('shows HTML as text, never as markup', () => {
    expect(htmlToPlainText('<p>Hubs &amp; shelters</p><script>alert(1)</script><b>open</b>')).toBe('Hubs & shelters open');
    expect(previewText(item({ contentHtml: '<p>A &lt;b&gt; tag</p>' }))).toBe('A <b> tag');
  });

  it('previews a long text as it previews the text with its whitespace collapsed first, whatever runs of it there are', () => {
    const word = fc.stringMatching(/^[a-zé]{1,12}$/);
    const gap = fc.stringMatching(/^[ \t\n\u00a0]{1,300}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 400 }), (parts) => {
        const text = parts.map(([letters, space]) => letters + space).join('');
        const collapsed = text.trim().replace(/\s+/g, ' ');
        expect(previewText(item({ contentText: text }))).toBe(previewText(item({ contentText: collapsed })));
      }),
      { numRuns: 300 },
    );
    // Text laid out with long runs of spaces (a table pasted as text): the first thousand characters hold only a few words.
    const spaced = Array.from({ length: 80 }, (_, number) => `word${number}${' '.repeat(150)}`).join('');
    const preview = previewText(item({ contentText: spaced }));
    expect(preview).toBe(previewText(item({ contentText: spaced.trim().replace(/\s+/g, ' ') })));
    expect(preview.length).toBeGreaterThan(displayLimits.previewCharacters - 10);
  });

  it('shows the lines around a searched place named late in the text', () => {
    const text = `${'Opening words of a long report. '.repeat(20)}The hub in Tapachula opened.`;
    const preview = previewAround(item({ title: 'Report', contentText: text }), ['Tapachula']);
    expect(preview.startsWith('…')).toBe(true);
    expect(preview).toContain('Tapachula');
    expect(previewAround(item({ title: 'Report', contentText: text }), [])).toBe(previewText(item({ contentText: text })));
  });
});

describe('plainTextStart and the preview of an HTML item', () => {
  const htmlPiece = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<br/>', '<script>x y</script>', '<!-- note -->', '&amp;', '&eacute;', '&nbsp;', ' ', '\n\t ', '<', 'a < b', '<A HREF="x">', '</A>'),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Tapachula', 'Shelters opened', 'word'),
    // One character of text or of space at a time, so that a page's text can end anywhere near the count.
    fc.constantFrom('a', 'b', ' ', '<i>', '</i>', '<p>'),
  );
  const html = fc.array(htmlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

  it('does not end on a space that the whole text trims away', () => {
    expect(plainTextStart('ab<p><p><p>', 2)).toBe('ab');
    expect(plainTextStart('ab<p><p><p>cd', 2)).toBe('ab ');
    expect(plainTextStart(`${'<p>'.repeat(10)}ab`, 2)).toBe('ab');
  });

  it('is the start of htmlToPlainText, one character past the count', () => {
    fc.assert(
      fc.property(html, fc.nat({ max: 40 }), (text, characters) => {
        expect(plainTextStart(text, characters)).toBe(htmlToPlainText(text).slice(0, characters + 1));
      }),
      { numRuns: 3_000 },
    );
  });

  it('gives the preview the whole text would give', () => {
    const shorten = (text: string, limit: number) => {
      if (text.length <= limit) return text;
      const cut = text.slice(0, limit);
      const lastSpace = cut.lastIndexOf(' ');
      return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
    };
    const longHtml = fc.array(htmlPiece, { minLength: 20, maxLength: 200 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(longHtml, fc.option(fc.constantFrom('', '  ', 'Text of its own.')), (contentHtml, contentText) => {
        const whole = shorten((contentText?.trim() || htmlToPlainText(contentHtml)).replace(/\s+/g, ' '), displayLimits.previewCharacters);
        expect(previewText(item({ contentHtml, contentText }))).toBe(whole);
      }),
    );
  });
});

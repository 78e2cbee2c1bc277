import { describe, expect, it } from 'vitest';
import { displayLimits, displayTitle, htmlToPlainText, previewAround, previewText } from '../../../shared/feed/itemPreview';

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

  it('shows the lines around a searched place named late in the text', () => {
    const text = `${'Opening words of a long report. '.repeat(20)}The hub in Tapachula opened.`;
    const preview = previewAround(item({ title: 'Report', contentText: text }), ['Tapachula']);
    expect(preview.startsWith('…')).toBe(true);
    expect(preview).toContain('Tapachula');
    expect(previewAround(item({ title: 'Report', contentText: text }), [])).toBe(previewText(item({ contentText: text })));
  });
});

// The pre-scan that refuses a page nested too deeply before any DOM is built: it must count what
// the parser (linkedom over htmlparser2) will build, or a crafted page slips past it. Checked
// against linkedom on the corpus and on random tag soup, and on the parser's odd corners.
import fc from 'fast-check';
import { DOMParser } from 'linkedom/worker';
import { describe, expect, it } from 'vitest';
import { measureTagNesting } from '../../../shared/articles/tagNesting';
import { readCorpus } from '../../../scripts/articleCorpus';

const noLimits = { deepest: Number.POSITIVE_INFINITY, work: Number.POSITIVE_INFINITY };
const deepestOf = (html: string): number => measureTagNesting(html, noLimits).deepest;

/** How deep linkedom nests the elements of `html`. */
const domDepth = (html: string): number => {
  const document = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  let deepest = 0;
  for (const element of document.querySelectorAll('*')) {
    let depth = 0;
    for (let at: Element | null = element; at !== null; at = at.parentElement) depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
};

const soup = [
  '<div>', '</div>', '<DIV>', '</SPAN>', '<p>', '</p>', '</p >', '<li>', '<ul>', '</ul>', '<table>', '<tbody>', '<tr>', '<td>', '<th>',
  '<dd>', '<dt>', '<h1>', '<option>', '<optgroup>', '<select>', '<input>', '<button>', '<rt>', '<rp>', '<body>', '<head>', '<link>',
  '<svg>', '</svg>', '<Svg>', '<g/>', '<div/>', '<b a=b/>', '<math>', '<mi>', '</mi>', '<foreignObject>', '</foreignobject>', '<desc>',
  '<br>', '</br>', '<img src=x>', '<script>', '</script>', '<SCRIPT>', '</Script>', '<style>', '</style/>', '<title>', '</title>',
  '<textarea>', '</textarea >', '<xmp>', '</xmp>', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', '<?x?>', '<b', '<i ', '/>',
  'a=', 'text', '"', "'", '=', '>', '<', '</', ' ', '\n', '< div>', '<a href="x">', '</a>',
];

describe('measureTagNesting', () => {
  it('counts as deep as linkedom builds every page of the corpus', () => {
    for (const page of readCorpus()) expect(deepestOf(page.source), page.name).toBe(domDepth(page.source));
  });

  it('counts as deep as linkedom builds any tag soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...soup), { maxLength: 120 }), (parts) => {
        const html = parts.join('');
        expect(deepestOf(html), html).toBe(domDepth(html));
      }),
      { numRuns: 2_000 },
    );
  });

  it('follows the parser: implied ends, void elements, raw text, comments and self-closing only in SVG', () => {
    expect(deepestOf('<ul><li>a<li>b<li>c</ul>')).toBe(2);
    expect(deepestOf('<p>a<p>b<p>c<b>d</b>')).toBe(2);
    expect(deepestOf('<p>a<div>b</div>')).toBe(1);
    expect(deepestOf('<div><img><br><hr><input></div>')).toBe(2);
    expect(deepestOf(`<script>${'<div>'.repeat(50)}</script><style>${'<div>'.repeat(50)}</style><!--${'<div>'.repeat(50)}-->`)).toBe(1);
    expect(deepestOf('<div/><div/><div/>')).toBe(3);
    expect(deepestOf('<svg><g/><g/><g/></svg>')).toBe(2);
    expect(deepestOf('<div title="<div><div><div>"><span>')).toBe(2);
    // A quote opens a value only after "name=": here the tag ends at the first '>' and the <div>s count.
    expect(deepestOf('<b ="><div><div>">')).toBe(3);
  });

  it('stops at a limit and says so, before reading the rest', () => {
    const deep = '<div>'.repeat(100_000);
    const byDepth = measureTagNesting(deep, { deepest: 256, work: Number.POSITIVE_INFINITY });
    expect(byDepth).toMatchObject({ overLimit: true, deepest: 257, elements: 257 });
    const strayEnds = `${'<div>'.repeat(200)}${'</span>'.repeat(100_000)}`;
    const byWork = measureTagNesting(strayEnds, { deepest: 256, work: 1_000_000 });
    expect(byWork.overLimit).toBe(true);
    expect(measureTagNesting('<div><p>text</p></div>', { deepest: 256, work: 1_000_000 })).toEqual({ deepest: 2, work: 1 + 2 + 2, elements: 2, overLimit: false });
  });

  it('counts the open ancestors the parser searches for an end tag that matches nothing', () => {
    // Each stray </span> makes htmlparser2 search all 200 open <div>s: that cost is the work.
    const html = `${'<div>'.repeat(200)}${'</span>'.repeat(10)}`;
    expect(measureTagNesting(html, noLimits).work).toBe((200 * 201) / 2 + 10 * 200);
  });
});

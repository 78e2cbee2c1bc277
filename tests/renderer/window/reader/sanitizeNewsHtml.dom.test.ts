// Feed HTML made safe: no script or active content, nothing that dresses an item up as the app,
// and every address resolved against the item's own, kept only as http(s), mail or a fragment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNewsLink, sanitizeNewsHtml } from '../../../../renderer/window/reader/sanitizeNewsHtml';

const html = (fragment: DocumentFragment): string => {
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
};
const itemUrl = 'https://news.example.org/2021/07/tapachula.html';

describe('sanitizeNewsHtml', () => {
  it('keeps the text, headings, lists, links and pictures of an article', () => {
    const out = html(sanitizeNewsHtml('<h2>Tapachula</h2><p>Families <b>moved</b> to <a href="/shelter">the shelter</a>.</p><ul><li>one</li></ul><img src="map.png" alt="Map" width="320">', itemUrl));
    expect(out).toBe(
      '<h2>Tapachula</h2><p>Families <b>moved</b> to <a href="https://news.example.org/shelter">the shelter</a>.</p><ul><li>one</li></ul><img src="https://news.example.org/2021/07/map.png" alt="Map" width="320">',
    );
  });

  it.each([
    ['a script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['an event handler', '<img src="x.png" onerror="alert(1)">', '<img src="https://news.example.org/2021/07/x.png">'],
    ['a javascript: link', '<a href="javascript:alert(1)">go</a>', '<a>go</a>'],
    ['a data: picture', '<img src="data:image/png;base64,AAAA">', '<img>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe><p>b</p>', '<p>b</p>'],
    ['a form and its button (their words stay, as text)', '<form action="https://evil.example/"><input name="q"><button>Go</button></form>', 'Go'],
    ['the app\u2019s own styles', '<p class="app-header" id="root" style="color:red" name="fieldNews">c</p>', '<p>c</p>'],
    ['svg with a script', '<svg><script>alert(1)</script></svg><p>d</p>', '<p>d</p>'],
    ['a style sheet', '<style>body{display:none}</style><p>e</p>', '<p>e</p>'],
    ['a srcset that could name any address', '<img src="a.png" srcset="https://tracker.example/1.png 2x">', '<img src="https://news.example.org/2021/07/a.png">'],
  ])('removes %s', (_what, input, expected) => {
    expect(html(sanitizeNewsHtml(input, itemUrl))).toBe(expected);
  });

  it('keeps fragments and mail links, and drops relative links when the item has no address', () => {
    expect(html(sanitizeNewsHtml('<a href="#notes">notes</a> <a href="mailto:press@iom.int">mail</a> <a href="/x">x</a>', null))).toBe(
      '<a href="#notes">notes</a> <a href="mailto:press@iom.int">mail</a> <a>x</a>',
    );
  });

  it('never returns a script, an event handler or a javascript: address, whatever the input', () => {
    const pieces = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<p>', '</p>', '<svg onload=alert(1)>', 'text', '<!--', '-->', '<iframe src=//evil>', '"', "'", '<', '>', '&lt;script&gt;', '<math><mi xlink:href="javascript:alert(1)">');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const out = html(sanitizeNewsHtml(parts.join(''), itemUrl)).toLowerCase();
        expect(out).not.toContain('<script');
        expect(out).not.toMatch(/\son\w+=/);
        expect(out).not.toContain('javascript:');
        expect(out).not.toContain('<iframe');
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveNewsLink', () => {
  it('reads a relative link against the item and refuses other schemes', () => {
    expect(resolveNewsLink('../photos/1.jpg', itemUrl)).toBe('https://news.example.org/2021/photos/1.jpg');
    expect(resolveNewsLink('//cdn.example.org/a.png', itemUrl)).toBe('https://cdn.example.org/a.png');
    expect(resolveNewsLink('ftp://files.example.org/a', itemUrl)).toBeNull();
    expect(resolveNewsLink('relative.html', null)).toBeNull();
  });
});

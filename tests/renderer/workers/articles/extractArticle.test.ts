// What an article read off a page stores: nothing that runs or loads (whatever case or disguise the
// page writes it in), links and pictures absolute against the page and its <base>, lazy pictures
// given a real src, text in the page's own charset; and what bad input gets: a clear refusal for
// nesting too deep to read in bounded time, and never a throw, whatever the bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleOf, extract, newsPage, story, storyParagraphs } from './articlePages';
import { attributesIn, storedHtmlProblems } from './storedHtml';

describe('what is stored', () => {
  it('keeps no script, style, frame, object, embed, form, event handler or javascript: link, in any case or disguise', () => {
    const hostile = `${story}
      <script>alert(1)</script><SCRIPT SRC="https://evil.example/x.js"></SCRIPT><style>p { color: red }</style>
      <iframe src="https://www.youtube.com/embed/abc"></iframe><object data="x.swf"></object><embed src="x.swf">
      <form action="https://evil.example/steal"><input name="q"><button>Enviar</button></form>
      <p ONCLICK="alert(2)" style="color:red">Más información: <a href="javascript:alert(3)">enlace uno</a>,
      <a HREF=" JaVaScRiPt:alert(4)">enlace dos</a>, <a href="jav&#x09;ascript:alert(5)">enlace tres</a>,
      <a href="data:text/html,<script>alert(6)</script>">enlace cuatro</a> y <a href="vbscript:msgbox(7)">enlace cinco</a>.</p>
      <p><img src="foto.jpg" onerror="alert(8)" OnLoad="alert(9)" alt="Albergue"><svg onload="alert(10)"><script>alert(11)</script></svg></p>`;
    const article = articleOf(newsPage({ article: hostile }));
    expect(storedHtmlProblems(article.html)).toEqual([]);
    expect(article.html).not.toMatch(/alert|evil\.example|javascript|vbscript/i);
    // The links' words stay, as text.
    for (const words of ['enlace uno', 'enlace dos', 'enlace tres', 'enlace cuatro', 'enlace cinco']) expect(article.text).toContain(words);
  });

  it('makes relative and protocol-relative links and pictures absolute against the page', () => {
    const links = `<p>Ver <a href="otra.html">la otra nota</a>, <a href="../indice.html">el índice</a>, <a href="/raiz">la portada</a>,
      <a href="//cdn.example.net/informe.pdf">el informe</a>, <a href="?pagina=2">la página dos</a>, <a href="#notas">las notas</a>
      y <a href="mailto:prensa@example.org">prensa</a>.</p><p><img src="fotos/a.jpg"><img src="//cdn.example.net/b.png"><img src="fotos/a.jpg"></p>`;
    const article = articleOf(newsPage({ article: `${story}${links}` }));
    expect(attributesIn(article.html, 'a', 'href')).toEqual([
      'https://noticias.example.org/2026/12/albergues/otra.html',
      'https://noticias.example.org/2026/12/indice.html',
      'https://noticias.example.org/raiz',
      'https://cdn.example.net/informe.pdf',
      'https://noticias.example.org/2026/12/albergues/tapachula.html?pagina=2',
      'https://noticias.example.org/2026/12/albergues/tapachula.html#notas',
      'mailto:prensa@example.org',
    ]);
    expect(article.pictureUrls).toEqual(['https://noticias.example.org/2026/12/albergues/fotos/a.jpg', 'https://cdn.example.net/b.png']);
  });

  it("reads links against the page's <base>, relative or absolute, and ignores a base that is no web address", () => {
    const links = '<p><a href="nota.html">la nota</a> <img src="foto.jpg"></p>';
    const withBase = (href: string) => articleOf(newsPage({ head: `<base href="${href}">`, article: `${story}${links}` }));
    expect(attributesIn(withBase('https://static.example.com/base/').html, 'a', 'href')).toEqual(['https://static.example.com/base/nota.html']);
    expect(withBase('https://static.example.com/base/').pictureUrls).toEqual(['https://static.example.com/base/foto.jpg']);
    expect(attributesIn(withBase('/archivo/').html, 'a', 'href')).toEqual(['https://noticias.example.org/archivo/nota.html']);
    expect(attributesIn(withBase('javascript:alert(1)//').html, 'a', 'href')).toEqual(['https://noticias.example.org/2026/12/albergues/nota.html']);
  });

  it('gives lazy pictures a real absolute src, as Readability tests them and beyond', () => {
    const pictures = `<figure><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" data-src="https://img.example.org/foto?id=1"></figure>
      <figure><img data-srcset="/f/2-400.jpg 400w, /f/2-1000.jpg 1000w, /f/2-2000.jpg 2000w"></figure>
      <figure><img srcset="/f/3.jpg 1x, /f/3@2x.jpg 2x"></figure>
      <figure><img data-lazy-src="/f/4.webp"></figure>
      <figure><picture><source srcset="/f/5.avif 800w" type="image/avif"><img alt="cinco"></picture></figure>
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="><noscript><img src="/f/6.jpg"></noscript></figure>
      <figure><noscript><img src="/f/7.jpg" alt="siete"></noscript></figure>`;
    const article = articleOf(newsPage({ article: `${storyParagraphs.slice(0, 3).map((text) => `<p>${text}</p>`).join('')}${pictures}${storyParagraphs.slice(3).map((text) => `<p>${text}</p>`).join('')}` }));
    const origin = 'https://noticias.example.org';
    expect(article.pictureUrls).toEqual([
      'https://img.example.org/foto?id=1',
      `${origin}/f/2-1000.jpg`,
      `${origin}/f/3.jpg`,
      `${origin}/f/4.webp`,
      `${origin}/f/5.avif`,
      `${origin}/f/6.jpg`,
      `${origin}/f/7.jpg`,
    ]);
    expect(attributesIn(article.html, 'img', 'src')).toEqual(article.pictureUrls);
  });
});

describe('in a worker', () => {
  it('reads relative pictures and links against the page, not against the worker’s own address', () => {
    // A worker has a global location (the app's own address), which linkedom's baseURI falls back to.
    const scope = globalThis as { location?: unknown };
    const before = scope.location;
    scope.location = { href: 'http://127.0.0.1:5173/assets/articles.worker.js' };
    try {
      const found = articleOf(newsPage({ article: `${story}<p><img src="/fotos/rio.png" alt="El río"> <a href="informe.html">El informe</a></p>` }));
      expect(found.pictureUrls).toEqual(['https://noticias.example.org/fotos/rio.png']);
      expect(found.html).toContain('href="https://noticias.example.org/2026/12/albergues/informe.html"');
      expect(found.html).not.toContain('127.0.0.1');
    } finally {
      scope.location = before;
    }
  });
});

describe('charsets', () => {
  it('reads a windows-1252 page by its <meta charset>, with no charset in the header', () => {
    const text = `${newsPage({ title: 'Martín y “los albergues”' }).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')}`;
    const bytes = Uint8Array.from([...text].map((character) => ({ 'í': 0xed, 'é': 0xe9, 'á': 0xe1, 'ó': 0xf3, 'ú': 0xfa, 'ñ': 0xf1, '“': 0x93, '”': 0x94 })[character] ?? character.charCodeAt(0)));
    const article = articleOf(bytes, { contentType: 'text/html' });
    expect(article.title).toBe('Martín y “los albergues”');
    expect(article.text).toContain(storyParagraphs[0]);
  });

  it('reads a Shift_JIS page', () => {
    // "東京" (Tokyo) in Shift_JIS, in a title and a paragraph of an otherwise ASCII page.
    const tokyo = [0x93, 0x8c, 0x8b, 0x9e];
    const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
    const html = newsPage({ title: 'TITLE' }).replace('utf-8', 'shift_jis');
    const [before = '', after = ''] = html.split('TITLE</title>');
    const bytes = Uint8Array.from([...ascii(before), ...tokyo, ...ascii(`</title>${after.replace('TITLE', 'x')}`)]);
    expect(articleOf(bytes, { contentType: null }).title).toBe('東京');
  });
});

describe('bad input', () => {
  it.each([20_000, 100_000])('refuses %i nested <div>s before parsing them, an article beside them or not', (depth) => {
    const nested = `${'<div>'.repeat(depth)}${story}${'</div>'.repeat(depth)}`;
    expect(extract(newsPage({ article: nested }))).toEqual({ ok: false, reason: 'too-deep' });
    expect(extract(newsPage({ after: `${'<div>'.repeat(depth)}x` }))).toEqual({ ok: false, reason: 'too-deep' });
    expect(extract(newsPage({ after: `${'<div>'.repeat(200)}${'</span>'.repeat(depth)}` }))).toEqual({ ok: false, reason: 'too-deep' });
  });

  it('reads malformed HTML that is not too deep: unclosed and stray tags, tags in attribute values', () => {
    const messy = `<p>${storyParagraphs.join('<p>')}<b><i>sin cerrar</b></i></span></div></td><font><font><font title="<div><div>">${'<b>'.repeat(150)}fin`;
    const article = articleOf(`<html><head><title>Nota</title><body><article>${messy}`);
    expect(article.text).toContain(storyParagraphs[5]);
  });

  it('reads a page that leaves out <html>, <head> and <body>, as HTML allows', () => {
    expect(articleOf(`<title>Albergues</title>${story}`, { contentType: null }).text).toContain(storyParagraphs[0]);
  });

  it('never throws on random bytes, whatever the header, and answers in the shape promised', () => {
    const contentTypes = [null, 'text/html', 'text/html; charset=shift_jis', 'text/plain', 'application/octet-stream', 'image/png'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), fc.constantFrom(...contentTypes), (bytes, contentType) => {
        const result = extract(bytes, { contentType });
        if (result.ok) expect(result.article.length).toBe(result.article.text.length);
        else expect(['not-an-article', 'shorter-than-feed', 'unreadable', 'too-deep']).toContain(result.reason);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on tag soup inside an article, and stores none of it unsafely', () => {
    const pieces = [
      '<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<a href="javascript:x()">', '</a>', '<img src=x onerror=y>', '<svg>', '<iframe>',
      '<form>', '<body>', '<html>', '<!--', '-->', '<base href="//x">', '<style>', '"', '<', '>', '=', ' ', '<b ONCLICK="y()">', '</b>',
    ];
    const [first = '', second = '', ...rest] = storyParagraphs;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const result = extract(newsPage({ article: `<p>${first}</p><p>${second}</p>${parts.join('')}${rest.map((text) => `<p>${text}</p>`).join('')}` }));
        if (result.ok) expect(storedHtmlProblems(result.article.html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

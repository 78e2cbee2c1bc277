// OPML import: the subscription lists other readers export, with their folders, and every way a
// file can be wrong or hostile: the whole list or one clear error, never part of a list.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { decodeFeedBytes } from '../../../shared/feed/decodeFeedBytes';
import { opmlLimits, parseOpml, parseOpmlFile, type OpmlImport } from '../../../shared/opml/parseOpml';
import { englishText, formatUserMessage } from '../../../shared/i18n/formatMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { fieldNewsNamespace } from '../../../shared/opml/fieldNewsNamespace';

const fixture = (name: string) => readFileSync(`tests/fixtures/opml/${name}.opml`, 'utf8');

const parsed = (text: string): OpmlImport => {
  const result = parseOpml(text);
  if (!result.ok) throw new Error(englishText(result.error));
  return result.value;
};

const errorOf = (text: string): UserMessage => {
  const result = parseOpml(text);
  if (result.ok) throw new Error(`Expected an error, got ${result.value.feeds.length} feeds`);
  return result.error;
};

const opml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n<head><title>t</title></head>\n<body>\n${body}\n</body>\n</opml>\n`;

describe('parseOpml: what other readers export', () => {
  it('reads a Fluent Reader export (one line, OPML 1.0, groups)', () => {
    expect(parsed(fixture('fluent-reader'))).toEqual({
      feeds: [
        { url: 'https://rosanjose.iom.int/en/news/feed.json', title: 'IOM Regional News', folder: 'Migración', htmlUrl: 'https://rosanjose.iom.int/en/news' },
        { url: 'https://reliefweb.int/updates/rss.xml', title: 'ReliefWeb – Updates', folder: 'Migración', htmlUrl: 'https://reliefweb.int/updates' },
        { url: 'https://elfaro.net/rss', title: 'El Faro', folder: null, htmlUrl: 'https://elfaro.net/' },
      ],
      notFeedAddresses: 0,
      repeated: 0,
    });
  });

  it('reads a NetNewsWire export (tabs, a comment, top-level feeds beside folders)', () => {
    const { feeds } = parsed(fixture('netnewswire'));
    expect(feeds.map((feed) => [feed.title, feed.folder])).toEqual([
      ['UNHCR Americas', null],
      ['Prensa Libre', 'Guatemala'],
      ['Plaza Pública', 'Guatemala'],
      ['Contracorriente', 'Honduras'],
    ]);
    expect(feeds[1]).toMatchObject({ url: 'https://www.prensalibre.com/feed/', htmlUrl: 'https://www.prensalibre.com/' });
  });

  it('reads a Feedly export, keeping the first of a feed listed in two folders', () => {
    const result = parsed(fixture('feedly'));
    expect(result.feeds.map((feed) => [feed.url, feed.folder])).toEqual([
      ['https://www.animalpolitico.com/feed/', 'Mexico'],
      ['https://www.jornada.com.mx/rss/estados.xml?v=1&lang=es', 'Mexico'],
      ['https://listindiario.com/rss/portada', 'Caribe'],
    ]);
    expect(result.repeated).toBe(1);
    expect(result.notFeedAddresses).toBe(0);
  });

  it('reads an Inoreader export, decoding entities in folder names and counting a mailto: address as not a feed', () => {
    const result = parsed(fixture('inoreader'));
    expect(result.feeds.map((feed) => feed.folder)).toEqual(['Costa Rica & Panamá', 'Costa Rica & Panamá']);
    expect(result.feeds[0]).toMatchObject({ title: 'La Nación', url: 'https://www.nacion.com/arc/outboundfeeds/rss/?outputType=xml' });
    expect(result.notFeedAddresses).toBe(1);
  });

  it('reads a Thunderbird export: nested folders joined with " / ", folders named by title only, fz: attributes ignored', () => {
    const { feeds } = parsed(fixture('thunderbird'));
    expect(feeds).toEqual([
      { url: 'https://www.diariodelsur.com.mx/rss.xml', title: 'Diario del Sur', folder: 'Noticias / Chiapas', htmlUrl: 'https://www.diariodelsur.com.mx/' },
      { url: 'https://mexico.iom.int/es/atom.xml', title: 'OIM México', folder: 'Noticias', htmlUrl: 'https://mexico.iom.int/es' },
    ]);
  });

  it('accepts attribute and tag names in any case, type="rss"/"atom" with url, and feed: addresses', () => {
    const result = parsed(
      '<OPML version="1.0"><Body><OUTLINE TEXT="Upper" XMLURL="https://a.example/feed"/>' +
        '<outline text="Old style" type="Atom" url="https://b.example/atom"/>' +
        '<outline text="Feed scheme" xmlurl="feed://c.example/rss"/><outline text="Feed https" xmlUrl="feed:https://d.example/rss"/></Body></OPML>',
    );
    expect(result.feeds.map((feed) => feed.url)).toEqual(['https://a.example/feed', 'https://b.example/atom', 'http://c.example/rss', 'https://d.example/rss']);
  });

  it('prefers a feed\'s title over its text, takes a folder\'s text, and gives null for a feed with neither', () => {
    const { feeds } = parsed(opml('<outline text="Shown" title="Long"><outline text="Mine" title="  The   feed " xmlUrl="https://a.example/"/><outline xmlUrl="https://b.example/"/></outline>'));
    expect(feeds.map((feed) => [feed.title, feed.folder])).toEqual([['The feed', 'Shown'], [null, 'Shown']]);
  });

  it('counts repeats after normalising the address, and every kind of non-web address', () => {
    const result = parsed(
      opml(
        ['https://a.example/x', 'HTTPS://A.EXAMPLE/x', 'https://a.example:443/x', 'file:///etc/passwd', 'javascript:alert(1)', '', 'not an address', 'https://b.example/']
          .map((url) => `<outline text="f" xmlUrl="${url}"/>`)
          .join('\n'),
      ),
    );
    expect(result.feeds.map((feed) => feed.url)).toEqual(['https://a.example/x', 'https://b.example/']);
    expect(result.repeated).toBe(2);
    expect(result.notFeedAddresses).toBe(4);
  });

  it('counts a type="rss" entry with no address at all as not a feed address', () => {
    const result = parsed(opml('<outline text="Broken" type="rss"/><outline text="Good" type="rss" xmlUrl="https://g.example/"/>'));
    expect(result.feeds.map((feed) => feed.title)).toEqual(['Good']);
    expect(result.notFeedAddresses).toBe(1);
  });

  it('reads an ISO-8859-1 export once its bytes are decoded as the app decodes feeds (decodeFeedBytes)', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><body><outline text="Peténé" title="Noticias de Petén" xmlUrl="https://p.example/rss"/></body></opml>';
    const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
    expect(parsed(decodeFeedBytes(bytes, null).text).feeds[0]?.title).toBe('Noticias de Petén');
  });

  it('ignores outlines outside <body> and notes that are not feeds', () => {
    const { feeds } = parsed('<opml><head><outline text="h" xmlUrl="https://head.example/"/></head><body><outline text="note"/><outline text="link" type="link" url="https://l.example/"/><outline text="f" xmlUrl="https://f.example/"/></body></opml>');
    expect(feeds.map((feed) => feed.url)).toEqual(['https://f.example/']);
  });
});

describe('parseOpml: files that are not a usable OPML list', () => {
  it('names the top element of a file that is not OPML', () => {
    expect(errorOf('<!DOCTYPE html>\n<html><head><title>Login</title></head><body>Sign in</body></html>')).toEqual(errorMessages.opmlWrongTopElement('html'));
    expect(errorOf('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')).toEqual(errorMessages.opmlWrongTopElement('rss'));
  });

  it('says where a cut-off file ends and which element was left open', () => {
    const cut = fixture('netnewswire').split('\n').slice(0, 10).join('\n');
    expect(errorOf(cut)).toEqual(errorMessages.opmlEndsEarly(10, 'outline', 9));
  });

  it('says a cut-off file in Spanish in the Spanish interface, and in English in the English one', () => {
    const cut = errorOf(fixture('netnewswire').split('\n').slice(0, 10).join('\n'));
    expect(formatUserMessage('es', cut)).toBe(
      'El archivo OPML termina a la mitad (línea 10): <outline>, abierto en la línea 9, nunca se cierra. Quizá se cortó al copiarlo; expórtelo de nuevo. No se importó nada.',
    );
    expect(englishText(cut)).toBe(
      'The OPML file ends in the middle (line 10): <outline>, opened on line 9, is never closed. It may have been cut off while copying; export it again. Nothing was imported.',
    );
    expect(formatUserMessage('es', errorMessages.opmlNoWebFeeds(1))).toContain('su única dirección de fuente no es una dirección web');
  });

  it('names the line of a wrong end tag', () => {
    expect(errorOf('<opml>\n<body>\n<outline text="a" xmlUrl="https://a.example/">\n</body>\n</opml>')).toEqual(errorMessages.opmlTagMismatch(4, 'body', 'outline', 3));
  });

  it('refuses two files joined together', () => {
    expect(errorOf(`${opml('<outline text="a" xmlUrl="https://a.example/"/>')}${opml('<outline text="b" xmlUrl="https://b.example/"/>')}`)).toEqual(errorMessages.opmlAfterEnd(9));
  });

  it('says when there is no body, no feed, or no web feed', () => {
    expect(errorOf('<opml version="2.0"><head><title>Empty</title></head></opml>')).toEqual(errorMessages.opmlNoBody);
    expect(errorOf(opml('<outline text="Folder"><outline text="note"/></outline>'))).toEqual(errorMessages.opmlNoFeeds);
    expect(errorOf(opml('<outline text="a" xmlUrl="mailto:a@example.org"/><outline text="b" xmlUrl="ftp://b.example/"/>'))).toEqual(errorMessages.opmlNoWebFeeds(2));
  });

  it('says a file with no XML in it is not OPML, and an empty file is empty', () => {
    expect(errorOf('Feeds I read:\nhttps://a.example/feed\n')).toEqual(errorMessages.opmlNoElements);
    expect(errorOf('a << b & c >> d')).toEqual(errorMessages.opmlNoElements);
    expect(errorOf('\uFEFF  \n ')).toEqual(errorMessages.opmlEmpty);
  });
});

describe('parseOpml: hostile files', () => {
  it('never expands DOCTYPE entities (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://a.example/"/></body></opml>`;
    const { feeds } = parsed(text);
    expect(feeds[0]?.title).toBe('&lol9;');
  });

  it('never reads external entities', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml><body><outline text="&xxe;" xmlUrl="https://a.example/"/></body></opml>';
    expect(parsed(text).feeds[0]?.title).toBe('&xxe;');
  });

  it('refuses 10,000 nested outlines without overflowing the stack', () => {
    const depth = 10_000;
    const text = opml(`${'<outline text="f">'.repeat(depth)}<outline text="x" xmlUrl="https://a.example/"/>${'</outline>'.repeat(depth)}`);
    expect(errorOf(text)).toEqual(errorMessages.opmlTooDeep(opmlLimits.maxDepth));
  });

  it('stops reading 20,000 nested outlines at the depth limit: no tag past it is even opened', () => {
    // htmlparser2 keeps its open elements in a list that grows at the front: read to the end, this
    // file cost it 0.3–0.4 s, 100,000 levels several seconds and 10 MB two minutes.
    const opened = vi.spyOn(Parser.prototype, 'onopentagname');
    try {
      const depth = 20_000;
      const text = opml(`${'<outline text="f">'.repeat(depth)}<outline text="x" xmlUrl="https://a.example/"/>${'</outline>'.repeat(depth)}`);
      expect(errorOf(text)).toEqual(errorMessages.opmlTooDeep(opmlLimits.maxDepth));
      // <opml>, <head>, <title> and <body>, then outlines up to the one that passes the limit.
      expect(opened).toHaveBeenCalledTimes(4 + opmlLimits.maxDepth);
    } finally {
      opened.mockRestore();
    }
  });

  it('stops at a wrong end tag, however much follows it', () => {
    const opened = vi.spyOn(Parser.prototype, 'onopentagname');
    try {
      const text = `<opml>\n<body>\n<outline text="a">\n</body>${'<outline text="f">'.repeat(20_000)}`;
      expect(errorOf(text)).toEqual(errorMessages.opmlTagMismatch(4, 'body', 'outline', 3));
      expect(opened).toHaveBeenCalledTimes(3);
    } finally {
      opened.mockRestore();
    }
  });

  it('reads folders nested as deep as the limit allows', () => {
    const depth = opmlLimits.maxDepth - 2;
    const { feeds } = parsed(opml(`${'<outline text="f">'.repeat(depth)}<outline text="x" xmlUrl="https://a.example/"/>${'</outline>'.repeat(depth)}`));
    expect(feeds[0]?.folder?.split(' / ')).toHaveLength(depth);
  });

  it('refuses a file of more than 10 MB from its bytes, and reads one within it in its own charset', () => {
    const parsedText = vi.spyOn(Parser.prototype, 'write');
    try {
      expect(parseOpmlFile(new Uint8Array(opmlLimits.maxMegabytes * 1024 * 1024 + 1))).toEqual({ ok: false, error: errorMessages.opmlTooLarge(opmlLimits.maxMegabytes) });
      expect(parsedText).not.toHaveBeenCalled();
    } finally {
      parsedText.mockRestore();
    }
    const latin1 = '<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline title="Pet\u00e9n" xmlUrl="https://p.example/rss"/></body></opml>';
    const read = parseOpmlFile(Uint8Array.from(latin1, (character) => character.charCodeAt(0)));
    expect(read.ok && read.value.feeds[0]?.title).toBe('Petén');
  });

  it('refuses 50 MB without parsing it', () => {
    const text = `<opml><body>${'<outline text="x" xmlUrl="https://a.example/"/>'.repeat(50 * 1024 * 1024 / 46)}</body></opml>`;
    expect(errorOf(text)).toEqual(errorMessages.opmlTooLarge(opmlLimits.maxMegabytes));
  });

  it('answers any text with a result and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom('<', '>', '/', '&', '"', '=', ' ', 'opml', 'body', 'outline', 'xmlUrl', '!', '?', '\n', 'a', ';', '#') })), (text) => {
        const result = parseOpml(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('never half-imports a cut-off file: every cut before </opml> is an error', () => {
    for (const name of ['fluent-reader', 'netnewswire', 'feedly', 'inoreader', 'thunderbird']) {
      const text = fixture(name);
      const end = text.lastIndexOf('</opml>') + '</opml>'.length;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: end - 1 }), (cut) => {
          expect(parseOpml(text.slice(0, cut)).ok).toBe(false);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('parseOpml: a large subscription list', () => {
  it('reads 500 feeds in 25 folders, each in its folder', () => {
    const folders = Array.from({ length: 25 }, (_, folder) => {
      const feeds = Array.from({ length: 20 }, (_, index) => {
        const number = folder * 20 + index;
        return `<outline type="rss" text="Noticias de la región nº ${number} &amp; más" title="Noticias nº ${number}" xmlUrl="https://news${number}.example.org/feed.xml?lang=es&amp;n=${number}" htmlUrl="https://news${number}.example.org/"/>`;
      });
      return `<outline text="Carpeta ${folder}">\n${feeds.join('\n')}\n</outline>`;
    });
    const { feeds } = parsed(opml(folders.join('\n')));
    expect(feeds).toHaveLength(500);
    expect(feeds[499]).toMatchObject({ url: 'https://news499.example.org/feed.xml?lang=es&n=499', folder: 'Carpeta 24' });
  });
});

describe("parseOpml: a feed's Full articles choice", () => {
  const list = (opening: string, outlines: string) => `<?xml version="1.0"?>\n${opening}<head><title>t</title></head><body>\n${outlines}\n</body></opml>`;
  const choices = (text: string) => parsed(text).feeds.map((feed) => feed.fullArticles);

  it('reads it under whatever prefix the file binds to Field News\'s namespace, on <opml> or on a folder', () => {
    expect(choices(list(`<opml version="2.0" xmlns:fieldnews="${fieldNewsNamespace}">`, '<outline xmlUrl="https://a.example/" fieldnews:fullArticles="always"/>'))).toEqual(['always']);
    expect(choices(list(`<opml version="2.0" xmlns:fn="${fieldNewsNamespace}">`, '<outline xmlUrl="https://a.example/" FN:FULLARTICLES=" Never "/><outline xmlUrl="https://b.example/" fieldnews:fullArticles="never"/>'))).toEqual(['never', undefined]);
    const folder = `<outline text="Agencies" xmlns:x="${fieldNewsNamespace}"><outline xmlUrl="https://a.example/" x:fullArticles="automatic"/></outline><outline xmlUrl="https://b.example/" x:fullArticles="always"/>`;
    expect(choices(list('<opml version="2.0">', folder))).toEqual(['automatic', undefined]);
  });

  it('takes the usual prefix undeclared, but not once the file binds it to another namespace', () => {
    expect(choices(list('<opml version="2.0">', '<outline xmlUrl="https://a.example/" fieldnews:fullArticles="always"/>'))).toEqual(['always']);
    expect(choices(list('<opml version="2.0" xmlns:fieldnews="https://other.example/ns">', '<outline xmlUrl="https://a.example/" fieldnews:fullArticles="always"/>'))).toEqual([undefined]);
  });

  it('reads an unknown word, an empty one, or a plain attribute of the same name as no choice', () => {
    const outlines = ['"sometimes"', '""', '"always never"', '"&#97;lways"'].map((value, index) => `<outline xmlUrl="https://${index}.example/" fieldnews:fullArticles=${value}/>`);
    expect(choices(list(`<opml version="2.0" xmlns:fieldnews="${fieldNewsNamespace}">`, [...outlines, '<outline xmlUrl="https://p.example/" fullArticles="always"/>'].join('\n')))).toEqual([undefined, undefined, undefined, 'always', undefined]);
  });

  it('answers any value and any namespace declaration with a known choice or none, never a throw', () => {
    const attributeText = fc.string({ unit: fc.constantFrom('a', 'l', 'w', 'y', 's', 'never', 'always', 'automatic', '&', '&amp;', '"', '<', ' ', '\u0000', 'é', ':', '__proto__'), maxLength: 20 });
    const escape = (text: string) => text.replace(/&(?!amp;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    fc.assert(
      fc.property(fc.constantFrom('fieldnews', 'fn', '__proto__', 'constructor', 'xmlns'), fc.oneof(fc.constant(fieldNewsNamespace), attributeText), attributeText, (prefix, namespace, value) => {
        const result = parseOpml(list(`<opml version="2.0" xmlns:${prefix}="${escape(namespace)}">`, `<outline xmlUrl="https://a.example/" ${prefix}:fullArticles="${escape(value)}"/>`));
        expect(result.ok).toBe(true);
        const choice = result.ok ? result.value.feeds[0]?.fullArticles : 'no feed';
        expect([undefined, 'automatic', 'always', 'never']).toContain(choice);
        if (namespace === fieldNewsNamespace && ['automatic', 'always', 'never'].includes(value.trim())) expect(choice).toBe(value.trim());
      }),
      { numRuns: 1_000 },
    );
  });
});

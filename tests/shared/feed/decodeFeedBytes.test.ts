// Charsets: byte-order mark, then the HTTP charset, then the XML declaration, then UTF-8.
import { describe, expect, it } from 'vitest';
import { declaredEncoding, decodeFeedBytes, headerCharset } from '../../../shared/feed/decodeFeedBytes';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

describe('decodeFeedBytes', () => {
  it('lets a byte-order mark win over the header and the declaration', () => {
    const utf8WithMark = bytes(0xef, 0xbb, 0xbf, ...ascii('<?xml version="1.0" encoding="windows-1252"?>'), 0xc3, 0xa9);
    expect(decodeFeedBytes(utf8WithMark, 'text/xml; charset=iso-8859-15')).toMatchObject({ charsetFrom: 'byte-order-mark' });
    expect(decodeFeedBytes(utf8WithMark, 'text/xml; charset=iso-8859-15').text.endsWith('é')).toBe(true);
  });

  it('lets the HTTP charset win over the declaration, and the declaration over the UTF-8 default', () => {
    const latin = bytes(...ascii('<?xml version="1.0" encoding="ISO-8859-15"?>'), 0xa4);
    expect(decodeFeedBytes(latin, 'application/rss+xml; charset=windows-1252')).toMatchObject({ charsetFrom: 'http-header' });
    expect(decodeFeedBytes(latin, 'application/rss+xml; charset=windows-1252').text.endsWith('¤')).toBe(true);
    expect(decodeFeedBytes(latin, 'application/rss+xml')).toMatchObject({ charsetFrom: 'xml-declaration' });
    expect(decodeFeedBytes(latin, 'application/rss+xml').text.endsWith('€')).toBe(true);
    expect(decodeFeedBytes(bytes(...ascii('<rss/>'), 0xc3, 0xb1), null)).toEqual({ text: '<rss/>ñ', charsetFrom: 'default' });
  });

  it('reads windows-1252 punctuation (0x80–0x9F) as windows-1252, also where Node reads it as Latin-1', () => {
    expect(decodeFeedBytes(bytes(0x93, 0x80, 0x94, 0x96, 0x81), 'text/xml; charset=windows-1252').text).toBe('“€”–\u0081');
    expect(decodeFeedBytes(bytes(0x92), 'text/xml; charset=iso-8859-1').text).toBe('’');
  });

  it('skips an unknown or useless charset name and falls to the next source', () => {
    const text = bytes(...ascii('<?xml version="1.0" encoding="no-such-charset"?>'), 0xc3, 0xa9);
    expect(decodeFeedBytes(text, 'text/xml; charset=klingon')).toMatchObject({ charsetFrom: 'default' });
    expect(decodeFeedBytes(text, 'text/xml; charset=iso-2022-kr').text.endsWith('é')).toBe(true);
  });

  it('finds BOM-less UTF-16 by its first bytes, and ignores a UTF-16 declaration in 8-bit bytes', () => {
    const wide = bytes(...[...'<?xml?><a>é</a>'].flatMap((character) => [character.charCodeAt(0), 0]));
    expect(decodeFeedBytes(wide, null)).toEqual({ text: '<?xml?><a>é</a>', charsetFrom: 'xml-declaration' });
    const lying = bytes(...ascii('<?xml version="1.0" encoding="UTF-16"?><a>'), 0xc3, 0xa9);
    expect(decodeFeedBytes(lying, null)).toMatchObject({ charsetFrom: 'default' });
    expect(decodeFeedBytes(lying, null).text.endsWith('é')).toBe(true);
  });

  it('turns invalid bytes into U+FFFD instead of failing', () => {
    expect(decodeFeedBytes(bytes(0x61, 0xff, 0x62, 0xc3), null).text).toBe('a\uFFFDb\uFFFD');
  });

  it('reads the charset parameter and the declaration', () => {
    expect(headerCharset('text/xml;charset="Shift_JIS"')).toBe('Shift_JIS');
    expect(headerCharset('text/xml')).toBeNull();
    expect(headerCharset(null)).toBeNull();
    expect(declaredEncoding(bytes(...ascii("  <?xml version='1.0' encoding='gb2312' ?>")))).toBe('gb2312');
    expect(declaredEncoding(bytes(...ascii('<rss encoding="x">')))).toBeNull();
  });
});

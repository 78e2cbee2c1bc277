// A web page's charset: byte-order mark, then the HTTP charset, then a <meta> near the top, then an
// XML declaration, then UTF-8, and windows-1252 for bytes that plainly are not UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePageBytes, metaCharset, metaScanBytes } from '../../../shared/articles/decodePageBytes';

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
const page = (...parts: (string | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

describe('decodePageBytes', () => {
  it('reads a windows-1252 page by its <meta charset>, its punctuation included', () => {
    // "Café “Río”" in windows-1252: é is 0xE9, the curly quotes 0x93 and 0x94.
    const bytes = page('<html><head><meta charset="windows-1252"><title>x</title></head><body><p>Caf', [0xe9, 0x20, 0x93], 'R', [0xed], 'o', [0x94], '</p>');
    expect(decodePageBytes(bytes, 'text/html')).toMatchObject({ charsetFrom: 'meta' });
    expect(decodePageBytes(bytes, 'text/html').text).toContain('Café “Río”');
  });

  it('reads <meta http-equiv="Content-Type" content="…; charset=…">, attributes in any order and case', () => {
    const bytes = page('<META CONTENT="text/html; charset=ISO-8859-2" HTTP-EQUIV="Content-Type"><p>', [0xb1], '</p>');
    expect(metaCharset(bytes)).toBe('ISO-8859-2');
    expect(decodePageBytes(bytes, null)).toEqual({ text: expect.stringContaining('<p>ą</p>') as string, charsetFrom: 'meta' });
  });

  it('reads Shift_JIS and GBK pages', () => {
    const japanese = page('<meta charset="shift_jis"><p>', [0x93, 0xfa, 0x96, 0x7b], '</p>');
    const chinese = page("<meta http-equiv='content-type' content='text/html;charset=gbk'><p>", [0xd6, 0xd0, 0xce, 0xc4], '</p>');
    expect(decodePageBytes(japanese, null).text).toContain('<p>日本</p>');
    expect(decodePageBytes(chinese, null).text).toContain('<p>中文</p>');
  });

  it('lets a byte-order mark win over the header, and the header over the <meta>', () => {
    const marked = page([0xef, 0xbb, 0xbf], '<meta charset="windows-1252"><p>', [0xc3, 0xa9], '</p>');
    expect(decodePageBytes(marked, 'text/html; charset=iso-8859-1')).toMatchObject({ charsetFrom: 'byte-order-mark', text: expect.stringContaining('<p>é</p>') as string });
    const latin = page('<meta charset="utf-8"><p>', [0xe9], '</p>');
    expect(decodePageBytes(latin, 'text/html; charset=windows-1252')).toMatchObject({ charsetFrom: 'http-header', text: expect.stringContaining('<p>é</p>') as string });
  });

  it('finds a <meta> after long scripts, but not one in a comment, after <body>, or past the scan', () => {
    const script = `<script>${'var a = 1;'.repeat(300)}</script>`;
    expect(metaCharset(page('<head>', script, '<meta charset="windows-1252"></head>'))).toBe('windows-1252');
    expect(metaCharset(page('<!-- <meta charset="koi8-r"> --><meta charset="windows-1252">'))).toBe('windows-1252');
    expect(metaCharset(page('<head></head><body><meta charset="koi8-r">'))).toBeNull();
    expect(metaCharset(page(' '.repeat(metaScanBytes), '<meta charset="koi8-r">'))).toBeNull();
  });

  it('reads a <meta> that says UTF-16 as UTF-8, and passes over one it does not know', () => {
    const bytes = page('<meta charset="utf-16"><p>', [0xc3, 0xb1], '</p>');
    expect(decodePageBytes(bytes, null)).toMatchObject({ charsetFrom: 'meta', text: expect.stringContaining('<p>ñ</p>') as string });
    expect(decodePageBytes(page('<meta charset="klingon"><p>', [0xc3, 0xb1], '</p>'), null)).toMatchObject({ charsetFrom: 'default' });
  });

  it('reads an undeclared page as UTF-8, and as windows-1252 when its bytes are not UTF-8', () => {
    expect(decodePageBytes(page('<p>Ni', [0xc3, 0xb1], 'o</p>'), null)).toEqual({ text: '<p>Niño</p>', charsetFrom: 'default' });
    expect(decodePageBytes(page('<p>Ni', [0xf1], 'o y Mart', [0xed], 'n</p>'), null)).toEqual({ text: '<p>Niño y Martín</p>', charsetFrom: 'not-utf-8' });
    // One broken byte in a UTF-8 page does not turn the page into windows-1252.
    expect(decodePageBytes(page('<p>Ni', [0xc3, 0xb1], 'o, ma', [0xf1], 'ana, Mart', [0xc3, 0xad], 'n</p>'), null)).toMatchObject({ charsetFrom: 'default' });
  });

  it('never throws, whatever the bytes and the header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), fc.option(fc.string({ maxLength: 80 })), (bytes, contentType) => {
        expect(typeof decodePageBytes(bytes, contentType).text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

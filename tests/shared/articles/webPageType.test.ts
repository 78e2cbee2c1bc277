// A link may lead to a PDF, a picture or a video file: those are 'unreadable', not web pages.
import { describe, expect, it } from 'vitest';
import { isWebPage, mediaTypeOf } from '../../../shared/articles/webPageType';

describe('isWebPage', () => {
  it('takes HTML and XHTML whatever they hold', () => {
    expect(isWebPage('text/html; charset=utf-8', '')).toBe(true);
    expect(isWebPage('Application/XHTML+XML', '%PDF-1.7')).toBe(true);
  });

  it('takes a missing or vague type only when the text begins like a page', () => {
    expect(isWebPage(null, '<!DOCTYPE html><html><p>Hola</p>')).toBe(true);
    expect(isWebPage('text/plain', '  <html lang="es">')).toBe(true);
    expect(isWebPage('application/octet-stream', '<div class="x">')).toBe(true);
    expect(isWebPage(null, '%PDF-1.7 binary')).toBe(false);
    expect(isWebPage('text/plain', 'a < b and c > d')).toBe(false);
  });

  it('refuses pictures, documents and media', () => {
    for (const type of ['application/pdf', 'image/png', 'video/mp4', 'application/json', 'audio/mpeg']) expect(isWebPage(type, '<html>'), type).toBe(false);
  });

  it('reads the media type out of a Content-Type header', () => {
    expect(mediaTypeOf(' TEXT/HTML ; charset=utf-8')).toBe('text/html');
    expect(mediaTypeOf(null)).toBe('');
  });
});

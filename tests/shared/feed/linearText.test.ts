// Every path that turns an item into text runs in linear time: 1,000,000 "<", 1,000,000 "&" and
// 100,000 nested tags each go through preview, title, tagging, the word index, highlighting and
// the feed parser within 2 s. This is not a speed target (bench:* scripts hold those): a quadratic
// path over a million characters takes minutes, so the bound only tells linear from quadratic, and
// is loose enough for a CI machine under load (the linear paths take 1-60 ms when it is quiet).
import { describe, expect, it } from 'vitest';
import { displayTitle, previewAround, previewText } from '../../../shared/feed/itemPreview';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import { findNameRanges } from '../../../shared/places/findNameRanges';
import { createNewsWordIndex } from '../../../shared/wordSearch/newsWordIndex';
import { createPlaceTagger, tagPlaces } from '../../../shared/places/tagPlaces';
import { bundledGazetteer } from '../../fixtures/bundledData';

const bound = 2_000;
const tagger = createPlaceTagger(bundledGazetteer);

const hostile: Record<string, string> = {
  'a million "<"': '<'.repeat(1_000_000),
  'a million "&"': '&'.repeat(1_000_000),
  '100,000 nested tags': `${'<div><span>'.repeat(50_000)}Tapachula${'</span></div>'.repeat(50_000)}`,
};

/** Milliseconds of the faster of two runs: the first may include compiling the code. */
const fastest = (run: () => unknown): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

describe.each(Object.entries(hostile))('%s', (_name, text) => {
  const html = `${text} Tapachula`;
  const item = { title: text, summary: null, contentText: null, contentHtml: html };

  it.each([
    ['previewText', () => previewText(item)],
    ['previewAround', () => previewAround({ ...item, title: 'Report' }, ['Tapachula'])],
    ['displayTitle', () => displayTitle({ ...item, title: '' })],
    ['findNameRanges', () => findNameRanges(html, ['Tapachula', 'Ciudad Juárez'])],
    ['tagPlaces', () => tagPlaces(tagger, { title: text, text: html })],
    ['newsWordIndex', () => createNewsWordIndex().setItem('key', text, html, 0)],
    ['parseFeedDocument (RSS)', () => parseFeedDocument({ bytes: new TextEncoder().encode(`<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>${text}</title><description>${text}</description></item></channel></rss>`), contentType: null, url: 'https://x.example/' })],
    ['parseFeedDocument (JSON Feed)', () => parseFeedDocument({ bytes: new TextEncoder().encode(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: text, content_html: text }] })), contentType: null, url: 'https://x.example/' })],
  ])('%s finishes in linear time (under 2 s)', (_path, run) => {
    expect(fastest(run)).toBeLessThan(bound);
  });
});

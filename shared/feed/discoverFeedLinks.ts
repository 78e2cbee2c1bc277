// Finds the feeds a web page announces (<link rel="alternate" type="application/rss+xml" …>), so a
// pasted site address leads to its feed. Uses htmlparser2's tokenizer only: no DOM, no script, and
// no element stack, so even a page of 100,000 nested tags is read in one linear pass.
import { Tokenizer } from 'htmlparser2';
import type { FeedFormat } from './feedItem';
import { resolveFeedLink } from './resolveFeedLink';

export interface DiscoveredFeedLink {
  url: string;
  title: string | null;
  format: FeedFormat;
}

/** More than this many announced feeds is a spam page, not a news site. */
export const maxDiscoveredFeeds = 20;
/** Feed links looked at (repeats included) before the rest of the page is ignored. */
const maxExaminedLinks = 200;

const formatsByType: Readonly<Record<string, FeedFormat>> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rdf',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
  'application/json': 'json-feed',
};

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/** Every tag of the page with its attributes (entities decoded), in order. */
const readTags = (html: string, onTag: (tag: Tag) => void): void => {
  let tag: Tag | null = null;
  let attributeName = '';
  let attributeValue = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = { name: html.slice(start, end).toLowerCase(), attributes: new Map() };
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (tag !== null && !tag.attributes.has(attributeName)) tag.attributes.set(attributeName, attributeValue);
      },
      onopentagend() {
        if (tag !== null) onTag(tag);
        tag = null;
      },
      onselfclosingtag() {
        if (tag !== null) onTag(tag);
        tag = null;
      },
      // Text, comments and closing tags carry no feed links.
      onclosetag() {},
      ontext() {},
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
};

/** The http(s) feeds the page announces, absolute, without repeats, at most `maxDiscoveredFeeds`. */
export const discoverFeedLinks = (html: string, pageUrl: string): DiscoveredFeedLink[] => {
  let base = pageUrl;
  const found: DiscoveredFeedLink[] = [];
  const seen = new Set<string>();
  let examined = 0;
  readTags(html, (tag) => {
    if (tag.name === 'base') {
      const href = resolveFeedLink(tag.attributes.get('href'), [pageUrl]);
      if (href !== null && base === pageUrl) base = href;
      return;
    }
    if (tag.name !== 'link' || found.length >= maxDiscoveredFeeds) return;
    const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) return;
    const type = (tag.attributes.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    const format = formatsByType[type];
    if (format === undefined || examined >= maxExaminedLinks) return;
    examined += 1;
    const url = resolveFeedLink(tag.attributes.get('href'), [base]);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    const title = tag.attributes.get('title')?.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
    found.push({ url, title, format });
  });
  return found;
};

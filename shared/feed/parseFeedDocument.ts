// The one way into Field News for a downloaded feed document, whatever its format: bytes in,
// a FeedPage (or the feeds a web page announces, or a reason) out. The format is decided from
// the content, never from the Content-Type, which servers get wrong; the header gives the charset.
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import { decodeFeedBytes } from './decodeFeedBytes';
import { detectFeedFormat } from './detectFeedFormat';
import { discoverFeedLinks, type DiscoveredFeedLink } from './discoverFeedLinks';
import type { FeedPage } from './feedItem';
import { parseJsonFeedText } from './parseJsonFeed';
import { parseXmlFeed } from './parseXmlFeed';
import type { UserMessage } from '../i18n/userMessage';

export type { DiscoveredFeedLink };

export type ParsedFeedDocument = { kind: 'feed'; page: FeedPage } | { kind: 'web-page'; feedLinks: DiscoveredFeedLink[] };

/** A web page is searched for feed links only in its first part: they sit in <head>. */
const scannedPageCharacters = 1_000_000;

const asFeed = (page: Result<FeedPage, UserMessage>): Result<ParsedFeedDocument, UserMessage> =>
  page.ok ? succeed({ kind: 'feed', page: page.value }) : page;

const webPage = (html: string, url: string): Result<ParsedFeedDocument, UserMessage> => {
  const feedLinks = discoverFeedLinks(html.slice(0, scannedPageCharacters), url);
  return feedLinks.length > 0 ? succeed({ kind: 'web-page', feedLinks }) : fail(errorMessages.feedPageWithoutFeeds);
};

/**
 * Never throws. `bytes` as downloaded; `contentType` from the HTTP header (its charset only — never
 * used to pick the format); `url` = the address the bytes came from (the base for relative links).
 */
export const parseFeedDocument = (input: { bytes: Uint8Array; contentType: string | null; url: string }): Result<ParsedFeedDocument, UserMessage> => {
  try {
    const { text } = decodeFeedBytes(input.bytes, input.contentType);
    if (text.trim().length === 0) return fail(errorMessages.feedEmptyDocument);
    const detected = detectFeedFormat(text);
    switch (detected.kind) {
      case 'json':
        return asFeed(parseJsonFeedText(text));
      case 'rss':
      case 'rdf':
      case 'atom':
        return asFeed(parseXmlFeed(detected.kind, text.slice(detected.rootStart), input.url));
      case 'html':
        return webPage(text, input.url);
      case 'unknown':
        // Some pages start with text or a stray tag before <html>: look for feed links all the same.
        return /<link\b/i.test(text.slice(0, scannedPageCharacters)) ? webPage(text, input.url) : fail(errorMessages.feedUnrecognised);
    }
  } catch (error) {
    // A parser bug must cost one feed one sync, never the whole sync; the detail goes into the
    // message (shared/ has no logger) so that a report from the field names it.
    return fail(errorMessages.feedParserFailed(error instanceof Error ? error.message : String(error)));
  }
};

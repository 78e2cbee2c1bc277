// Cookie and consent banners taken off a page before its article is read, so a banner that sits
// among the article's paragraphs is never saved with it. They are known by the names consent tools
// give their elements; Readability's own list of unlikely parts ("gdpr", "popup", "banner") misses
// "cookie" and "consent", and nothing there says "didomi" or "onetrust".
import { elementsOf } from './pageDocument';

/** The id and class words of consent banners (the tools' own names included). Not "cmp": Adobe's page components all start with it. */
const consentName =
  /(?:^|[^a-z])(?:cookies?|consent|gdpr|cookiebot|cookielaw|cookiewall|didomi|onetrust|usercentrics|trustarc|truste|sp_message|qc-cmp2?|cc-banner|cc-window|privacy-banner)(?:$|[^a-z])/i;

/** A banner is short; an element with more text than this holding one of those names is the page itself (say <body class="cookie-consent-given">). */
const longestBannerCharacters = 4_000;

/** Elements never taken away, whatever their names: the page, and the places its article lives. */
const neverRemoved = new Set(['html', 'head', 'body', 'main', 'article']);

const namesOf = (element: Element): string => `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`;

const isConsentBanner = (element: Element): boolean =>
  !neverRemoved.has(element.localName) &&
  consentName.test(namesOf(element)) &&
  (element.textContent ?? '').length <= longestBannerCharacters &&
  element.querySelector('article, main') === null;

/** Removes the page's consent banners; returns how many were removed. */
export const removeConsentBanners = (document: Document): number => {
  let removed = 0;
  for (const element of elementsOf(document)) {
    // An element inside a banner removed a moment ago is gone with it.
    if (element.isConnected && isConsentBanner(element)) {
      element.remove();
      removed += 1;
    }
  }
  return removed;
};

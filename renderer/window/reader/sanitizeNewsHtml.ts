// Feed HTML made safe to show inside the app: no script, no styling that could dress an item up as
// the app (no class, id or style), links and pictures resolved against the item's own address.
import DOMPurify, { type UponSanitizeAttributeHook } from 'dompurify';

const purifier = DOMPurify(window);

const forbiddenTags = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math'];
// class and id would let a feed borrow the app's own styles and anchors; name can clobber globals.
const forbiddenAttributes = ['style', 'srcset', 'class', 'id', 'name'];
// Every attribute that holds an address; each is resolved here and kept only as http(s), mailto or a fragment.
const linkAttributes = new Set(['href', 'src', 'cite', 'longdesc', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'data']);
const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);

/** The address an item's HTML is read against; set just before each sanitize call (sanitizing is synchronous). */
let baseAddress: string | null = null;

/** A link made absolute against the item's address, or null when it is not a web or mail link. */
export const resolveNewsLink = (value: string, base: string | null): string | null => {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return trimmed;
  const absolute = URL.canParse(trimmed) ? new URL(trimmed) : base !== null && URL.canParse(trimmed, base) ? new URL(trimmed, base) : null;
  return absolute && allowedSchemes.has(absolute.protocol) ? absolute.href : null;
};

const resolveLinks: UponSanitizeAttributeHook = (_node, data) => {
  if (!linkAttributes.has(data.attrName)) return;
  const resolved = resolveNewsLink(data.attrValue, baseAddress);
  if (resolved === null) data.keepAttr = false;
  else data.attrValue = resolved;
};
purifier.addHook('uponSanitizeAttribute', resolveLinks);

const options = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: forbiddenTags,
  FORBID_ATTR: forbiddenAttributes,
  // No ALLOWED_URI_REGEXP: DOMPurify applies it to every attribute value (it would drop width="320"
  // and lang="es"); addresses are checked by the hook above instead.
  // A fragment, not a string: the page never assigns HTML text to innerHTML, so under Trusted Types
  // the only HTML sink left is DOMPurify's own parser (its 'dompurify' policy).
  RETURN_DOM_FRAGMENT: true,
} as const;

/**
 * The item's HTML as nodes ready to insert. Harmless presentational attributes (width, height,
 * lang, dir, colspan, rowspan, alt) stay.
 */
export const sanitizeNewsHtml = (html: string, itemUrl: string | null): DocumentFragment => {
  baseAddress = itemUrl;
  try {
    return purifier.sanitize(html, options);
  } finally {
    baseAddress = null;
  }
};

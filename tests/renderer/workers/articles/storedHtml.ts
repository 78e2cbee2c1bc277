// What a stored article's HTML must never hold, read back through a DOM (as the reader will read
// it), not by pattern: escaped code in a <pre> ("&lt;script …") is text, not a script.
import { DOMParser } from 'linkedom/worker';

const forbiddenElements = 'script, style, iframe, frame, object, embed, applet, form, input, button, select, textarea, video, audio, source, svg, math, link, meta, base, noscript, template';
const forbiddenAttribute = /^(on|data-)|^(style|srcset|sizes|srcdoc|action|formaction|poster|background|xlink:href)$/;
const storedAddress = /^(https?:\/\/|mailto:|data:image\/)/;

/** `html` as the body of a document (linkedom's own types cast to the DOM's, as the product code does). */
const bodyOf = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html') as unknown as Document;

/** Everything in `html` that should not be there, one line each; empty when it is clean. */
export const storedHtmlProblems = (html: string): string[] => {
  const document = bodyOf(html);
  const problems: string[] = [];
  for (const element of document.querySelectorAll(forbiddenElements)) problems.push(`<${element.localName}> kept`);
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      const lower = name.toLowerCase();
      const value = element.getAttribute(name) ?? '';
      if (forbiddenAttribute.test(lower)) problems.push(`${lower}="${value}" kept on <${element.localName}>`);
      if ((lower === 'href' || lower === 'src' || lower === 'cite') && !storedAddress.test(value)) problems.push(`${lower}="${value}" is not absolute`);
    }
  }
  return problems;
};

/** The value of `attribute` on each element `selector` finds in `html`, in order. */
export const attributesIn = (html: string, selector: string, attribute: string): string[] => {
  const document = bodyOf(html);
  return [...document.querySelectorAll(selector)].map((element) => element.getAttribute(attribute) ?? '');
};

// How deep a page's elements nest, measured in one forward pass before any DOM is built. The DOM
// the article reader uses (linkedom over htmlparser2) keeps its open elements in an array it
// shifts at the front, so each element costs as much as it has open ancestors, and Readability
// walks ancestors and subtrees again: 100,000 nested <div>s take minutes and overflow the stack.
// This pass mirrors htmlparser2's rules (void elements, the tags an opening tag closes, raw text,
// self-closing only inside SVG and MathML), so its count is the depth the parser will build.

export interface NestingLimits {
  /** The most elements open at once. */
  deepest: number;
  /** The most open ancestors summed over every element (the parser's and Readability's cost). */
  work: number;
}

export interface TagNesting {
  deepest: number;
  work: number;
  elements: number;
  /** Whether a limit was passed; the pass stops there, so the other numbers are partial. */
  overLimit: boolean;
}

const pTag = new Set(['p']);
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const definitionTags = new Set(['dd', 'dt']);
const rubyTags = new Set(['rt', 'rp']);
/** htmlparser2's `openImpliesClose`: opening the key closes open elements of these names on top. */
const impliedCloses = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, ReadonlySet<string>] => [name, formTags]),
  ...['dd', 'dt'].map((name): [string, ReadonlySet<string>] => [name, definitionTags]),
  ...['rt', 'rp'].map((name): [string, ReadonlySet<string>] => [name, rubyTags]),
  ...[
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((name): [string, ReadonlySet<string>] => [name, pTag]),
]);
const voidElements = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
const foreignRoots = new Set(['math', 'svg']);
const htmlIntegration = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose content is text up to their own end tag (htmlparser2's tokenizer knows these five). */
const rawTextEnds = new Map(['script', 'style', 'title', 'textarea', 'xmp'].map((name) => [name, new RegExp(`</${name}[ \\t\\n\\f\\r>]`, 'gi')]));

const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** htmlparser2's whitespace: space, tab, line feed, form feed, carriage return. */
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** The parser's stack of open elements, with how many of each name it holds (so a stray end tag costs no search here). */
const createStack = (limits: NestingLimits) => {
  const names: string[] = [];
  const counts = new Map<string, number>();
  const foreign: boolean[] = [false];
  const nesting: TagNesting = { deepest: 0, work: 0, elements: 0, overLimit: false };
  const pop = (): void => {
    const name = names.pop();
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 1) - 1);
  };
  /** One more element, `depth` deep. */
  const count = (depth: number): void => {
    nesting.elements += 1;
    nesting.work += depth;
    nesting.deepest = Math.max(nesting.deepest, depth);
  };
  const open = (name: string, selfClosing: boolean): void => {
    const closes = impliedCloses.get(name);
    while (closes !== undefined && names.length > 0 && closes.has(names[names.length - 1] ?? '')) pop();
    // The element's depth: its open ancestors and itself (a void element is never left open, but is as deep).
    count(names.length + 1);
    if (!voidElements.has(name)) {
      names.push(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (foreignRoots.has(name)) foreign.push(true);
      else if (htmlIntegration.has(name)) foreign.push(false);
    }
    if (selfClosing && foreign[foreign.length - 1] === true && names[names.length - 1] === name) pop();
    nesting.overLimit = nesting.deepest > limits.deepest || nesting.work > limits.work;
  };
  const close = (name: string): void => {
    if (foreignRoots.has(name) || htmlIntegration.has(name)) foreign.pop();
    if (voidElements.has(name)) {
      // "</br>" is read as a <br> (without the closing an opening <br> implies: htmlparser2 skips that step).
      if (name === 'br') count(names.length + 1);
      return;
    }
    if ((counts.get(name) ?? 0) === 0) {
      // The parser searches its whole stack for an end tag that matches nothing; a stray "</p>" is read as "<p></p>".
      nesting.work += names.length;
      if (name === 'p') count(names.length + 1);
    } else {
      for (let top = names[names.length - 1]; top !== undefined; top = names[names.length - 1]) {
        nesting.work += 1;
        pop();
        if (top === name) break;
      }
    }
    nesting.overLimit = nesting.deepest > limits.deepest || nesting.work > limits.work;
  };
  return { open, close, nesting };
};

/** The tokenizer's states inside an opening tag, after its name. */
type TagState = 'before-name' | 'in-name' | 'after-name' | 'before-value' | 'in-unquoted-value' | 'after-slash';

/** An opening tag that the text ends inside: past every index. */
const unfinished = { end: Number.POSITIVE_INFINITY, selfClosing: false };

/**
 * Where an opening tag ends (just past its '>'; `unfinished` if it never does) and whether it ended in "/>", read with htmlparser2's
 * states: a quote opens a value only after "name=", so `<b ="><div>` ends at the first '>' there too.
 */
const endOfOpenTag = (html: string, from: number): { end: number; selfClosing: boolean } => {
  let state: TagState = 'before-name';
  for (let index = from; index < html.length; index += 1) {
    const code = html.charCodeAt(index);
    if (state === 'before-value' && (code === 34 || code === 39)) {
      index = html.indexOf(code === 34 ? '"' : "'", index + 1);
      if (index === -1) return unfinished;
      state = 'before-name';
      continue;
    }
    if (state === 'before-value' && !isSpace(code)) state = 'in-unquoted-value';
    if (state === 'in-unquoted-value') {
      if (!isSpace(code) && code !== 62) continue;
      state = 'before-name';
    }
    if (state === 'in-name') {
      if (!isSpace(code) && code !== 61 && code !== 47 && code !== 62) continue;
      state = 'after-name';
    }
    if (state === 'after-name') {
      if (code === 61) state = 'before-value';
      else if (code === 47 || code === 62) state = 'before-name';
      else if (!isSpace(code)) state = 'in-name';
      if (state !== 'before-name') continue;
    }
    if (state === 'after-slash') {
      if (code === 62) return { end: index + 1, selfClosing: true };
      if (isSpace(code)) continue;
      state = 'before-name';
    }
    // Before a name: '>' ends the tag, '/' may begin "/>", anything else but a space begins a name ('=' too).
    if (code === 62) return { end: index + 1, selfClosing: false };
    if (code === 47) state = 'after-slash';
    else if (!isSpace(code)) state = 'in-name';
  }
  return unfinished;
};

/** Index just past the next `marker` from `from`, or the end of the text. */
const pastMarker = (html: string, from: number, marker: string): number => {
  const found = html.indexOf(marker, from);
  return found === -1 ? html.length : found + marker.length;
};

/** The end of a tag name that starts at `from`: names end at a space, '>' and (opening names only) '/'. */
const endOfName = (html: string, from: number, slashEnds: boolean): number => {
  let index = from;
  for (; index < html.length; index += 1) {
    const code = html.charCodeAt(index);
    if (isSpace(code) || code === 62 || (slashEnds && code === 47)) break;
  }
  return index;
};

/** Reads `html` forward once; stops as soon as a limit is passed. */
export const measureTagNesting = (html: string, limits: NestingLimits): TagNesting => {
  const stack = createStack(limits);
  let index = html.indexOf('<');
  while (index !== -1 && index < html.length - 1 && !stack.nesting.overLimit) {
    const next = html.charCodeAt(index + 1);
    if (next === 33) {
      // "<!--" comment (also "<!-->"), "<![CDATA[" section, else a declaration such as <!doctype>.
      if (html.startsWith('<!--', index)) index = pastMarker(html, index + 2, '-->');
      else if (html.startsWith('<![CDATA[', index)) index = pastMarker(html, index + 9, ']]>');
      else index = pastMarker(html, index + 2, '>');
    } else if (next === 63) {
      index = pastMarker(html, index + 2, '>');
    } else if (next === 47) {
      const nameEnd = isAsciiLetter(html.charCodeAt(index + 2)) ? endOfName(html, index + 2, false) : index + 2;
      if (nameEnd > index + 2) stack.close(html.slice(index + 2, nameEnd).toLowerCase());
      index = pastMarker(html, nameEnd, '>');
    } else if (isAsciiLetter(next)) {
      const nameEnd = endOfName(html, index + 1, true);
      const name = html.slice(index + 1, nameEnd).toLowerCase();
      const tag = endOfOpenTag(html, nameEnd);
      // A tag the text ends inside is never opened.
      if (tag.end > html.length) break;
      stack.open(name, tag.selfClosing);
      index = tag.end;
      const rawTextEnd = tag.selfClosing ? undefined : rawTextEnds.get(name);
      if (rawTextEnd !== undefined) {
        rawTextEnd.lastIndex = index;
        index = rawTextEnd.exec(html)?.index ?? html.length;
      }
    } else {
      index += 1;
    }
    index = html.indexOf('<', index);
  }
  return stack.nesting;
};

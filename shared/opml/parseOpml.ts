// Reads an OPML subscription list (OPML 1.0 or 2.0, as Fluent Reader, NetNewsWire, Feedly, Inoreader
// and Thunderbird export it) into feeds and their folders: the whole list, or one error and nothing.
import { decodeHTMLStrict } from 'entities';
import { decodeFeedBytes } from '../feed/decodeFeedBytes';
import { httpAddress } from '../webAddress';
import { Parser, type Handler } from 'htmlparser2';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import type { UserMessage } from '../i18n/userMessage';
import { fullArticlesChoices, type FullArticlesChoice } from '../articles/articleRecord';
import { fieldNewsNamespace, fieldNewsPrefix, fullArticlesAttribute } from './fieldNewsNamespace';

export interface OpmlFeed {
  url: string;
  title: string | null;
  /** The folder path, outermost first, joined with " / " ("Mexico / Chiapas"); null at the top level. */
  folder: string | null;
  htmlUrl: string | null;
  /** The feed's *Full articles* choice where the file names a known one (fieldNewsNamespace.ts); absent otherwise. */
  fullArticles?: FullArticlesChoice;
}

export interface OpmlImport {
  feeds: OpmlFeed[];
  /** Feed entries whose address is not an http(s) address (mailto:, file:, garbage): skipped. */
  notFeedAddresses: number;
  /** Feed entries whose address came earlier in the file: skipped, the first one kept. */
  repeated: number;
}

export const folderSeparator = ' / ';

/**
 * The limits that keep a hostile file from costing the app its memory or its time. A list of 5,000
 * feeds is about 1.5 MB of OPML, and no reader nests folders more than a few levels. Within them a
 * file reads in linear time (the reading stops at its first problem), at most a few seconds for
 * 10 MB, and in a worker of its own (renderer/workers/opml), never on the window's thread.
 */
export const opmlLimits = { maxMegabytes: 10, maxDepth: 64 } as const;

interface OpenElement {
  name: string;
  /** Where its start tag begins, for the line number of an error. */
  start: number;
  /** The folder path its child outlines belong to (inside <body> only). */
  folder: string | null;
  /** The prefix bound to Field News's namespace inside it (lower case), or null where none is. */
  fieldNewsPrefix: string | null;
}

// eslint-disable-next-line no-control-regex -- these are the control characters XML 1.0 cannot carry
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;

/** Attribute text as a person reads it: entities decoded, runs of white space made one space. */
const readableText = (raw: string | undefined): string | null => {
  if (raw === undefined) return null;
  // Strict decoding: only entities ended by ";" (the XML five, numeric ones and HTML names that
  // sloppy exporters write). Nothing is ever expanded from the file's own DOCTYPE.
  const text = decodeHTMLStrict(raw).replace(controlCharacters, '').replace(/\s+/gu, ' ').trim();
  return text.length > 0 ? text : null;
};

/**
 * The prefix that names Field News's namespace inside an element: the one its own `xmlns:` attributes
 * bind to the namespace, else its parent's, unless the element binds that prefix to another one.
 * Attribute names arrive in lower case (parserOptions).
 */
const fieldNewsPrefixOf = (attributes: Record<string, string>, inherited: string | null): string | null => {
  let prefix = inherited;
  for (const [name, value] of Object.entries(attributes)) {
    if (!name.startsWith('xmlns:')) continue;
    const bound = name.slice('xmlns:'.length);
    if (decodeHTMLStrict(value).trim() === fieldNewsNamespace) prefix = bound;
    else if (bound === prefix) prefix = null;
  }
  return prefix;
};

/** The choice an outline names in Field News's namespace, or undefined: a missing or unknown word is no choice. */
const fullArticlesOf = (attributes: Record<string, string>, prefix: string | null): FullArticlesChoice | undefined => {
  const raw = prefix === null ? undefined : attributes[`${prefix}:${fullArticlesAttribute.toLowerCase()}`];
  const word = readableText(raw)?.toLowerCase();
  return fullArticlesChoices.find((choice) => choice === word);
};

/** An http(s) address, normalised so that one feed written two ways is found repeated; else null. */
export const webAddress = (raw: string): string | null => {
  // Old exports name feeds with the feed: scheme (feed://host/path or feed:https://host/path).
  const text = raw.trim().replace(/^feed:(?!\/\/)/iu, '').replace(/^feed:\/\//iu, 'http://');
  return httpAddress(text);
};

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line += 1;
  return line;
};

/** The name in the end tag the parser is reading, found back from its end index. */
const closingName = (source: string, endIndex: number): string => {
  const open = source.lastIndexOf('</', endIndex);
  return open === -1 ? '?' : source.slice(open + 2, endIndex + 1).replace(/[\s>].*$/su, '').toLowerCase();
};

/** A tag name fit to quote in a message, whatever the file holds. */
const quotedName = (name: string): string => name.replace(/[^\p{L}\p{N}:._-]/gu, '').slice(0, 40) || '?';

const parserOptions = { xmlMode: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };

/** Listens to htmlparser2 for one file: checks its outline and collects its feeds, stopping at the first problem. */
class OpmlReader implements Partial<Handler> {
  readonly feeds: OpmlFeed[] = [];
  notFeedAddresses = 0;
  repeated = 0;
  topElement: string | null = null;
  sawBody = false;
  /** The first thing found wrong, as a message made only if needed; once set, later events are ignored. */
  problem: (() => UserMessage) | null = null;
  private readonly seen = new Set<string>();
  private readonly stack: OpenElement[] = [];
  private topClosed = false;
  private ended = false;
  private lastOpened: OpenElement | null = null;
  /** Where the parser is, for the line numbers of messages. */
  private readonly parser: Parser;

  constructor(private readonly source: string) {
    this.parser = new Parser(this, parserOptions);
  }

  /** Reads the file up to its end or its first problem; the findings are then in the fields. */
  read(): void {
    this.parser.write(this.source);
    if (this.problem !== null) return;
    this.ended = true;
    this.parser.end();
  }

  /**
   * Keeps the first problem and stops the parser there. Read on, a crafted file would cost
   * htmlparser2 time for every tag after it: its list of open elements grows at the front, so
   * 100,000 nested tags take seconds, and a 10 MB file minutes.
   */
  private stop(problem: () => UserMessage): void {
    this.problem = problem;
    this.parser.pause();
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.problem) return;
    const start = this.parser.startIndex;
    const { stack } = this;
    if (this.topElement === null) {
      this.topElement = name;
      // Plain text with a stray "<" in it is not XML at all; a real element is named like one.
      if (!/^[\p{L}_][\p{L}\p{N}._:-]*$/u.test(name)) {
        this.stop(() => errorMessages.opmlNoElements);
        return;
      }
      if (name !== 'opml') {
        this.stop(() => errorMessages.opmlWrongTopElement(quotedName(name)));
        return;
      }
    } else if (stack.length === 0 && this.topClosed) {
      this.stop(() => errorMessages.opmlAfterEnd(lineAt(this.source, start)));
      return;
    }
    if (stack.length > opmlLimits.maxDepth) {
      this.stop(() => errorMessages.opmlTooDeep(opmlLimits.maxDepth));
      return;
    }
    const parent = stack.at(-1);
    // Unbound, the usual prefix still counts: a file that forgot to declare it says what it means.
    const prefix = fieldNewsPrefixOf(attributes, parent ? parent.fieldNewsPrefix : fieldNewsPrefix);
    let folder: string | null = null;
    if (name === 'body' && parent?.name === 'opml' && stack.length === 1) this.sawBody = true;
    else if (name === 'outline' && parent !== undefined && (parent.name === 'outline' || parent.name === 'body') && this.sawBody) folder = this.readOutline(attributes, parent, prefix);
    else folder = parent?.folder ?? null;
    this.lastOpened = { name, start, folder, fieldNewsPrefix: prefix };
    stack.push(this.lastOpened);
  }

  onclosetag(name: string, isImplied: boolean): void {
    if (this.problem) return;
    const closed = this.stack.pop();
    if (closed === undefined) return;
    const { source } = this;
    const at = this.parser.endIndex;
    // htmlparser2 reports the close of a self-closing tag as implied too: tell it apart by its "/>".
    const selfClosing = closed === this.lastOpened && source.startsWith('/>', at - 1);
    if (isImplied && !selfClosing) {
      // Implied closes come either from a wrong end tag (the parser closes what is open up to
      // the matching start tag) or from the end of the text with elements still open.
      this.stop(
        this.ended
          ? () => errorMessages.opmlEndsEarly(lineAt(source, source.trimEnd().length), quotedName(closed.name), lineAt(source, closed.start))
          : () => errorMessages.opmlTagMismatch(lineAt(source, at), quotedName(closingName(source, at)), quotedName(closed.name), lineAt(source, closed.start)),
      );
      return;
    }
    if (this.stack.length === 0 && name === this.topElement) this.topClosed = true;
  }

  /** Takes one outline in <body>: a feed is counted or kept; returns the folder path its children belong to. */
  private readOutline(attributes: Record<string, string>, parent: OpenElement, prefix: string | null): string | null {
    const type = attributes.type?.trim().toLowerCase();
    const isFeedType = type === 'rss' || type === 'atom';
    const rawAddress = attributes.xmlurl ?? (isFeedType ? attributes.url : undefined);
    if (rawAddress === undefined && !isFeedType) {
      // A folder (or a link, or a note): its label becomes one more step of its children's folder path.
      const label = readableText(attributes.text) ?? readableText(attributes.title);
      if (label === null) return parent.folder;
      return parent.folder === null ? label : `${parent.folder}${folderSeparator}${label}`;
    }
    const url = rawAddress === undefined ? null : webAddress(decodeHTMLStrict(rawAddress));
    if (url === null) this.notFeedAddresses += 1;
    else if (this.seen.has(url)) this.repeated += 1;
    else {
      this.seen.add(url);
      const htmlUrl = attributes.htmlurl === undefined ? null : webAddress(decodeHTMLStrict(attributes.htmlurl));
      const fullArticles = fullArticlesOf(attributes, prefix);
      this.feeds.push({ url, title: readableText(attributes.title) ?? readableText(attributes.text), folder: parent.folder, htmlUrl, ...(fullArticles ? { fullArticles } : {}) });
    }
    // Outlines nested under a feed (rare) stay in the feed's folder.
    return parent.folder;
  }
}

export const parseOpml = (text: string): Result<OpmlImport, UserMessage> => {
  if (text.length > opmlLimits.maxMegabytes * 1024 * 1024) return fail(errorMessages.opmlTooLarge(opmlLimits.maxMegabytes));
  const source = text.replace(/^\uFEFF/u, '');
  if (source.trim().length === 0) return fail(errorMessages.opmlEmpty);

  const reader = new OpmlReader(source);
  reader.read();
  const { feeds, notFeedAddresses, repeated } = reader;
  if (reader.problem !== null) return fail(reader.problem());
  if (reader.topElement === null) return fail(errorMessages.opmlNoElements);
  if (!reader.sawBody) return fail(errorMessages.opmlNoBody);
  if (feeds.length === 0) return fail(notFeedAddresses > 0 ? errorMessages.opmlNoWebFeeds(notFeedAddresses) : errorMessages.opmlNoFeeds);
  return succeed({ feeds, notFeedAddresses, repeated });
};

/** Reads an OPML file's bytes in their own charset (byte-order mark, then the XML declaration, then UTF-8). */
export const parseOpmlFile = (bytes: Uint8Array): Result<OpmlImport, UserMessage> => {
  if (bytes.length > opmlLimits.maxMegabytes * 1024 * 1024) return fail(errorMessages.opmlTooLarge(opmlLimits.maxMegabytes));
  return parseOpml(decodeFeedBytes(bytes, null).text);
};

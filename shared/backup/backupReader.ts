// Reads a backup's JSON text piece by piece and hands over one list entry at a time, so that a
// file of 100,000 items never sits in memory whole (nor as one string, which V8 caps near 512 MB).
// It finds where each value ends by counting brackets outside strings (jsonValueScanner.ts); JSON.parse
// then checks each value, so any layout of valid JSON reads the same as the one Field News writes.
import { assertNever } from '../assertNever';
import { backupLists, type BackupCaps, type BackupList } from './backupFormat';
import { isJsonSpace, JsonValueScanner } from './jsonValueScanner';

export type BackupReadProblem =
  /** Not JSON, or JSON broken somewhere. */
  | { kind: 'syntax' }
  /** The text stopped before the object closed. */
  | { kind: 'cutShort' }
  /** Valid JSON so far, but not an object with lists where a backup has them. */
  | { kind: 'notABackup' }
  /** One value is longer than a backup ever writes. */
  | { kind: 'tooLarge' };

export interface BackupReaderHandlers {
  /** A top-level value that is not one of the lists (format, version, …). */
  onHeader(key: string, value: unknown): void;
  onEntry(list: BackupList, value: unknown): void;
}

export interface BackupReader {
  /** Reads the next piece of text; returns the first problem found (and then reads no more). */
  push(text: string): BackupReadProblem | null;
  /** Call at the end of the text. */
  end(): BackupReadProblem | null;
}

type State = 'start' | 'firstKey' | 'key' | 'keyText' | 'colon' | 'value' | 'firstEntry' | 'entry' | 'afterEntry' | 'afterValue' | 'done';

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // The caller turns this into the "damaged file" message; the parser's own wording would not help a reader.
    return { ok: false };
  }
};

/** The backup's outline (one object of headers and lists), read character by character; each value goes to the scanner. */
class BackupTextReader {
  private state: State = 'start';
  private problem: BackupReadProblem | null = null;
  private key = '';
  private list: BackupList | null = null;
  /** A value is being scanned: the text goes to the scanner until it ends. */
  private scanning = false;
  private readonly value = new JsonValueScanner();

  constructor(
    private readonly handlers: BackupReaderHandlers,
    private readonly caps: Pick<BackupCaps, 'entryCharacters' | 'headerCharacters'>,
  ) {}

  push(text: string): BackupReadProblem | null {
    if (this.problem) return this.problem;
    let at = 0;
    while (at < text.length) {
      if (this.scanning) {
        const end = this.value.scan(text, at);
        const piece = text.slice(at, end === -1 ? text.length : end);
        const limit = this.list ? this.caps.entryCharacters : this.caps.headerCharacters;
        if (this.value.length + piece.length > limit) return this.stop({ kind: 'tooLarge' });
        this.value.add(piece);
        if (end === -1) return null;
        this.scanning = false;
        const found = this.finishValue(this.value.take());
        if (found) return found;
        at = end;
        continue;
      }
      const code = text.charCodeAt(at);
      if (isJsonSpace(code)) {
        at += 1;
        continue;
      }
      const next = this.step(code);
      if (next === 'value') {
        this.scanning = true;
        at += this.value.begin(code);
      } else if (next !== null) return next;
      else at += 1;
    }
    return null;
  }

  end(): BackupReadProblem | null {
    if (this.problem) return this.problem;
    if (this.state === 'done') return null;
    return this.stop(this.state === 'start' ? { kind: 'syntax' } : { kind: 'cutShort' });
  }

  private stop(found: BackupReadProblem): BackupReadProblem {
    this.problem = found;
    return found;
  }

  /**
   * Takes one character of the outline (white space aside): null when it is taken, 'value' when a
   * value (a key's text, a header's value, a list entry) begins at it, else the problem it shows.
   */
  private step(code: number): BackupReadProblem | 'value' | null {
    switch (this.state) {
      case 'start':
        // A list, a text or a number is JSON, just not a backup; anything else is no JSON at all.
        if (code !== 0x7b) return this.stop(code === 0x5b || code === 0x22 || code === 0x2d || (code >= 0x30 && code <= 0x39) ? { kind: 'notABackup' } : { kind: 'syntax' });
        this.state = 'firstKey';
        return null;
      case 'firstKey':
      case 'key':
        if (code === 0x7d && this.state === 'firstKey') {
          this.state = 'done';
          return null;
        }
        if (code !== 0x22) return this.stop({ kind: 'syntax' });
        this.state = 'keyText';
        return 'value';
      case 'colon':
        if (code !== 0x3a) return this.stop({ kind: 'syntax' });
        this.state = 'value';
        return null;
      case 'value':
        this.list = backupLists.find((name) => name === this.key) ?? null;
        if (this.list === null) return 'value';
        if (code !== 0x5b) return this.stop({ kind: 'notABackup' });
        this.state = 'firstEntry';
        return null;
      case 'firstEntry':
      case 'entry':
        if (code !== 0x5d || this.state !== 'firstEntry') return 'value';
        this.list = null;
        this.state = 'afterValue';
        return null;
      case 'afterEntry':
        if (code === 0x2c) this.state = 'entry';
        else if (code === 0x5d) {
          this.list = null;
          this.state = 'afterValue';
        } else return this.stop({ kind: 'syntax' });
        return null;
      case 'afterValue':
        if (code === 0x2c) this.state = 'key';
        else if (code === 0x7d) this.state = 'done';
        else return this.stop({ kind: 'syntax' });
        return null;
      case 'done':
        return this.stop({ kind: 'syntax' });
      case 'keyText':
        // Key text is read by the value scanner; reaching here would be a bug.
        throw new Error('backup reader: key text outside the scanner');
      default:
        return assertNever(this.state);
    }
  }

  /** Hands a finished value to its handler; returns a problem or null. */
  private finishValue(text: string): BackupReadProblem | null {
    const parsed = parseJson(text);
    if (!parsed.ok) return this.stop({ kind: 'syntax' });
    if (this.state === 'keyText') {
      if (typeof parsed.value !== 'string') return this.stop({ kind: 'syntax' });
      this.key = parsed.value;
      this.state = 'colon';
    } else if (this.list) {
      this.handlers.onEntry(this.list, parsed.value);
      this.state = 'afterEntry';
    } else {
      this.handlers.onHeader(this.key, parsed.value);
      this.state = 'afterValue';
    }
    return null;
  }
}

export const createBackupReader = (handlers: BackupReaderHandlers, caps: Pick<BackupCaps, 'entryCharacters' | 'headerCharacters'>): BackupReader => {
  const reader = new BackupTextReader(handlers, caps);
  return { push: (text) => reader.push(text), end: () => reader.end() };
};

// Reads a backup's JSON text piece by piece and hands over one list entry at a time, so that a
// file of 100,000 items never sits in memory whole (nor as one string, which V8 caps near 512 MB).
// It finds where each value ends by counting brackets outside strings; JSON.parse then checks
// each value, so any layout of valid JSON reads the same as the one Field News writes.
import { assertNever } from '../assertNever';
import { backupLists, type BackupCaps, type BackupList } from './backupFormat';

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

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isPrimitiveEnd = (code: number) => isSpace(code) || code === 0x2c || code === 0x5d || code === 0x7d;

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // The caller turns this into the "damaged file" message; the parser's own wording would not help a reader.
    return { ok: false };
  }
};

export const createBackupReader = (handlers: BackupReaderHandlers, caps: Pick<BackupCaps, 'entryCharacters' | 'headerCharacters'>): BackupReader => {
  let state: State = 'start';
  let problem: BackupReadProblem | null = null;
  // The value being scanned: its text so far, and how it ends.
  let parts: string[] = [];
  let length = 0;
  let mode: 'container' | 'string' | 'primitive' = 'container';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let key = '';
  let list: BackupList | null = null;
  let scanning = false;

  const stop = (found: BackupReadProblem): BackupReadProblem => {
    problem = found;
    return found;
  };

  /** Scans from `index` inside the current value; returns the index after its end, or -1 if it goes on. */
  const scanValue = (text: string, index: number): number => {
    let at = index;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (mode === 'primitive') {
        if (isPrimitiveEnd(code)) return at;
      } else if (inString || mode === 'string') {
        if (escaped) escaped = false;
        else if (code === 0x5c) escaped = true;
        else if (code === 0x22) {
          if (mode === 'string') return at + 1;
          inString = false;
        } else {
          // Skip to the next quote or backslash at once: string text is most of a backup.
          const quote = text.indexOf('"', at);
          const slash = text.indexOf('\\', at);
          const next = quote === -1 ? slash : slash === -1 ? quote : Math.min(quote, slash);
          if (next === -1) return -1;
          at = next;
          continue;
        }
      } else if (code === 0x22) inString = true;
      else if (code === 0x7b || code === 0x5b) depth += 1;
      else if (code === 0x7d || code === 0x5d) {
        depth -= 1;
        if (depth === 0) return at + 1;
      }
      at += 1;
    }
    return -1;
  };

  /** Starts scanning a value at its first character; returns how many characters it took already. */
  const beginValue = (code: number): number => {
    inString = false;
    escaped = false;
    depth = 0;
    scanning = true;
    mode = code === 0x22 ? 'string' : code === 0x7b || code === 0x5b ? 'container' : 'primitive';
    // A string's opening quote is taken here, so that the scanner sees the closing one as its end.
    parts = mode === 'string' ? ['"'] : [];
    length = parts.length;
    return parts.length;
  };

  /** Hands a finished value to its handler; returns a problem or null. */
  const finishValue = (text: string): BackupReadProblem | null => {
    const parsed = parseJson(text);
    if (!parsed.ok) return stop({ kind: 'syntax' });
    if (state === 'keyText') {
      if (typeof parsed.value !== 'string') return stop({ kind: 'syntax' });
      key = parsed.value;
      state = 'colon';
    } else if (list) {
      handlers.onEntry(list, parsed.value);
      state = 'afterEntry';
    } else {
      handlers.onHeader(key, parsed.value);
      state = 'afterValue';
    }
    return null;
  };

  const push = (text: string): BackupReadProblem | null => {
    if (problem) return problem;
    let at = 0;
    while (at < text.length) {
      if (scanning) {
        const end = scanValue(text, at);
        const piece = text.slice(at, end === -1 ? text.length : end);
        length += piece.length;
        const limit = list ? caps.entryCharacters : caps.headerCharacters;
        if (length > limit) return stop({ kind: 'tooLarge' });
        parts.push(piece);
        if (end === -1) return null;
        scanning = false;
        const found = finishValue(parts.join(''));
        parts = [];
        if (found) return found;
        at = end;
        continue;
      }
      const code = text.charCodeAt(at);
      if (isSpace(code)) {
        at += 1;
        continue;
      }
      switch (state) {
        case 'start':
          // A list, a text or a number is JSON, just not a backup; anything else is no JSON at all.
          if (code !== 0x7b) return stop(code === 0x5b || code === 0x22 || code === 0x2d || (code >= 0x30 && code <= 0x39) ? { kind: 'notABackup' } : { kind: 'syntax' });
          state = 'firstKey';
          break;
        case 'firstKey':
        case 'key':
          if (code === 0x7d && state === 'firstKey') state = 'done';
          else if (code !== 0x22) return stop({ kind: 'syntax' });
          else {
            state = 'keyText';
            at += beginValue(code);
            continue;
          }
          break;
        case 'colon':
          if (code !== 0x3a) return stop({ kind: 'syntax' });
          state = 'value';
          break;
        case 'value':
          list = backupLists.find((name) => name === key) ?? null;
          if (list) {
            if (code !== 0x5b) return stop({ kind: 'notABackup' });
            state = 'firstEntry';
            break;
          }
          at += beginValue(code);
          continue;
        case 'firstEntry':
        case 'entry':
          if (code === 0x5d && state === 'firstEntry') {
            list = null;
            state = 'afterValue';
            break;
          }
          at += beginValue(code);
          continue;
        case 'afterEntry':
          if (code === 0x2c) state = 'entry';
          else if (code === 0x5d) {
            list = null;
            state = 'afterValue';
          } else return stop({ kind: 'syntax' });
          break;
        case 'afterValue':
          if (code === 0x2c) state = 'key';
          else if (code === 0x7d) state = 'done';
          else return stop({ kind: 'syntax' });
          break;
        case 'done':
          return stop({ kind: 'syntax' });
        case 'keyText':
          // Key text is read by the value scanner above; reaching here would be a bug.
          throw new Error('backup reader: key text outside the scanner');
        default:
          return assertNever(state);
      }
      at += 1;
    }
    return null;
  };

  return {
    push,
    end: () => {
      if (problem) return problem;
      if (state === 'done') return null;
      return stop(state === 'start' ? { kind: 'syntax' } : { kind: 'cutShort' });
    },
  };
};

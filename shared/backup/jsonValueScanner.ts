// Finds where one JSON value ends in text that arrives in pieces, by counting brackets outside
// strings, and keeps the value's text until it is whole. It checks nothing else: JSON.parse does.

export const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isPrimitiveEnd = (code: number): boolean => isJsonSpace(code) || code === 0x2c || code === 0x5d || code === 0x7d;

/** One value at a time: `begin` at its first character, `scan` each piece of text, `take` its text once it ends. */
export class JsonValueScanner {
  /** Characters of the value so far. */
  length = 0;
  private parts: string[] = [];
  private mode: 'container' | 'string' | 'primitive' = 'container';
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Starts a value at its first character; returns how many characters it took already. */
  begin(code: number): number {
    this.inString = false;
    this.escaped = false;
    this.depth = 0;
    this.mode = code === 0x22 ? 'string' : code === 0x7b || code === 0x5b ? 'container' : 'primitive';
    // A string's opening quote is taken here, so that the scanner sees the closing one as its end.
    this.parts = this.mode === 'string' ? ['"'] : [];
    this.length = this.parts.length;
    return this.parts.length;
  }

  /** Scans from `index` inside the value; returns the index after its end, or -1 if it goes on past the text. */
  scan(text: string, index: number): number {
    let at = index;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (this.mode === 'primitive') {
        if (isPrimitiveEnd(code)) return at;
      } else if (this.inString || this.mode === 'string') {
        if (this.escaped) this.escaped = false;
        else if (code === 0x5c) this.escaped = true;
        else if (code === 0x22) {
          if (this.mode === 'string') return at + 1;
          this.inString = false;
        } else {
          // Skip to the next quote or backslash at once: string text is most of a backup.
          const quote = text.indexOf('"', at);
          const slash = text.indexOf('\\', at);
          const next = quote === -1 ? slash : slash === -1 ? quote : Math.min(quote, slash);
          if (next === -1) return -1;
          at = next;
          continue;
        }
      } else if (code === 0x22) this.inString = true;
      else if (code === 0x7b || code === 0x5b) this.depth += 1;
      else if (code === 0x7d || code === 0x5d) {
        this.depth -= 1;
        if (this.depth === 0) return at + 1;
      }
      at += 1;
    }
    return -1;
  }

  /** Keeps a piece of the value's text, as `scan` delimited it. */
  add(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** The value's whole text; the scanner lets go of it. */
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

// The few web-standard globals that every Field News process has (main, preload, renderer, worker)
// but that TypeScript's ES library does not declare. shared/ gets these and nothing more of DOM or Node.
declare class URL {
  constructor(url: string, base?: string | URL);
  static canParse(url: string, base?: string): boolean;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  search: string;
  hash: string;
  readonly username: string;
  readonly password: string;
  href: string;
  toString(): string;
}

// Added for shared/sync (fetch policy): timers, cancellation and streaming text decoding, which
// every Field News process also has. Only the members the sync core uses are declared.
declare function setTimeout(callback: () => void, milliseconds?: number): unknown;
declare function clearTimeout(handle: unknown): void;
interface AbortSignal {
  readonly aborted: boolean;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

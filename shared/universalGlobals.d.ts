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
  readonly search: string;
  href: string;
  toString(): string;
}

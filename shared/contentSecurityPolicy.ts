// The Content-Security-Policy of the renderer, one text for the Electron header and the web build's meta tag.
// Only the app's own scripts and styles run; no inline script, no eval, no plugins, no frames, and
// Trusted Types for every script sink (renderer/trustedTypes.ts holds the policies named here).

export interface CspOptions {
  /** Where the renderer may connect: in Electron only itself (the main process fetches feeds). */
  connectSources: readonly string[];
}

export const contentSecurityPolicy = ({ connectSources }: CspOptions): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    // Pictures only from the app itself and from saved pictures (blob:), never from the network: a picture
    // fetched at display time would tell its server what is being read, and fails offline.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types default dompurify',
  ].join('; ');

/** Electron: feeds are fetched by the main process, so the page talks to nobody. */
export const electronContentSecurityPolicy = contentSecurityPolicy({ connectSources: [] });

/** Web mode: the browser itself fetches feeds, from any web address the user adds. */
export const webContentSecurityPolicy = contentSecurityPolicy({ connectSources: ['http:', 'https:'] });

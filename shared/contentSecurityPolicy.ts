// The Content-Security-Policy of the renderer, one text for the Electron header and the web build's meta tag
// and headers. Only the app's own scripts and styles run; no inline script, no eval, no plugins, no
// frames, and Trusted Types for every script sink (renderer/trustedTypes.ts holds the policies named here).

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
    "img-src 'self' blob:",
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

/**
 * Web mode's policy as a response header: the same text plus `frame-ancestors 'none'`, which only a
 * header can carry (browsers ignore it in a meta tag), so no other site can frame the app and steer clicks.
 */
export const webContentSecurityPolicyHeader = `${webContentSecurityPolicy}; frame-ancestors 'none'`;

/**
 * The headers every web-mode response carries, the page and each worker script alike: a worker served
 * over the network takes its policy from its own response, not from the page that started it.
 * No type sniffing (a feed-looking file is never run as script), and no address of the app in the
 * Referer header of the feed and picture requests the browser makes.
 */
export const webSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': webContentSecurityPolicyHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

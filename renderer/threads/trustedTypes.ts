// Trusted Types: the Content-Security-Policy requires them for every script sink, so no string can
// become HTML or code by accident. The one default policy lets the app start its own workers and
// refuses everything else; feed HTML goes through DOMPurify (its own 'dompurify' policy), never here.
// Installed in the window and in every worker that starts a worker (the sync worker starts the
// parse worker): a worker script gets the same policy from its own response header.
import type { TrustedTypePolicyFactory } from 'trusted-types/lib';

/** The policy names the Content-Security-Policy allows (`trusted-types …`). */
export const trustedTypePolicyNames = ['default', 'dompurify'] as const;

/** Whether a script address is the app's own (same scheme and host as the page). */
export const isOwnScriptAddress = (address: string, page: string): boolean => {
  if (!URL.canParse(address, page)) return false;
  const script = new URL(address, page);
  const own = new URL(page);
  return script.protocol === own.protocol && script.host === own.host;
};

/** The window or a worker's global scope, as far as the policy needs it. */
export interface TrustedTypesScope {
  readonly trustedTypes?: Pick<TrustedTypePolicyFactory, 'createPolicy'>;
  readonly location: { readonly href: string };
}

export const installTrustedTypesPolicy = (scope: TrustedTypesScope): void => {
  const factory = scope.trustedTypes;
  // Browsers without Trusted Types (and the Node tests) have nothing to install.
  if (!factory) return;
  factory.createPolicy('default', {
    createScriptURL: (address: string) => {
      if (isOwnScriptAddress(address, scope.location.href)) return address;
      throw new TypeError(`Refused to load a script from outside Field News: ${address}`);
    },
    createHTML: () => {
      throw new TypeError('Refused to turn text into HTML outside the sanitizer.');
    },
    createScript: () => {
      throw new TypeError('Refused to run text as code.');
    },
  });
};

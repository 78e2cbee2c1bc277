// What the picture queue remembers of failures this session: a back-off per host, so a failing
// server costs one try, and the addresses refused for good (too large, not a picture, a 4xx), never
// asked for again. Each failure is logged with its host only.
import { hostOf } from '../../../shared/webAddress';
import { backoffAfterFailure, initialBackoff, type BackoffState } from '../../../shared/sync/backoff';

export interface PictureFailureOptions {
  now: () => number;
  random: () => number;
  log: (level: 'info' | 'warn', message: string) => void;
}

export interface PictureFailures {
  /** True for an address that failed in a way it would fail again. */
  isRefused: (url: string) => boolean;
  /** True while the address's host is backing off after a failure. */
  hostWaits: (url: string) => boolean;
  /** The host answered with a picture: its back-off ends. */
  hostAnswered: (url: string) => void;
  /** Remembers the failure (a refusal, or a back-off for the host) and logs it. */
  failed: (url: string, reason: string, error: string, status?: number | null) => void;
}

/** Failures that the same address would answer again: not worth another download this session. */
const lastingReasons = new Set(['too-large', 'not-a-picture', 'gone', 'bad-address', 'address-refused', 'unreadable', 'redirect-loop', 'too-many-redirects', 'redirect-unusable', 'redirect-insecure', 'page-insecure']);

/** A 4xx is about this picture (missing, forbidden), not its host: the host's other pictures are still asked for. */
const isLasting = (reason: string, status: number | null): boolean => lastingReasons.has(reason) || (status !== null && status >= 400 && status < 500);

/** A picture's host: the key of its back-off, and what the log names. */
const pictureHost = (url: string): string => hostOf(url, '');

/** A thrown value's message, for the log. */
export const failureText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const createPictureFailures = (options: PictureFailureOptions): PictureFailures => {
  const refused = new Set<string>();
  const hostBackoff = new Map<string, BackoffState>();
  return {
    isRefused: (url) => refused.has(url),
    hostWaits(url) {
      const backoff = hostBackoff.get(pictureHost(url));
      return backoff?.nextAttemptAt != null && backoff.nextAttemptAt > options.now();
    },
    hostAnswered(url) {
      hostBackoff.delete(pictureHost(url));
    },
    failed(url, reason, error, status = null) {
      if (isLasting(reason, status)) refused.add(url);
      else {
        const host = pictureHost(url);
        hostBackoff.set(host, backoffAfterFailure(hostBackoff.get(host) ?? initialBackoff, options.now(), options.random));
      }
      // The host only: a picture's address may carry a key, and the log may reach support.
      options.log('warn', `A picture on ${pictureHost(url)} was not saved (${reason}): ${error}`);
    },
  };
};

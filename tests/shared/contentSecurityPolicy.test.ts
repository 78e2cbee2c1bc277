// Web mode's policy as a header is the meta tag's policy plus what only a header can say: no framing.
import { describe, expect, it } from 'vitest';
import { webContentSecurityPolicy, webContentSecurityPolicyHeader, webSecurityHeaders } from '../../shared/contentSecurityPolicy';

const directives = (policy: string): string[] => policy.split(';').map((directive) => directive.trim());

describe('web mode’s Content-Security-Policy', () => {
  it('as a header adds frame-ancestors to every directive of the meta tag', () => {
    expect(directives(webContentSecurityPolicyHeader)).toEqual([...directives(webContentSecurityPolicy), "frame-ancestors 'none'"]);
  });

  it('in the meta tag leaves frame-ancestors out (browsers ignore it there and say so in the console)', () => {
    expect(webContentSecurityPolicy).not.toContain('frame-ancestors');
  });

  it('goes out with nosniff and no referrer', () => {
    expect(webSecurityHeaders).toEqual({
      'Content-Security-Policy': webContentSecurityPolicyHeader,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

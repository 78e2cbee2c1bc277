import { describe, expect, it } from 'vitest';
import { electronContentSecurityPolicy, webContentSecurityPolicy } from '../../../shared/contentSecurityPolicy';

const imageSources = (policy: string): string[] =>
  policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'img-src')
    ?.slice(1) ?? [];

describe('the pictures the page may show', () => {
  it.each([
    ['Electron', electronContentSecurityPolicy],
    ['web mode', webContentSecurityPolicy],
  ])('in %s: saved pictures (blob:) and the app’s own, nothing remote and no data: addresses', (_shell, policy) => {
    expect(imageSources(policy).sort()).toEqual(["'self'", 'blob:']);
    // Nothing in the app shows a data: picture (feed HTML loses data: addresses in the sanitizer).
    expect(imageSources(policy)).not.toContain('data:');
  });
});

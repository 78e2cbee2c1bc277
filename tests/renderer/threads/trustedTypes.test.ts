// The default Trusted Types policy, in the window and in the sync worker alike: the app's own
// scripts may start as workers, nothing else may become a script address, HTML or code.
import { describe, expect, it } from 'vitest';
import { installTrustedTypesPolicy, isOwnScriptAddress } from '../../../renderer/threads/trustedTypes';

type Rules = { createScriptURL: (text: string) => string; createHTML: (text: string) => string; createScript: (text: string) => string };

const scopeAt = (href: string) => {
  const policies = new Map<string, Rules>();
  const scope = {
    location: { href },
    trustedTypes: {
      createPolicy: (name: string, rules: Rules) => {
        policies.set(name, rules);
        return rules;
      },
    },
  };
  return { scope: scope as unknown as Parameters<typeof installTrustedTypesPolicy>[0], policies };
};

describe('the default Trusted Types policy', () => {
  it.each([
    ['the window', 'app://field-news/index.html', 'app://field-news/assets/parse.worker-1a2b.js'],
    ['the sync worker', 'app://field-news/assets/sync.worker-9f8e.js', '/assets/parse.worker-1a2b.js'],
    ['the sync worker in web mode', 'https://news.example.org/fieldnews/assets/sync.worker.js', './parse.worker.js'],
  ])('lets %s start the app’s own worker scripts, and nothing from elsewhere', (_name, href, own) => {
    const { scope, policies } = scopeAt(href);
    installTrustedTypesPolicy(scope);
    const rules = policies.get('default');
    if (!rules) throw new Error('no default policy');
    expect(rules.createScriptURL(own)).toBe(own);
    expect(() => rules.createScriptURL('https://evil.example/worker.js')).toThrow(/outside Field News/);
    expect(() => rules.createScriptURL('data:text/javascript,alert(1)')).toThrow();
    expect(() => rules.createHTML('<img src=x onerror=alert(1)>')).toThrow();
    expect(() => rules.createScript('alert(1)')).toThrow();
  });

  it('installs nothing where the browser has no Trusted Types', () => {
    expect(() => installTrustedTypesPolicy({ location: { href: 'app://field-news/' } })).not.toThrow();
  });

  it('compares scheme and host, not a prefix', () => {
    expect(isOwnScriptAddress('app://field-news.evil/x.js', 'app://field-news/index.html')).toBe(false);
    expect(isOwnScriptAddress('http://field-news/x.js', 'app://field-news/index.html')).toBe(false);
  });
});

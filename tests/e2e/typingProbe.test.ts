// bench:typing's probe in the web build: a key's results count only once the list shows the first
// hits of the answer to its query, never at an earlier change of the list (the search's summary
// line, the rows cleared), which the probe once took for the results.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFeedPath } from '../../scripts/sampleFeed';
import { installTypingProbe, type TypingProbe } from '../../scripts/typingProbe';
import { articleIds, closeWebBuild, openWebBuild, type WebBuild } from './webApp';

const sample = JSON.parse(readFileSync(sampleFeedPath, 'utf8')) as { items: { id: string }[] };
const tapachula = sample.items.find((item) => item.id.startsWith('2021-07-01'))?.id;

let build: WebBuild;
beforeAll(async () => {
  build = await openWebBuild();
});
afterAll(() => closeWebBuild(build));

describe("bench:typing's probe", () => {
  it('times each key to the rows of its answer, after the answer came', async () => {
    const context = await build.browser.newContext({ serviceWorkers: 'block' });
    // The test's own watch, before the probe's, so it sees each change first: when the list's first
    // row became the Tapachula item.
    await context.addInitScript((id) => {
      new MutationObserver(() => {
        const flags = window as unknown as { tapachulaFirstAt?: number };
        if (flags.tapachulaFirstAt === undefined && document.querySelector('article[data-item-id]')?.getAttribute('data-item-id') === id) flags.tapachulaFirstAt = performance.now();
      }).observe(document, { subtree: true, childList: true });
    }, tapachula);
    await context.addInitScript(installTypingProbe);
    const page = await context.newPage();
    await page.goto(build.server.url);
    await page.locator('article[data-item-id]').nth(9).waitFor();
    const field = page.getByRole('searchbox', { name: /Search/ });
    await field.pressSequentially('tapachla', { delay: 40 });
    await expect.poll(async () => (await articleIds(page))[0]).toBe(tapachula);
    await expect.poll(() => page.evaluate(() => window.typingProbe?.searches.at(-1)?.shownAt ?? null)).not.toBeNull();
    const probe = await page.evaluate(() => window.typingProbe as TypingProbe);
    const tapachulaFirstAt = await page.evaluate(() => (window as unknown as { tapachulaFirstAt?: number }).tapachulaFirstAt);
    await context.close();

    expect(probe.keys.map((key) => key.query)).toEqual(['t', 'ta', 'tap', 'tapa', 'tapac', 'tapach', 'tapachl', 'tapachla']);
    const last = probe.searches.at(-1);
    expect(last?.query).toBe('tapachla');
    expect(last?.firstHits?.[0]).toBe(tapachula);
    // Shown when the rows were there, not when the answer arrived.
    expect(last?.shownAt).toBeGreaterThanOrEqual(tapachulaFirstAt ?? Number.POSITIVE_INFINITY);
    const lastKey = probe.keys.at(-1);
    expect((lastKey?.t ?? 0) + (lastKey?.results ?? 0)).toBeGreaterThanOrEqual(tapachulaFirstAt ?? Number.POSITIVE_INFINITY);
    for (const key of probe.keys) {
      expect(key.results, `results of "${key.query ?? ''}"`).not.toBeNull();
      // The search that answered the key: its own, or a later one when the window skipped it.
      const answering = probe.searches.find((search) => search.sentAt >= key.t && search.shownAt !== null);
      expect(answering?.answeredAt).not.toBeNull();
      expect(key.t + (key.results ?? 0)).toBeGreaterThanOrEqual(answering?.answeredAt ?? Number.POSITIVE_INFINITY);
    }
  });
});

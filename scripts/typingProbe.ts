// What bench:typing records in the page, as an init script (it runs in the page, so it imports
// nothing): each keystroke, the search worker's calls and answers, and when the list shows them.
//
// A key's results are on screen when the list's first rows are the first hits of the answer to the
// key's query, or of a later query's when the window dropped the key's (it keeps one search in
// flight and skips the keys typed meanwhile). The search's messages are watched on the Worker the
// window makes. The first measure counted the first change in the list after a key; a key whose
// answer changed nothing was then credited with a later change: a search asked again when the
// worker's index became ready once more, a second after the last key of a query.

/** One keystroke: when, the field's text after it, its next frame and its results on screen (ms after the key). */
export interface ProbedKey {
  t: number;
  query: string | null;
  frame: number | null;
  results: number | null;
  /** The first change in the list's rows after the key, whatever caused it (the measure before 2026-12-08). */
  firstChange: number | null;
}

/** One search the window asked the worker. */
export interface ProbedSearch {
  id: number;
  query: string;
  sentAt: number;
  answeredAt: number | null;
  /** The ids of the answer's first hits (at most three), or an empty list for an answer without hits. */
  firstHits: string[] | null;
  shownAt: number | null;
}

export interface TypingProbe {
  longTasks: { start: number; duration: number }[];
  keys: ProbedKey[];
  searches: ProbedSearch[];
  /** When the search worker said its index was ready (again), and how many items it held. */
  ready: { at: number; indexedCount: number }[];
}

declare global {
  interface Window {
    typingProbe?: TypingProbe;
  }
}

export const installTypingProbe = (): void => {
  const probe: TypingProbe = { longTasks: [], keys: [], searches: [], ready: [] };
  window.typingProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // The list's container: .list-column before the three panes, .list-pane since.
  const listSelector = '.list-column, .list-pane';
  // Methods, not functions in constants: tsx names those with a helper (__name) the page does not have.
  const tools = {
    shownIds(count: number): string[] {
      return [...document.querySelectorAll(`:is(${listSelector}) article[data-item-id]`)].slice(0, count).map((row) => row.getAttribute('data-item-id') ?? '');
    },
    /** Marks each answered search whose first hits the list now shows, and every key typed before it. */
    check(): void {
      const now = performance.now();
      for (const search of probe.searches) {
        if (search.shownAt !== null || search.firstHits === null) continue;
        const shown = tools.shownIds(Math.max(1, search.firstHits.length));
        const same = search.firstHits.length === 0 ? shown.length === 0 : search.firstHits.every((id, index) => shown[index] === id);
        if (!same) continue;
        search.shownAt = now;
        // A key that cleared the field asked nothing: the list goes back to its view, not to an answer.
        for (const key of probe.keys) if (key.results === null && key.query && key.t <= search.sentAt) key.results = now - key.t;
      }
    },
  };

  document.addEventListener(
    'keydown',
    () => {
      const key: ProbedKey = { t: performance.now(), query: null, frame: null, results: null, firstChange: null };
      probe.keys.push(key);
      requestAnimationFrame(() => (key.frame = performance.now() - key.t));
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      const last = probe.keys.at(-1);
      if (last && last.query === null && event.target instanceof HTMLInputElement) last.query = event.target.value;
    },
    true,
  );
  new MutationObserver((records) => {
    if (!records.some((record) => (record.target as Element).closest?.(listSelector))) return;
    const last = probe.keys.at(-1);
    if (last && last.firstChange === null) last.firstChange = performance.now() - last.t;
    tools.check();
  }).observe(document, { subtree: true, childList: true, characterData: true });

  // The window's calls to its search worker ({ fieldNews: 'call', name: 'search' }) and the answers.
  type Message = { fieldNews?: string; id?: number; name?: string; argument?: { query?: string }; payload?: { indexedCount?: number }; ok?: boolean; value?: { hits?: { key: string }[] } };
  const BrowserWorker = window.Worker;
  window.Worker = class extends BrowserWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'field-news-search') return;
      // Added before the window's own listener: the list still shows what it showed before the answer.
      this.addEventListener('message', (event: MessageEvent<Message>) => {
        const message = event.data;
        if (message.fieldNews === 'event' && message.name === 'ready') probe.ready.push({ at: performance.now(), indexedCount: message.payload?.indexedCount ?? 0 });
        const search = message.fieldNews === 'reply' ? probe.searches.find((candidate) => candidate.id === message.id) : undefined;
        if (search === undefined) return;
        search.answeredAt = performance.now();
        search.firstHits = message.ok === true ? (message.value?.hits ?? []).slice(0, 3).map((hit) => hit.key.slice(hit.key.indexOf('\n') + 1)) : [];
        tools.check();
      });
    }

    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const call = message as Message;
      if (call.fieldNews === 'call' && call.name === 'search' && typeof call.id === 'number') {
        probe.searches.push({ id: call.id, query: call.argument?.query ?? '', sentAt: performance.now(), answeredAt: null, firstHits: null, shownAt: null });
      }
      // The same call either way, written twice for TypeScript's two overloads of postMessage.
      if (Array.isArray(options)) super.postMessage(message, options);
      else super.postMessage(message, options);
    }
  };
};

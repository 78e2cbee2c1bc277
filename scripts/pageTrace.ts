// A Chromium trace of a page while something runs (a reload, a sync, a scroll), read down to what a
// person waits for: each main-thread task of 50 ms or more, what ran inside it (the timeline's events
// and the functions the CPU profiler sampled there), so that a bench can say where the time went.
// BENCH_TRACE=folder keeps each raw trace too, to open in DevTools' Performance panel.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> } & Record<string, unknown>;
  id?: string;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

/** The fields this reader uses are there (Chromium's events are typed loosely in the protocol). */
const isTraceEvent = (value: object): value is TraceEvent => {
  const event = value as Partial<Record<keyof TraceEvent, unknown>>;
  return typeof event.name === 'string' && typeof event.ph === 'string' && typeof event.ts === 'number' && typeof event.pid === 'number' && typeof event.tid === 'number';
};

/** One long task: when (ms from the trace's start), how long, and what filled it. */
export interface LongTask {
  startMs: number;
  durationMs: number;
  /** Timeline events inside the task by their own name (Layout, v8.compile, FunctionCall …), time summed, longest first. */
  events: { name: string; ms: number }[];
  /** The functions the profiler sampled inside the task, by self time, longest first. */
  functions: { name: string; ms: number }[];
}

const timeline = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-devtools.timeline.frame'];
/** The database's own work too (its thread in the browser process): many events, for a few seconds' trace. */
const storage = ['IndexedDB', 'leveldb'];

/**
 * Starts a trace on the page's session; the returned function ends it and reads the long tasks.
 * `withStorage` adds IndexedDB's events (in the raw trace), for waits no main-thread task shows.
 */
export const startPageTrace = async (cdp: CDPSession, label: string, { withStorage = false } = {}): Promise<() => Promise<LongTask[]>> => {
  const categories = [...timeline, ...(withStorage ? storage : [])].join(',');
  const events: TraceEvent[] = [];
  const collect = (message: { value: object[] }) => {
    for (const value of message.value) if (isTraceEvent(value)) events.push(value);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const folder = process.env.BENCH_TRACE;
    if (folder !== undefined) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${label}.json`), JSON.stringify({ traceEvents: events }));
    }
    return longTasksOf(events);
  };
};

/** The renderer's main thread: the thread named CrRendererMain that ran the most tasks. */
const mainThreadOf = (events: TraceEvent[]): { pid: number; tid: number } | null => {
  const mains = events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let bestCount = -1;
  for (const main of mains) {
    const count = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.name === 'RunTask').length;
    if (count > bestCount) {
      best = { pid: main.pid, tid: main.tid };
      bestCount = count;
    }
  }
  return best;
};

/** What a timeline event is called in the summary: its name, and the script or function it ran where the trace says. */
const eventName = (event: TraceEvent): string => {
  const data = event.args?.data ?? event.args?.beginData;
  const url = typeof data?.url === 'string' ? data.url.replace(/^.*\//, '') : '';
  const functionName = typeof data?.functionName === 'string' ? data.functionName : '';
  const detail = [functionName, url].filter((part) => part !== '').join(' ');
  return detail === '' ? event.name : `${event.name} (${detail})`;
};

const sortedTotals = (totals: Map<string, number>, count: number) =>
  [...totals.entries()]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);

export const longTasksOf = (events: TraceEvent[], thresholdMs = 50): LongTask[] => {
  const main = mainThreadOf(events);
  if (main === null) return [];
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid);
  // A loop, not Math.min(...): a sync's trace holds more events than a call can take arguments.
  const origin = onMain.reduce((earliest, event) => (event.ts > 0 && event.ts < earliest ? event.ts : earliest), Infinity);
  const tasks = onMain.filter((event) => event.ph === 'X' && event.name === 'RunTask' && (event.dur ?? 0) >= thresholdMs * 1000);

  // The CPU profile arrives in chunks: nodes, and samples as (node, time delta) pairs.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  // Each thread has its own profile (the workers too): the main thread's is the one started on it.
  const profileStart = events.find((event) => event.name === 'Profile' && event.pid === main.pid && event.tid === main.tid);
  const chunks = events.filter((event) => event.name === 'ProfileChunk' && event.pid === main.pid && profileStart !== undefined && event.id === profileStart.id);
  let clock = typeof profileStart?.args?.data?.startTime === 'number' ? profileStart.args.data.startTime : 0;
  for (const chunk of chunks) {
    const cpuProfile = chunk.args?.data?.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const node of cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = (chunk.args?.data?.timeDeltas as number[] | undefined) ?? [];
    (cpuProfile?.samples ?? []).forEach((node, index) => {
      clock += deltas[index] ?? 0;
      samples.push({ ts: clock, node });
    });
  }
  const frameName = (id: number) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return '(unknown)';
    const file = (frame.url ?? '').replace(/^.*\//, '');
    return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
  };

  return tasks.map((task) => {
    const start = task.ts;
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((event) => event.ph === 'X' && event !== task && event.ts >= start && event.ts < end && event.name !== 'ThreadControllerImpl::RunTask');
    const eventTotals = new Map<string, number>();
    for (const event of inside) eventTotals.set(eventName(event), (eventTotals.get(eventName(event)) ?? 0) + (event.dur ?? 0) / 1000);
    const functionTotals = new Map<string, number>();
    const inTask = samples.filter((sample) => sample.ts >= start && sample.ts < end);
    inTask.forEach((sample, index) => {
      const next = inTask[index + 1]?.ts ?? end;
      const name = frameName(sample.node);
      functionTotals.set(name, (functionTotals.get(name) ?? 0) + (next - sample.ts) / 1000);
    });
    return { startMs: (start - origin) / 1000, durationMs: (task.dur ?? 0) / 1000, events: sortedTotals(eventTotals, 8), functions: sortedTotals(functionTotals, 8) };
  });
};

/** The long tasks as lines for a bench's output. */
export const describeLongTasks = (tasks: LongTask[], count = 3): string[] =>
  [...tasks]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, count)
    .flatMap((task) => [
      `- a ${task.durationMs.toFixed(0)} ms task at ${task.startMs.toFixed(0)} ms:`,
      `  - timeline: ${task.events.map((event) => `${event.name} ${event.ms.toFixed(1)}`).join('; ')}`,
      `  - functions (self ms): ${task.functions.map((entry) => `${entry.name} ${entry.ms.toFixed(1)}`).join('; ')}`,
    ]);

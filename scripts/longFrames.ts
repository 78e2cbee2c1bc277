// The Long Animation Frames of a page, with the scripts that ran in them: what filled a long task,
// without a trace's cost (starting the CPU profiler alone costs 70 to 700 ms in the next script).
// `recordLongFrames` runs in the page (an init script); `describeLongFrame` words one for a bench's output.

/** One frame of 50 ms or more, and each script in it as "12 ms MessagePort.onmessage → fn (file.js:1234)". */
export interface LongFrame {
  start: number;
  duration: number;
  scripts: string[];
}

declare global {
  interface Window {
    benchLongFrames?: LongFrame[];
  }
}

/** In the page, before the app: keeps every long animation frame in `window.benchLongFrames`. */
export const recordLongFrames = () => {
  const frames: LongFrame[] = [];
  window.benchLongFrames = frames;
  // The Long Animation Frames API's own shape (not in TypeScript's DOM types yet).
  interface ScriptTiming {
    invoker: string;
    sourceFunctionName: string;
    sourceURL: string;
    sourceCharPosition: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: ScriptTiming[] })[]) {
      const scripts = (entry.scripts ?? []).map(
        (script) =>
          `${Math.round(script.duration)} ms ${script.invoker} → ${script.sourceFunctionName || '?'} (${script.sourceURL.split('/').pop() ?? ''}:${script.sourceCharPosition}${script.forcedStyleAndLayoutDuration > 0 ? `, forced layout ${Math.round(script.forcedStyleAndLayoutDuration)} ms` : ''})`,
      );
      frames.push({ start: entry.startTime, duration: entry.duration, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

/** "a 59 ms frame at 412 ms: …", the time counted from `origin` (the page's clock). */
export const describeLongFrame = (frame: LongFrame, origin = 0): string =>
  `a ${Math.round(frame.duration)} ms frame at ${Math.round(frame.start - origin)} ms: ${frame.scripts.join('; ') || 'no script (style, layout, paint or collection)'}`;

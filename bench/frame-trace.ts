/**
 * Script time per animation frame, from a Chromium performance trace (CDP `Tracing`, category devtools.timeline).
 *
 * Long-animation-frame entries are reported only above 50 ms, and the Performance domain's ScriptDuration is one sum
 * over a whole run, so neither can say whether any single frame's script went over 8 ms. The trace can: the bench's
 * scroll step marks the start of every frame it drives (`performance.mark(FRAME_MARK)`, the start of its
 * requestAnimationFrame callback), and this module sums, per interval between two marks, the page's main-thread time
 * inside script events (DevTools' "Scripting": callbacks, timers, events, microtasks, garbage collection), less the
 * style, layout and paint that script forced (DevTools counts those as "Rendering").
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FRAME_MARK = 'bd-frame';

/** One trace event as Chromium reports it (times in microseconds). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
}

const SCRIPT_EVENTS = new Set([
  'FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks',
  'FireIdleCallback', 'v8.evaluateModule', 'V8.Execute', 'v8.run', 'v8.callFunction', 'MinorGC', 'MajorGC',
  'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'XHRReadyStateChange', 'XHRLoad',
]);
const RENDERING_EVENTS = new Set([
  'Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'InvalidateLayout',
  'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'UpdateLayerTree', 'ParseAuthorStyleSheet', 'HitTest',
]);

type Interval = [number, number];

/** Complete ('X') events and begin/end pairs ('B'/'E') of one thread, as [start, end] in microseconds. */
function intervalsOf(events: readonly TraceEvent[], names: ReadonlySet<string>): Interval[] {
  const out: Interval[] = [];
  const open = new Map<string, number[]>();
  for (const e of events) {
    if (!names.has(e.name)) continue;
    if (e.ph === 'X' && e.dur !== undefined) out.push([e.ts, e.ts + e.dur]);
    else if (e.ph === 'B') (open.get(e.name) ?? open.set(e.name, []).get(e.name)!).push(e.ts);
    else if (e.ph === 'E') {
      const start = open.get(e.name)?.pop();
      if (start !== undefined) out.push([start, e.ts]);
    }
  }
  return out;
}

/** Sorted, non-overlapping union of intervals. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Parts of `a` not covered by `b` (both sorted unions). */
function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j][1] <= s) j += 1;
    let k = j;
    while (k < b.length && b[k][0] < e) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = Math.max(s, b[k][1]);
      k += 1;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/**
 * Script milliseconds of each frame: frame i runs from the i-th FRAME_MARK to the next one (the last mark only closes
 * the frame before it). Only the thread the marks were made on is read.
 */
export function scriptPerFrame(events: readonly TraceEvent[]): number[] {
  const marks = events.filter((e) => e.name === FRAME_MARK && (e.cat ?? '').includes('user_timing'));
  if (marks.length < 2) return [];
  // Marks are recorded as instant or async events on the page's main thread.
  const { pid, tid } = marks[0];
  const starts = [...new Set(marks.map((m) => m.ts))].sort((a, b) => a - b);
  const own = events.filter((e) => e.pid === pid && e.tid === tid);
  const script = subtract(union(intervalsOf(own, SCRIPT_EVENTS)), union(intervalsOf(own, RENDERING_EVENTS)));
  const perFrame = new Array<number>(starts.length - 1).fill(0);
  let f = 0;
  for (const [s, e] of script) {
    while (f < perFrame.length && starts[f + 1] <= s) f += 1;
    // An interval that spans a frame boundary is split between the frames; script before the first mark is no frame's.
    for (let g = f, from = Math.max(s, starts[f]); g < perFrame.length && from < e; g += 1) {
      const to = Math.min(e, starts[g + 1]);
      if (to > from) perFrame[g] += to - from;
      from = to;
    }
  }
  return perFrame.map((us) => us / 1000);
}

/** Summary of per-frame script times: the largest, the 95th percentile and how many frames exceed the budget. */
export function frameScriptStats(perFrameMs: readonly number[], budgetMs = 8) {
  const sorted = [...perFrameMs].sort((a, b) => a - b);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: sorted.length,
    maxScriptMs: r1(sorted.at(-1) ?? 0),
    p95ScriptMs: r1(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0),
    medianScriptMs: r1(sorted[Math.floor(sorted.length / 2)] ?? 0),
    [`framesOver${budgetMs}Ms`]: sorted.filter((ms) => ms > budgetMs).length,
  };
}

/** The slice of a CDP session the tracer uses (playwright-core's CDPSession has it). */
interface TraceSession {
  send(method: 'Tracing.start', params: { categories: string; transferMode: 'ReportEvents' }): Promise<unknown>;
  send(method: 'Tracing.end'): Promise<unknown>;
  on(event: 'Tracing.dataCollected', listener: (p: { value: TraceEvent[] }) => void): unknown;
  off(event: 'Tracing.dataCollected', listener: (p: { value: TraceEvent[] }) => void): unknown;
  once(event: 'Tracing.tracingComplete', listener: () => void): unknown;
}

let traces = 0;

/** Runs `step` under a trace of the page's timeline and returns its result with the script time of each frame. */
export async function traceFrames<T>(cdp: TraceSession, step: () => Promise<T>): Promise<{ value: T; perFrameMs: number[] }> {
  const events: TraceEvent[] = [];
  const collect = (p: { value: TraceEvent[] }) => {
    for (const e of p.value) events.push(e);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8', transferMode: 'ReportEvents' });
  const value = await step();
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  // For a closer look (DevTools' Performance panel opens these files).
  if (process.env.BD_TRACE_DIR) writeFileSync(join(process.env.BD_TRACE_DIR, `frames-${++traces}.json`), JSON.stringify(events));
  return { value, perFrameMs: scriptPerFrame(events) };
}

import { describe, expect, it } from 'vitest';
import { FRAME_MARK, frameScriptStats, scriptPerFrame, union, type TraceEvent } from './frame-trace';

const MAIN = { pid: 1, tid: 7 };
const mark = (ms: number): TraceEvent => ({ name: FRAME_MARK, ph: 'R', ts: ms * 1000, cat: 'blink.user_timing', ...MAIN });
const x = (name: string, fromMs: number, toMs: number, where = MAIN): TraceEvent => ({
  name, ph: 'X', ts: fromMs * 1000, dur: (toMs - fromMs) * 1000, ...where,
});

describe('scriptPerFrame', () => {
  it('sums script per frame, counts nested script once and leaves out the layout it forced', () => {
    const events = [
      mark(0), mark(16), mark(32),
      x('FireAnimationFrame', 1, 5),
      x('FunctionCall', 2, 4), // nested in the callback above: not counted twice
      x('Layout', 3, 4), // forced by script: rendering, not scripting
      x('EventDispatch', 6, 8),
      x('TimerFire', 20, 30),
      x('Paint', 30, 31),
    ];
    expect(scriptPerFrame(events)).toEqual([5, 10]);
  });

  it('splits script that runs across a frame boundary and ignores other threads', () => {
    const events = [mark(0), mark(10), mark(20), x('FunctionCall', 8, 14), x('FunctionCall', 0, 20, { pid: 1, tid: 9 })];
    expect(scriptPerFrame(events)).toEqual([2, 4]);
  });

  it('counts no script from before the first mark or after the last', () => {
    const events = [mark(10), mark(20), x('FunctionCall', 4, 12), x('TimerFire', 19, 25), x('FunctionCall', 30, 31)];
    expect(scriptPerFrame(events)).toEqual([3]);
  });

  it('pairs begin and end events', () => {
    const events: TraceEvent[] = [mark(0), mark(10), { name: 'RunMicrotasks', ph: 'B', ts: 1000, ...MAIN }, { name: 'RunMicrotasks', ph: 'E', ts: 4000, ...MAIN }];
    expect(scriptPerFrame(events)).toEqual([3]);
  });

  it('needs two marks to have a frame', () => {
    expect(scriptPerFrame([mark(0), x('FunctionCall', 1, 2)])).toEqual([]);
  });
});

describe('union and stats', () => {
  it('merges overlapping intervals', () => {
    expect(union([[5, 7], [1, 3], [2, 4]])).toEqual([[1, 4], [5, 7]]);
  });

  it('reports the largest, the 95th percentile and frames over the budget', () => {
    const stats = frameScriptStats([1, 2, 9, 3, 12]);
    expect(stats).toMatchObject({ frames: 5, maxScriptMs: 12, framesOver8Ms: 2, medianScriptMs: 3 });
  });
});

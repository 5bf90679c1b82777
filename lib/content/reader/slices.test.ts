// How a read runs in slices: a slice ends at SLICE_MS or before a step would pass a frame,
// hands the thread back (or pauses while the page keeps changing), and is counted.
// Time is the test's own clock: nothing is timed.
import { describe, expect, it, vi } from 'vitest';
import { BACK_OFF } from './back-off';
import { SLICE_MS, slices } from './slices';

function run(options: { changes?: () => number; stopped?: () => boolean } = {}) {
  let t = 0;
  const yieldToPage = vi.fn(async () => undefined);
  const pause = vi.fn(async (_ms: number) => undefined);
  const slice = slices({ clock: () => t, yieldToPage, pause, changes: options.changes ?? (() => 0), stopped: options.stopped ?? (() => false) });
  return { slice, yieldToPage, pause, at: (ms: number) => (t = ms) };
}

describe('slices', () => {
  it('ends a slice after SLICE_MS, or early when the next step would pass a frame', () => {
    const { slice, at } = run();
    at(1);
    expect(slice.over()).toBe(false);
    at(SLICE_MS);
    expect(slice.over()).toBe(true);
    const big = run();
    big.at(6); // a 6 ms step: another would take the slice past the frame's room
    expect(big.slice.over()).toBe(true);
  });

  it('hands the thread back to a quiet page, and pauses a busy one by the back-off', async () => {
    let changes = 0;
    const quiet = run({ changes: () => changes });
    quiet.at(5);
    expect(await quiet.slice.next()).toBe(true);
    expect(quiet.yieldToPage).toHaveBeenCalledOnce();
    changes = 3;
    quiet.at(9);
    await quiet.slice.next();
    expect(quiet.pause).toHaveBeenCalledWith(4 * BACK_OFF);
    expect(quiet.slice.end()).toEqual({ slices: 3, longestMs: 5, totalMs: 9, messages: 0 });
  });

  it('says a stopped reader is done', async () => {
    expect(await run({ stopped: () => true }).slice.next()).toBe(false);
  });
});

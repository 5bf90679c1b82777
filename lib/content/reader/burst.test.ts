// One burst of changes: fires after the quiet time, at once once the burst has gone on for
// maxWaitMs, never sooner than holdFor allows. Fake timers: nothing is timed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burstTimer } from './burst';

let t = 0;
beforeEach(() => {
  vi.useFakeTimers();
  t = 0;
});
afterEach(() => vi.useRealTimers());

const start = () => {
  const fire = vi.fn();
  return { fire, burst: burstTimer({ quietMs: 30, maxWaitMs: 200, clock: () => t, fire }) };
};

describe('burstTimer', () => {
  it('fires once the changes have been quiet for quietMs', () => {
    const { fire, burst } = start();
    burst.change();
    vi.advanceTimersByTime(20);
    burst.change();
    vi.advanceTimersByTime(29);
    expect(fire).not.toHaveBeenCalled();
    expect(burst.waiting()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
  });

  it('fires at once once the burst has gone on for maxWaitMs, and a new burst starts after end()', () => {
    const { fire, burst } = start();
    for (let i = 0; i < 8; i++) {
      burst.change();
      vi.advanceTimersByTime(25);
    }
    expect(fire).not.toHaveBeenCalled();
    burst.change();
    vi.advanceTimersByTime(0);
    expect(fire).toHaveBeenCalledOnce();
    burst.end();
    expect(burst.waiting()).toBe(false);
    burst.change();
    vi.advanceTimersByTime(29);
    expect(fire).toHaveBeenCalledOnce();
  });

  it('holds the firing for the back-off, and cancel() clears it', () => {
    const { fire, burst } = start();
    burst.holdFor(500);
    burst.change();
    vi.advanceTimersByTime(499);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
    burst.change();
    burst.cancel();
    vi.advanceTimersByTime(1000);
    expect(fire).toHaveBeenCalledOnce();
    expect(burst.waiting()).toBe(false);
  });
});

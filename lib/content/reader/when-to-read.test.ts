// When to read: one read per burst of changes, at least every maxWaitMs while they go on,
// never two at once, and never sooner than the back-off allows. Fake timers: nothing is timed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTimer } from './when-to-read';

let t = 0;
beforeEach(() => {
  vi.useFakeTimers();
  t = 0;
});
afterEach(() => vi.useRealTimers());

function start(ready = () => true) {
  const finish: (() => void)[] = [];
  const run = vi.fn(() => new Promise<void>((resolve) => finish.push(resolve)));
  const when = readTimer({ quietMs: 30, maxWaitMs: 200, clock: () => t, ready, run });
  const done = async () => {
    finish.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { when, run, done };
}

describe('readTimer', () => {
  it('reads once after a burst of changes goes quiet', async () => {
    const { when, run } = start();
    for (let i = 0; i < 5; i++) {
      when.schedule();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30);
    expect(run).toHaveBeenCalledOnce();
  });

  it('still reads every maxWaitMs while changes never stop', async () => {
    const { when, run } = start();
    for (let i = 0; i < 25; i++) {
      when.schedule();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(run).toHaveBeenCalled();
  });

  it('runs one read at a time, and one more after it for a change seen meanwhile; idle waits for both', async () => {
    const { when, run, done } = start();
    when.readNow();
    when.readNow();
    expect(run).toHaveBeenCalledOnce();
    let idle = false;
    void when.idle().then(() => (idle = true));
    await done();
    await vi.advanceTimersByTimeAsync(30);
    expect(run).toHaveBeenCalledTimes(2);
    expect(idle).toBe(false);
    await done();
    expect(idle).toBe(true);
    expect(when.reads).toBe(2);
  });

  it('holds the next read for the back-off', async () => {
    const { when, run } = start();
    when.holdFor(500);
    when.schedule();
    await vi.advanceTimersByTimeAsync(499);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledOnce();
  });

  it('reads nothing when not ready or stopped', async () => {
    const { when, run } = start(() => false);
    when.readNow();
    expect(run).not.toHaveBeenCalled();
    await expect(when.idle()).resolves.toBeUndefined();
    const other = start();
    other.when.schedule();
    other.when.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(other.run).not.toHaveBeenCalled();
  });
});

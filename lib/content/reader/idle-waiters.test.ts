// Waiting until the reader is idle: at once when nothing is busy, else at the first
// settled() that finds nothing busy.
import { describe, expect, it } from 'vitest';
import { idleWaiters } from './idle-waiters';

describe('idleWaiters', () => {
  it('resolves at once when idle, and waiters only when a settle finds nothing busy', async () => {
    let busy = false;
    const idle = idleWaiters(() => busy);
    await expect(idle.wait()).resolves.toBeUndefined();
    busy = true;
    let done = false;
    void idle.wait().then(() => (done = true));
    idle.settled();
    await Promise.resolve();
    expect(done).toBe(false);
    busy = false;
    idle.settled();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});

/**
 * Whoever waits until the reader is idle (inspect mode, tests, the benchmark): `wait()`
 * resolves at once when nothing is busy, else at the first `settled()` that finds nothing busy.
 */
export function idleWaiters(busy: () => boolean): { wait(): Promise<void>; settled(): void } {
  let waiting: (() => void)[] = [];
  return {
    wait: () => (busy() ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
    settled() {
      if (busy()) return;
      const now = waiting;
      waiting = [];
      for (const w of now) w();
    },
  };
}

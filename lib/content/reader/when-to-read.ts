/**
 * When to read: one read per burst of changes (QUIET_MS after the last), at least every
 * MAX_WAIT_MS while changes go on, never sooner than the back-off after the last read
 * allows, and never two at once (a change during a read asks for one more after it).
 */

/** A read waits for this long without a change (typing is a burst of changes: one read after it). */
export const QUIET_MS = 30;
/** Changes that go on without a pause still get a read this often, so the panel keeps up with long typing. */
export const MAX_WAIT_MS = 200;

export interface ReadTimerDeps {
  quietMs: number;
  maxWaitMs: number;
  /** The clock the back-off is kept with. */
  clock(): number;
  /** May a read run now? (a map is known, the extension is still there) */
  ready(): boolean;
  /** Runs one read. */
  run(): Promise<void>;
}

export interface ReadTimer {
  /** A change: read after the quiet time. */
  schedule(): void;
  /** At once, instead of the read a change asked for. */
  readNow(): void;
  /** At once; a read a change asked for still runs when its time comes. */
  read(): void;
  /** The next read starts no sooner than `ms` from now. */
  holdFor(ms: number): void;
  /** Resolves when no read is running or waiting to run. */
  idle(): Promise<void>;
  stop(): void;
  /** How many reads have started. */
  readonly reads: number;
}

export function readTimer({ quietMs, maxWaitMs, clock, ready, run }: ReadTimerDeps): ReadTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let running = false;
  let again = false;
  let stopped = false;
  let notBefore = 0;
  let reads = 0;
  let idleWaiters: (() => void)[] = [];

  const busy = (): boolean => running || (timer !== undefined && !stopped);
  /** Tells whoever waits in idle() that nothing is running or waiting to run. */
  const settled = (): void => {
    if (busy()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const read = (): void => {
    timer = undefined;
    firstChangeAt = 0;
    if (stopped || !ready()) return settled();
    if (running) {
      again = true;
      return;
    }
    running = true;
    reads += 1;
    void run().finally(() => {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
      settled();
    });
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = now - firstChangeAt >= maxWaitMs ? 0 : quietMs;
    // Never sooner than the back-off after the last read allows.
    timer = setTimeout(read, Math.max(wait, notBefore - clock()));
  };

  return {
    schedule,
    read,
    readNow() {
      if (timer !== undefined) clearTimeout(timer);
      read();
    },
    holdFor(ms) {
      notBefore = clock() + ms;
    },
    idle: () => (busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      settled();
    },
    get reads() {
      return reads;
    },
  };
}

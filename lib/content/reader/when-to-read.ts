/**
 * When to read: one read per burst of changes (QUIET_MS after the last), at least every
 * MAX_WAIT_MS while changes go on, never sooner than the back-off after the last read
 * allows (burst.ts), and never two at once (a change during a read asks for one more after it).
 */
import { burstTimer, type BurstTimerDeps } from './burst';
import { idleWaiters } from './idle-waiters';

/** A read waits for this long without a change (typing is a burst of changes: one read after it). */
export const QUIET_MS = 30;
/** Changes that go on without a pause still get a read this often, so the panel keeps up with long typing. */
export const MAX_WAIT_MS = 200;

export interface ReadTimerDeps extends Omit<BurstTimerDeps, 'fire'> {
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

export function readTimer({ ready, run, ...timing }: ReadTimerDeps): ReadTimer {
  let running = false;
  let again = false;
  let stopped = false;
  let reads = 0;
  const burst = burstTimer({ ...timing, fire: () => read() });
  const idle = idleWaiters(() => running || (burst.waiting() && !stopped));
  const settled = idle.settled;
  const schedule = (): void => {
    if (!stopped) burst.change();
  };
  const read = (): void => {
    burst.end();
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

  return {
    schedule,
    read,
    readNow() {
      burst.cancel();
      read();
    },
    holdFor: burst.holdFor,
    idle: idle.wait,
    stop() {
      stopped = true;
      burst.cancel();
      settled();
    },
    get reads() {
      return reads;
    },
  };
}

/**
 * The timer for one burst of changes: fires `quietMs` after the last change, or at once
 * once the burst has gone on for `maxWaitMs`, and never sooner than the back-off allows
 * (holdFor). The read it fires ends the burst (end()).
 */
export interface BurstTimerDeps {
  quietMs: number;
  maxWaitMs: number;
  /** The clock the back-off is kept with. */
  clock(): number;
  fire(): void;
}

export interface BurstTimer {
  /** A change: fire after the quiet time. */
  change(): void;
  /** A read is starting: the next change starts a new burst. A timer still set fires as set. */
  end(): void;
  /** Clears the timer. */
  cancel(): void;
  /** The next firing is no sooner than `ms` from now. */
  holdFor(ms: number): void;
  /** Is a firing waiting? */
  waiting(): boolean;
}

export function burstTimer({ quietMs, maxWaitMs, clock, fire }: BurstTimerDeps): BurstTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let notBefore = 0;
  return {
    change() {
      const now = Date.now();
      if (!firstChangeAt) firstChangeAt = now;
      if (timer !== undefined) clearTimeout(timer);
      const wait = now - firstChangeAt >= maxWaitMs ? 0 : quietMs;
      timer = setTimeout(fire, Math.max(wait, notBefore - clock()));
    },
    end() {
      timer = undefined;
      firstChangeAt = 0;
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    holdFor(ms) {
      notBefore = clock() + ms;
    },
    waiting: () => timer !== undefined,
  };
}

/**
 * How a read runs in slices: each slice hands the thread back to the page once it has run
 * SLICE_MS (or its next step would take it past a frame), and waits longer while the page
 * keeps changing. Counts the slices for ReadStats.
 */
import { backOff } from './back-off';

/** How one read went: for benchmarks and tests (never timed in tests). */
export interface ReadStats {
  /** Tasks the read ran in. */
  slices: number;
  /** The longest of them, and all of them together, in ms of our own time. */
  longestMs: number;
  totalMs: number;
  /** Facts messages sent for it. */
  messages: number;
}

/**
 * A read hands the thread back to the page once it has run this long (a frame is 16 ms;
 * one step, a row or a field, may run over). A small page is read in one slice.
 */
export const SLICE_MS = 8;
/** One frame: no task of ours should be longer. */
export const FRAME_MS = 16;
/** Room left in a frame for what a slice does besides its steps (handing back, the next step running long). */
const SLICE_MARGIN_MS = 4;
export interface SliceDeps {
  clock(): number;
  /** Hands the thread back to the page (the page's queued tasks run first). */
  yieldToPage(): Promise<void>;
  pause(ms: number): Promise<void>;
  /** Changes the page has made so far: more since the last slice means it is busy. */
  changes(): number;
  stopped(): boolean;
}

export interface Slices {
  readonly stats: ReadStats;
  /** Should the slice end before the next step? */
  over(): boolean;
  /** Ends this slice and starts the next one after the page has had its turn; false once stopped. */
  next(): Promise<boolean>;
  /** Ends the last slice: the read's stats. */
  end(): ReadStats;
}

export function slices({ clock, yieldToPage, pause, changes, stopped }: SliceDeps): Slices {
  const stats: ReadStats = { slices: 0, longestMs: 0, totalMs: 0, messages: 0 };
  let sliceStart = clock();
  // A slice also ends early when the step just run, run again, would take it past a frame:
  // steps that search the whole page come together (identifying it, finding a table's rows).
  let lastCheck = sliceStart;
  let changesBefore = changes();
  const count = (): number => {
    const spent = clock() - sliceStart;
    stats.slices += 1;
    stats.totalMs += spent;
    stats.longestMs = Math.max(stats.longestMs, spent);
    return spent;
  };
  return {
    stats,
    over() {
      const at = clock();
      const step = at - lastCheck;
      lastCheck = at;
      return at - sliceStart >= SLICE_MS || at - sliceStart + step >= FRAME_MS - SLICE_MARGIN_MS;
    },
    async next() {
      const spent = count();
      // A page that keeps changing (a clock, an autosave note) is busy: the rest of the read
      // waits as a re-read would (BACK_OFF), so the page keeps most of its thread.
      const busy = changes() !== changesBefore;
      changesBefore = changes();
      if (busy) await pause(backOff(spent));
      else await yieldToPage();
      sliceStart = clock();
      lastCheck = sliceStart;
      return !stopped();
    },
    end() {
      count();
      return stats;
    },
  };
}

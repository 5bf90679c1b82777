/**
 * Runs a read's steps (a generator) in slices. Between steps, once the slice is over, the
 * page has its turn (`ending` is told how far the steps have got first); with `each`, every
 * step after the first waits for a slice of its own (one message a slice). Resolves with the
 * steps' result, or undefined once the reader has stopped (the rest is dropped).
 */
import type { Slices } from './slices';

export interface InSlicesOptions<Y> {
  /** A slice for every step after the first, not only once a slice is over. */
  each?: boolean;
  /** Told how far the steps have got, before a slice that is over ends. */
  ending?: (soFar: Y) => void;
}

export async function inSlices<Y, R>(steps: Iterator<Y, R>, slice: Slices, first: IteratorResult<Y, R>, options: InSlicesOptions<Y> = {}): Promise<{ value: R } | undefined> {
  const { each = false, ending } = options;
  let step = first;
  while (!step.done) {
    if (each || slice.over()) {
      if (!each) ending?.(step.value);
      // A change while the page has its turn schedules another read, which runs after this one.
      if (!(await slice.next())) return undefined;
    }
    step = steps.next();
  }
  return { value: step.value };
}

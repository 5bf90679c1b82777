// Steps in slices: the page has its turn once a slice is over (told how far first), or
// after every step with `each`; a stopped reader drops the rest.
import { describe, expect, it, vi } from 'vitest';
import { inSlices } from './in-slices';
import type { Slices } from './slices';

function* steps(n: number): Generator<number, string> {
  for (let i = 1; i <= n; i++) yield i;
  return 'done';
}
function slicer(overAt: readonly number[], goOn = true) {
  let checks = 0;
  const slice = {
    stats: { slices: 0, longestMs: 0, totalMs: 0, messages: 0 },
    over: vi.fn(() => overAt.includes(++checks)),
    next: vi.fn(async () => goOn),
    end: vi.fn(),
  };
  return slice as typeof slice & Slices;
}

describe('inSlices', () => {
  it('hands the thread back only when a slice is over, telling how far first', async () => {
    const slice = slicer([2]);
    const ending = vi.fn();
    const gen = steps(3);
    await expect(inSlices(gen, slice, gen.next(), { ending })).resolves.toEqual({ value: 'done' });
    expect(slice.next).toHaveBeenCalledOnce();
    expect(ending).toHaveBeenCalledWith(2);
  });

  it('with each, takes a slice for every step after the first, without asking whether one is over', async () => {
    const slice = slicer([]);
    const gen = steps(3);
    await expect(inSlices(gen, slice, gen.next(), { each: true })).resolves.toEqual({ value: 'done' });
    expect(slice.next).toHaveBeenCalledTimes(3);
    expect(slice.over).not.toHaveBeenCalled();
  });

  it('resolves undefined once the reader has stopped, and an empty run needs no slice', async () => {
    const gen = steps(3);
    await expect(inSlices(gen, slicer([1], false), gen.next())).resolves.toBeUndefined();
    const none = steps(0);
    const slice = slicer([1]);
    await expect(inSlices(none, slice, none.next())).resolves.toEqual({ value: 'done' });
    expect(slice.next).not.toHaveBeenCalled();
  });
});

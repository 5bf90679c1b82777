// The back-off: BACK_OFF times the work, never longer than MAX_BACK_OFF_MS.
import { describe, expect, it } from 'vitest';
import { BACK_OFF, MAX_BACK_OFF_MS, backOff } from './back-off';

describe('backOff', () => {
  it('waits BACK_OFF times the work, never longer than MAX_BACK_OFF_MS', () => {
    expect(backOff(2)).toBe(2 * BACK_OFF);
    expect(backOff(0)).toBe(0);
    expect(backOff(10_000)).toBe(MAX_BACK_OFF_MS);
  });
});

import { describe, expect, it } from 'vitest';
import { pairedRatio, summarise } from '../../scripts/bench/stats';

describe('bench statistics', () => {
  it('pairs loads taken in turns, so a slow spell of the machine cancels out', () => {
    // The machine slows down half way; the extension adds nothing.
    const without = [100, 100, 100, 200, 200, 200];
    const withExtension = [101, 99, 100, 202, 198, 200];
    const paired = pairedRatio(withExtension, without);
    expect(paired.ratio).toBeCloseTo(1, 2);
    expect(paired.low).toBeLessThan(1);
    expect(paired.high).toBeGreaterThan(1);
    expect(paired.high - paired.low).toBeLessThan(0.03);
    expect(paired.n).toBe(6);
  });

  it('finds a steady 10% cost', () => {
    const without = [80, 120, 95, 150, 60, 100];
    const paired = pairedRatio(
      without.map((x) => x * 1.1),
      without,
    );
    expect(paired.ratio).toBeCloseTo(1.1, 4);
  });

  it('leaves out loads that were not measured', () => {
    expect(pairedRatio([Number.NaN, 110, 0], [100, 100, 100]).n).toBe(1);
    expect(summarise([Number.NaN, 2, 1, 3]).median).toBe(2);
  });
});

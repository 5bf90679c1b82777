import { describe, expect, it } from 'vitest';
import { ukOffsetMinutes } from './uk-time';

const wall = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);

describe('ukOffsetMinutes (one rule for visit times and page dates)', () => {
  it('is GMT before 01:00 on the last Sunday of March, BST from 02:00 local', () => {
    expect(ukOffsetMinutes(2026, wall(2026, 3, 29, 0, 59))).toBe(0);
    expect(ukOffsetMinutes(2026, wall(2026, 3, 29, 2, 0))).toBe(60);
  });
  it('takes the repeated hour in October as BST, then GMT from 02:00 local', () => {
    expect(ukOffsetMinutes(2026, wall(2026, 10, 25, 1, 30))).toBe(60);
    expect(ukOffsetMinutes(2026, wall(2026, 10, 25, 2, 0))).toBe(0);
  });
  it('is BST in summer and GMT in winter', () => {
    expect(ukOffsetMinutes(2026, wall(2026, 7, 1, 12))).toBe(60);
    expect(ukOffsetMinutes(2026, wall(2026, 12, 1, 12))).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar as cal } from './index';
import { fromDayNumber, isIsoDate, toDayNumber } from './iso-date';

// Dates from 2016 to 2030, so the properties also run past both ends of the data.
const DAY_MS = 86_400_000;
const FROM = Date.UTC(2016, 0, 1) / DAY_MS;
const UNTIL = Date.UTC(2030, 11, 31) / DAY_MS;
const isoOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const date = fc.integer({ min: FROM, max: UNTIL }).map(isoOf);
const count = fc.integer({ min: 0, max: 400 });

// A slow, obviously right reference: step a day at a time with JS Date in UTC.
const holidays = new Set(cal.holidays);
function referenceIsWorkingDay(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(iso);
}
function referenceAdd(iso: string, n: number): string {
  let day = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (referenceIsWorkingDay(isoOf(day))) left--;
  }
  return isoOf(day);
}

describe('working-day properties', () => {
  it('agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(cal.addWorkingDays(d, n)).toBe(referenceAdd(d, n));
      }),
    );
  });

  it('round-trips: counting after adding gives n back', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('never lands on a weekend or bank holiday for n ≠ 0', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0), (d, n) => {
        const result = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(result)).toBe(true);
        expect(referenceIsWorkingDay(result)).toBe(true);
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 399 }), fc.integer({ min: 1, max: 50 }), (d, n, step) => {
        expect(cal.addWorkingDays(d, n) < cal.addWorkingDays(d, n + step)).toBe(true);
      }),
    );
  });

  it('undoes itself with −n from a working day', () => {
    fc.assert(
      fc.property(date.filter(referenceIsWorkingDay), fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('counts back to the nearest working day on or before a non-working day', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        const there = cal.addWorkingDays(d, n);
        const back = cal.addWorkingDays(there, -n);
        expect(back <= d).toBe(true);
        expect(cal.workingDaysBetween(back, d)).toBe(0);
      }),
    );
  });

  it('counts symmetrically', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(Object.is(cal.workingDaysBetween(a, a), 0)).toBe(true);
      }),
    );
  });

  it('adds up across a midpoint', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
    );
  });

  it('reports going past the data exactly when a counted day is outside it', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const checked = cal.addWorkingDaysChecked(d, n);
        const [lo, hi] = n >= 0 ? [toDayNumber(d) + 1, toDayNumber(checked.date)] : [toDayNumber(checked.date), toDayNumber(d) - 1];
        let outside = false;
        for (let day = lo; day <= hi; day++) if (!cal.covers(fromDayNumber(day))) outside = true;
        expect(checked.beyondKnownHolidays).toBe(outside);
        expect(checked.note === null).toBe(!outside);
      }),
    );
  });

  it('handles spans of many years in one step', () => {
    const noHolidays = createCalendar([]);
    // 260 weekdays after Monday 5 Jan 2026 is Monday 4 Jan 2027; one more is the Tuesday.
    expect(noHolidays.addWorkingDays('2026-01-05', 261)).toBe('2027-01-05');
    // After Mon 1 Jan 2018 (itself a bank holiday): 2,609 weekdays, 82 of them bank holidays.
    expect(cal.workingDaysBetween('2018-01-01', '2027-12-31')).toBe(2609 - 82);
  });
});

describe('day numbers', () => {
  it('match JS Date in UTC across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1600, 0, 1) / DAY_MS, max: Date.UTC(2400, 11, 31) / DAY_MS }), (n) => {
        const iso = isoOf(n);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('know real dates from impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
});

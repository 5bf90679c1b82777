import { afterEach, describe, expect, it } from 'vitest';
import {
  add24Hours,
  addCalendarMonths,
  bundledHolidayDates,
  createCalendar,
  defaultCalendar as cal,
  formatDateTime,
  formatLongDate,
} from './index';

// Expected dates were worked out against a real calendar (python3 datetime) and the
// GOV.UK list; the weekday of each key date is noted beside it.

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-02', true], // Mon
    ['2026-11-07', false], // Sat
    ['2026-11-08', false], // Sun
    ['2026-12-25', false], // Fri, Christmas Day
    ['2026-12-28', false], // Mon, Boxing Day substitute
    ['2020-05-04', true], // Mon: the early May bank holiday moved to VE day in 2020
    ['2020-05-08', false], // Fri, VE day
    ['2022-06-02', false], // Thu, spring bank holiday moved
    ['2022-06-03', false], // Fri, Platinum Jubilee
    ['2022-05-30', true], // Mon: usual spring bank holiday Monday, not one in 2022
    ['2022-09-19', false], // Mon, State Funeral
    ['2023-05-08', false], // Mon, Coronation
    ['2024-03-29', false], // Good Friday
    ['2024-04-01', false], // Easter Monday
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('knows a bank holiday from a weekend', () => {
    expect(cal.isBankHoliday('2026-12-25')).toBe(true);
    expect(cal.isBankHoliday('2026-12-26')).toBe(false); // Saturday; the holiday moves to Monday
  });
});

describe('addWorkingDays: Christmas and New Year', () => {
  it.each([
    // 2020: Christmas Fri 25, Boxing Day Sat 26 → substitute Mon 28
    ['2020-12-24', 1, '2020-12-29'],
    ['2020-12-23', 3, '2020-12-30'],
    // 2021: Christmas Sat, Boxing Day Sun → substitutes Mon 27 and Tue 28; New Year Sat → Mon 3 Jan 2022
    ['2021-12-24', 1, '2021-12-29'],
    ['2021-12-23', 2, '2021-12-29'],
    ['2021-12-31', 1, '2022-01-04'],
    // 2022: Christmas Sun → Boxing Day Mon 26, Christmas substitute Tue 27; New Year Sun → Mon 2 Jan 2023
    ['2022-12-23', 1, '2022-12-28'],
    ['2022-12-30', 1, '2023-01-03'],
    ['2026-12-24', 1, '2026-12-29'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });
});

describe('addWorkingDays: Easter and one-off bank holidays', () => {
  it.each([
    ['2024-03-28', 1, '2024-04-02'], // Thu before Good Friday → Tue after Easter Monday
    ['2024-04-02', -1, '2024-03-28'],
    ['2026-04-02', 1, '2026-04-07'],
    ['2022-06-01', 1, '2022-06-06'], // Thu 2 and Fri 3 Jun 2022 both bank holidays
    ['2022-06-06', -1, '2022-06-01'],
    ['2022-09-16', 1, '2022-09-20'], // State Funeral Mon 19 Sep 2022
    ['2023-05-05', 1, '2023-05-09'], // Coronation Mon 8 May 2023
    ['2023-04-28', 5, '2023-05-09'], // crosses 1 May and 8 May 2023
    ['2020-05-07', 1, '2020-05-11'], // VE day Fri 8 May 2020
    ['2020-05-01', 5, '2020-05-11'], // Mon 4 May 2020 counts: the holiday moved
  ])('%s + %i → %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });
});

describe('addWorkingDays: the Derby 45-day clock', () => {
  it('runs across Christmas', () => {
    expect(cal.addWorkingDays('2026-11-02', 45)).toBe('2027-01-07');
    expect(cal.addWorkingDays('2026-12-01', 45)).toBe('2027-02-05');
  });

  it('counts back the same way', () => {
    expect(cal.addWorkingDays('2027-01-07', -45)).toBe('2026-11-02');
    expect(cal.addWorkingDays('2026-11-02', -45)).toBe('2026-08-28');
  });

  it('treats the start as day 0 whatever day it is', () => {
    expect(cal.addWorkingDays('2026-11-07', 0)).toBe('2026-11-07'); // a Saturday stays put
    expect(cal.addWorkingDays('2026-11-07', 1)).toBe('2026-11-09'); // Saturday + 1 → Monday
    expect(cal.addWorkingDays('2026-12-25', 1)).toBe('2026-12-29'); // from Christmas Day
    expect(cal.addWorkingDays('2026-11-08', -1)).toBe('2026-11-06'); // Sunday − 1 → Friday
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2020-12-24', '2020-12-31', 3], // 29, 30, 31
    ['2020-01-01', '2020-12-31', 254], // 262 weekdays − 8 bank holidays
    ['2022-01-01', '2022-12-31', 250], // 260 − 10 (Jubilee and State Funeral)
    ['2023-01-01', '2023-12-31', 251], // 260 − 9 (Coronation)
    ['2026-11-02', '2027-01-07', 45],
    ['2026-11-02', '2026-11-02', 0],
    ['2026-11-06', '2026-11-08', 0], // Fri to Sun: nothing after Friday counts
  ])('%s → %s is %i', (a, b, expected) => {
    expect(cal.workingDaysBetween(a, b)).toBe(expected);
    expect(cal.workingDaysBetween(b, a) + expected).toBe(0); // + not −: toBe tells -0 from 0
  });
});

describe('bank holiday coverage', () => {
  it('spans whole years of the bundled feed', () => {
    expect(cal.knownFrom).toBe('2018-01-01');
    expect(cal.knownUntil).toBe('2027-12-31');
    expect(cal.covers('2027-12-31')).toBe(true);
    expect(cal.covers('2028-01-01')).toBe(false);
    expect(cal.covers('2017-12-31')).toBe(false);
  });

  it('gives a note for a date beyond 2027', () => {
    expect(cal.holidayCoverageNote('2028-03-01')).toBe('Bank holidays not known after 31 Dec 2027');
    expect(cal.holidayCoverageNote('2017-06-01')).toBe('Bank holidays not known before 1 Jan 2018');
    expect(cal.holidayCoverageNote('2027-06-01')).toBeNull();
  });

  it('flags a sum that runs past the data', () => {
    expect(cal.addWorkingDaysChecked('2027-12-20', 10)).toEqual({
      date: '2028-01-05',
      beyondKnownHolidays: true,
      note: 'Bank holidays not known after 31 Dec 2027',
    });
    expect(cal.addWorkingDaysChecked('2026-11-02', 45)).toEqual({ date: '2027-01-07', beyondKnownHolidays: false, note: null });
    // Only the days counted matter: from a Sunday before the data starts, 2 Jan 2018 is fully known.
    expect(cal.addWorkingDaysChecked('2017-12-31', 1)).toEqual({ date: '2018-01-02', beyondKnownHolidays: false, note: null });
    expect(cal.addWorkingDaysChecked('2018-01-02', -1).beyondKnownHolidays).toBe(true);
    expect(cal.addWorkingDaysChecked('2030-01-01', 0).beyondKnownHolidays).toBe(false);
  });

  it('flags a count that runs past the data', () => {
    expect(cal.betweenChecked('2027-12-20', '2028-01-05')).toEqual({
      days: 10,
      beyondKnownHolidays: true,
      note: 'Bank holidays not known after 31 Dec 2027',
    });
    expect(cal.betweenChecked('2026-11-02', '2027-01-07')).toEqual({ days: 45, beyondKnownHolidays: false, note: null });
  });

  it('notices a year missing from the middle of the data', () => {
    const holey = createCalendar(['2018-01-01', '2020-01-01']);
    expect(holey.covers('2019-05-05')).toBe(false);
    expect(holey.holidayCoverageNote('2019-05-05')).toBe('Bank holidays not known for 2019');
    expect(holey.addWorkingDaysChecked('2018-12-20', 20).beyondKnownHolidays).toBe(true);
    expect(holey.addWorkingDaysChecked('2018-12-03', 5).beyondKnownHolidays).toBe(false);
  });

  it('works with no bank holidays at all, and says so', () => {
    const none = createCalendar([]);
    expect(none.knownFrom).toBeNull();
    expect(none.knownUntil).toBeNull();
    expect(none.addWorkingDays('2026-12-24', 1)).toBe('2026-12-25');
    expect(none.holidayCoverageNote('2026-12-24')).toBe('No bank holidays known');
  });
});

describe('createCalendar', () => {
  it('defaults to the bundled feed', () => {
    expect(createCalendar().holidays).toEqual(cal.holidays);
    expect(cal.holidays).toHaveLength(83);
    expect(bundledHolidayDates).toContain('2022-09-19');
  });

  it('ignores repeats and order', () => {
    const c = createCalendar(['2026-12-28', '2026-12-25', '2026-12-25']);
    expect(c.holidays).toEqual(['2026-12-25', '2026-12-28']);
  });

  it('refuses a date that is not real', () => {
    expect(() => createCalendar(['2026-02-29'])).toThrow(RangeError);
  });

  it('refuses bad arguments rather than guess', () => {
    expect(() => cal.addWorkingDays('02/11/2026', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-02', 1.5)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2026-11-31', '2026-12-01')).toThrow(RangeError);
  });

  it('can be used without `this`', () => {
    const { addWorkingDays } = cal;
    expect(addWorkingDays('2026-11-02', 1)).toBe('2026-11-03');
  });
});

describe('clock time and calendar months', () => {
  it('adds 24 hours in the same offset', () => {
    expect(add24Hours('2026-11-02T14:30:00+00:00')).toBe('2026-11-03T14:30:00+00:00');
    expect(add24Hours('2026-12-31T23:59:59Z')).toBe('2027-01-01T23:59:59Z');
    expect(add24Hours('2024-02-28T09:00+01:00')).toBe('2024-02-29T09:00+01:00');
    // Across the clocks going forward (29 Mar 2026) it is 24 real hours, so the offset is kept.
    expect(add24Hours('2026-03-28T10:00:00.250+00:00')).toBe('2026-03-29T10:00:00.250+00:00');
    expect(() => add24Hours('2026-11-02')).toThrow(RangeError);
    expect(() => add24Hours('2026-11-02T14:30:00')).toThrow(RangeError); // no offset
    expect(() => add24Hours('2026-11-02T24:00:00Z')).toThrow(RangeError);
  });

  it('makes "12 months" the calendar date a year on', () => {
    expect(addCalendarMonths('2026-11-02', 12)).toBe('2027-11-02');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-11-02', 0)).toBe('2026-11-02');
  });
});

describe('British formatting', () => {
  it('formats dates and date-times', () => {
    expect(formatLongDate('2026-11-02')).toBe('2 Nov 2026');
    expect(formatLongDate('2027-12-31')).toBe('31 Dec 2027');
    expect(formatDateTime('2026-11-02T14:30:00+00:00')).toBe('2 Nov 2026, 14:30');
    // The clock time as recorded, not moved into the machine's zone.
    expect(formatDateTime('2026-07-01T09:05:00+01:00')).toBe('1 Jul 2026, 09:05');
    expect(cal.formatLongDate('2026-11-02')).toBe('2 Nov 2026');
  });
});

describe('time zone of the machine', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'Pacific/Pago_Pago'])(
    'makes no difference in %s',
    (zone) => {
      process.env.TZ = zone; // node applies a change of TZ at once
      expect(formatLongDate('2026-03-29')).toBe('29 Mar 2026');
      expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
      expect(addCalendarMonths('2026-03-29', 7)).toBe('2026-10-29');
      expect(cal.addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
      expect(formatDateTime('2026-10-25T01:30:00+01:00')).toBe('25 Oct 2026, 01:30');
    },
  );
});

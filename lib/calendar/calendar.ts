import { addMonths, format } from 'date-fns';
import { enGB } from 'date-fns/locale';
import bundledFeed from './bank-holidays-england-and-wales.json';
import { ukOffsetMinutes } from './uk-time';
import {
  fromDayNumber,
  isoDateParts,
  isoDateTimeParts,
  partsFromDayNumber,
  toDayNumber,
  weekdayIndex,
  type IsoDate,
  type IsoDateTime,
} from './iso-date';

// Rule catalogue, "Working days": Monday–Friday, not an England and Wales bank
// holiday. "N working days from D" is the Nth working day after D (D is day 0,
// whatever day it is). "24 hours" is clock time. "12 months" is the date a year on.

/** A date worked out from bank holiday data, and whether it relied on years the data does not cover. */
export interface CheckedDate {
  readonly date: IsoDate;
  /** True when part of the span counted lies outside the years the bank holiday data covers. */
  readonly beyondKnownHolidays: boolean;
  /** A short note to show beside the date when `beyondKnownHolidays`, otherwise null. */
  readonly note: string | null;
}

/** A count of working days, and whether it relied on years the data does not cover. */
export interface CheckedCount {
  readonly days: number;
  readonly beyondKnownHolidays: boolean;
  readonly note: string | null;
}

export interface WorkingDayCalendar {
  /** 1 Jan of the first year with bank holidays in the data; null if there are none. */
  readonly knownFrom: IsoDate | null;
  /** 31 Dec of the last year with bank holidays in the data; null if there are none. */
  readonly knownUntil: IsoDate | null;
  /** The bank holiday dates in use, sorted, without repeats. */
  readonly holidays: readonly IsoDate[];
  /** Monday–Friday and not an England and Wales bank holiday. */
  isWorkingDay(date: IsoDate): boolean;
  isBankHoliday(date: IsoDate): boolean;
  /** The nth working day after `date` (`date` is day 0); negative n counts back; 0 returns `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  addWorkingDaysChecked(date: IsoDate, n: number): CheckedDate;
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  betweenChecked(from: IsoDate, to: IsoDate): CheckedCount;
  /** True when the bank holidays for this date's year are in the data. */
  covers(date: IsoDate): boolean;
  /** E.g. "Bank holidays not known after 31 Dec 2027", or null when the date is covered. */
  holidayCoverageNote(date: IsoDate): string | null;
  add24Hours(dateTime: IsoDateTime): IsoDateTime;
  addCalendarMonths(date: IsoDate, months: number): IsoDate;
  formatLongDate(date: IsoDate): string;
  formatDateTime(dateTime: IsoDateTime): string;
}

/** The bank holiday dates in the bundled GOV.UK feed (England and Wales). */
export const bundledHolidayDates: readonly IsoDate[] = bundledFeed['england-and-wales'].events.map((e) => e.date);

// Weekday arithmetic in closed form, counted from Monday 5 Jan 1970 (day 4), so a
// span of any length costs the same; bank holidays are then found by binary search.

/** Weekdays from day 4 up to and including `day` (may be zero or negative). */
function weekdaysUpTo(day: number): number {
  const t = day - 4;
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(t - weeks * 7 + 1, 5);
}

/** The weekday whose `weekdaysUpTo` is k. */
function nthWeekday(k: number): number {
  const weeks = Math.floor((k - 1) / 5);
  return 4 + weeks * 7 + (k - 1 - weeks * 5);
}

/** The mth weekday after `day` (m > 0) or the |m|th weekday before it (m < 0). */
function addWeekdays(day: number, m: number): number {
  return m > 0 ? nthWeekday(weekdaysUpTo(day) + m) : nthWeekday(weekdaysUpTo(day - 1) + m + 1);
}

function requireWholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, not ${String(n)}`);
}

/** A Date at local noon on the given day: date-fns works in local time, and noon is never skipped by a clock change. */
function localNoon(date: IsoDate): Date {
  const parts = isoDateParts(date);
  if (!parts) throw new RangeError(`Not a real date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(parts.year, parts.month - 1, parts.day); // the Date constructor reads years 0–99 as 1900s
  return d;
}

function fromLocalDate(d: Date): IsoDate {
  const y = String(d.getFullYear()).padStart(4, '0');
  return `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Clock time: 24 hours on, written in the same offset, so the same time on the next day. */
export function add24Hours(dateTime: IsoDateTime): IsoDateTime {
  const parts = isoDateTimeParts(dateTime);
  if (!parts) throw new RangeError(`Not an ISO 8601 date-time with an offset: ${JSON.stringify(dateTime)}`);
  return fromDayNumber(toDayNumber(parts.date) + 1) + parts.rest;
}

/**
 * A UK wall-clock time on a day (`HH:mm`, as a case system shows it) as a date-time with
 * its offset: +01:00 in British Summer Time, +00:00 otherwise. In the hour repeated when
 * the clocks go back, the first (BST) time is taken.
 */
export function ukLocalDateTime(date: IsoDate, time: string): IsoDateTime {
  const parts = isoDateParts(date);
  const hm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!parts || !hm) throw new RangeError(`Not a date and HH:mm time: ${JSON.stringify([date, time])}`);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, Number(hm[1]), Number(hm[2]));
  return `${date}T${time}:00${ukOffsetMinutes(parts.year, wall) === 60 ? '+01:00' : '+00:00'}`;
}

/** The date `days` calendar days on (weekends and bank holidays count). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  requireWholeNumber(days, 'Days');
  if (isoDateParts(date) === null) throw new RangeError(`Not a real date: ${JSON.stringify(date)}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** The same day of the month `months` on; a day the month lacks becomes its last day (29 Feb → 28 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  requireWholeNumber(months, 'Months');
  const result = fromLocalDate(addMonths(localNoon(date), months));
  if (isoDateParts(result) === null) throw new RangeError(`Date out of range: ${result}`);
  return result;
}

/** British style, e.g. "2 Nov 2026". */
export function formatLongDate(date: IsoDate): string {
  return format(localNoon(date), 'd MMM yyyy', { locale: enGB });
}

/** British style, e.g. "2 Nov 2026, 14:30": the clock time as recorded, in its own offset. */
export function formatDateTime(dateTime: IsoDateTime): string {
  const parts = isoDateTimeParts(dateTime);
  if (!parts) throw new RangeError(`Not an ISO 8601 date-time with an offset: ${JSON.stringify(dateTime)}`);
  const hh = String(parts.hour).padStart(2, '0');
  const mm = String(parts.minute).padStart(2, '0');
  return `${formatLongDate(parts.date)}, ${hh}:${mm}`;
}

/**
 * A working-day calendar for England and Wales.
 * @param holidayDates bank holiday dates (`YYYY-MM-DD`); defaults to the bundled GOV.UK feed.
 * @throws RangeError if any date is not a real date.
 */
export function createCalendar(holidayDates: readonly IsoDate[] = bundledHolidayDates): WorkingDayCalendar {
  const allDays = [...new Set(holidayDates.map(toDayNumber))].sort((a, b) => a - b);
  const holidaySet = new Set(allDays);
  // Only weekday holidays change a count: a weekend is never a working day anyway.
  const weekdayHolidays = Int32Array.from(allDays.filter((d) => weekdayIndex(d) < 5));
  const years = new Set(allDays.map((d) => partsFromDayNumber(d).year));
  const firstYear = years.size > 0 ? Math.min(...years) : null;
  const lastYear = years.size > 0 ? Math.max(...years) : null;
  const knownFrom = firstYear === null ? null : `${String(firstYear).padStart(4, '0')}-01-01`;
  const knownUntil = lastYear === null ? null : `${String(lastYear).padStart(4, '0')}-12-31`;
  const knownFromDay = knownFrom === null ? 0 : toDayNumber(knownFrom);
  const knownUntilDay = knownUntil === null ? -1 : toDayNumber(knownUntil);
  // A year inside the range with no bank holidays at all means the data has a hole.
  const missingYears: number[] = [];
  if (firstYear !== null && lastYear !== null) {
    for (let y = firstYear; y <= lastYear; y++) if (!years.has(y)) missingYears.push(y);
  }

  /** Weekday bank holidays on or before `day`. */
  function holidaysUpTo(day: number): number {
    let lo = 0;
    let hi = weekdayHolidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((weekdayHolidays[mid] ?? 0) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function isWorkingDayNumber(day: number): boolean {
    return weekdayIndex(day) < 5 && !holidaySet.has(day);
  }

  /** Working days up to and including `day`, from a fixed origin: between(a, b) = C(b) − C(a). */
  function cumulative(day: number): number {
    return weekdaysUpTo(day) - holidaysUpTo(day);
  }

  function addWorkingDayNumbers(start: number, n: number): number {
    // Jump n weekdays, then jump again by the number of bank holidays the jump
    // crossed, until a jump crosses none. Usually one or two jumps.
    let day = start;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      if (n > 0) {
        const next = addWeekdays(day, remaining);
        remaining = holidaysUpTo(next) - holidaysUpTo(day);
        day = next;
      } else {
        const next = addWeekdays(day, -remaining);
        remaining = holidaysUpTo(day - 1) - holidaysUpTo(next - 1);
        day = next;
      }
    }
    return day;
  }

  /** True when every day from `lo` to `hi` inclusive lies in a year the data covers (an empty span is covered). */
  function coversSpan(lo: number, hi: number): boolean {
    if (lo > hi) return true;
    if (lo < knownFromDay || hi > knownUntilDay) return false;
    if (missingYears.length === 0) return true;
    const yLo = partsFromDayNumber(lo).year;
    const yHi = partsFromDayNumber(hi).year;
    return !missingYears.some((y) => y >= yLo && y <= yHi);
  }

  function spanNote(lo: number, hi: number): string | null {
    if (coversSpan(lo, hi)) return null;
    if (knownFrom === null || knownUntil === null) return 'No bank holidays known';
    if (hi > knownUntilDay) return `Bank holidays not known after ${formatLongDate(knownUntil)}`;
    if (lo < knownFromDay) return `Bank holidays not known before ${formatLongDate(knownFrom)}`;
    const yLo = partsFromDayNumber(lo).year;
    const gap = missingYears.find((y) => y >= yLo) ?? yLo;
    return `Bank holidays not known for ${gap}`;
  }

  function addWorkingDaysChecked(date: IsoDate, n: number): CheckedDate {
    requireWholeNumber(n, 'Number of working days');
    const start = toDayNumber(date);
    const end = addWorkingDayNumbers(start, n);
    // The days whose status decided the answer: after the start up to the end, or the end up to before the start.
    const note = n >= 0 ? spanNote(start + 1, end) : spanNote(end, start - 1);
    return { date: fromDayNumber(end), beyondKnownHolidays: note !== null, note };
  }

  function betweenChecked(from: IsoDate, to: IsoDate): CheckedCount {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const note = spanNote(Math.min(a, b) + 1, Math.max(a, b));
    return { days: cumulative(b) - cumulative(a), beyondKnownHolidays: note !== null, note };
  }

  return {
    knownFrom,
    knownUntil,
    holidays: allDays.map(fromDayNumber),
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    isBankHoliday: (date) => holidaySet.has(toDayNumber(date)),
    addWorkingDays(date, n) {
      requireWholeNumber(n, 'Number of working days');
      return fromDayNumber(addWorkingDayNumbers(toDayNumber(date), n));
    },
    addWorkingDaysChecked,
    workingDaysBetween: (from, to) => cumulative(toDayNumber(to)) - cumulative(toDayNumber(from)),
    betweenChecked,
    covers(date) {
      const day = toDayNumber(date);
      return coversSpan(day, day);
    },
    holidayCoverageNote(date) {
      const day = toDayNumber(date);
      return spanNote(day, day);
    },
    add24Hours,
    addCalendarMonths,
    formatLongDate,
    formatDateTime,
  };
}

/** The calendar built from the bundled GOV.UK feed. */
export const defaultCalendar: WorkingDayCalendar = createCalendar();

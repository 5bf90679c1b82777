// Plain dates travel as ISO strings (YYYY-MM-DD). Inside, a date is a whole day
// number (days since 1970-01-01), so no time zone or clock change can move it
// and working-day sums are integer arithmetic.

/** A plain calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** A date-time written ISO 8601 with an offset, e.g. `2026-11-02T14:30:00+00:00`. */
export type IsoDateTime = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Seconds and fractions optional; the offset is required (`Z` or `±HH:MM`), as in RFC 3339.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface DateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** The parts of a real calendar date, or null if the text is not one (e.g. 2023-02-29). */
export function isoDateParts(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isoDateParts(value) !== null;
}

// Days from civil date and back: Howard Hinnant's algorithms (proleptic Gregorian),
// exact for every year and free of Date's two-digit-year and time-zone quirks.
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of an ISO date; throws a RangeError naming the bad value. */
export function toDayNumber(date: string): number {
  const parts = isoDateParts(date);
  if (!parts) throw new RangeError(`Not a real date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  return dayNumberFromParts(parts.year, parts.month, parts.day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO date of a day number; throws if the year would not fit in four digits. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range (year ${year})`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 0 = Monday … 6 = Sunday (1 Jan 1970 was a Thursday). */
export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export interface DateTimeParts {
  /** The date part as written. */
  readonly date: IsoDate;
  /** Everything after the date, from the `T` to the end of the offset, as written. */
  readonly rest: string;
  readonly hour: number;
  readonly minute: number;
}

/** Splits an ISO 8601 date-time with offset, or null if it is not a real one. */
export function isoDateTimeParts(value: string): DateTimeParts | null {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return null;
  const date = m[1] ?? '';
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (!isIsoDate(date) || hour > 23 || minute > 59 || second > 59) return null;
  if (m[6] !== undefined && (Number(m[6]) > 23 || Number(m[7]) > 59)) return null;
  return { date, rest: value.slice(date.length), hour, minute };
}

/** True for an ISO 8601 date-time with an offset (`Z` or `±HH:MM`). */
export function isIsoDateTime(value: unknown): value is IsoDateTime {
  return typeof value === 'string' && isoDateTimeParts(value) !== null;
}

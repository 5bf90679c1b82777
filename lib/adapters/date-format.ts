// A small date parser for the formats case systems show (no date-fns parse: the
// content script must stay small). Tokens follow date-fns / Unicode names:
//   d dd        day (1 or 2 digits)           M MM   month number (1 or 2 digits)
//   MMM MMMM    month name, short or long      yyyy   4-digit year   yy  2-digit year
//   EEE EEEE    weekday name (ignored)         H HH   hour 0–23      h hh hour 1–12
//   mm          minutes (2 digits)             ss     seconds        a   am / pm
//   'text'      literal text                   space  any run of spaces
// Every other character is literal. Matching ignores case and surrounding spaces.

import { ukOffsetMinutes } from '../calendar/uk-time';

export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

type Field = 'day' | 'month' | 'monthName' | 'year4' | 'year2' | 'hour24' | 'hour12' | 'minute' | 'second' | 'ampm' | 'weekday';

export interface CompiledFormat {
  source: string;
  re: RegExp;
  fields: Field[];
  hasDate: boolean;
  hasTime: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '[A-Za-z]{3,9}\\.?';
const WEEKDAY_NAME = '[A-Za-z]{3,9}\\.?,?';

const TOKENS: readonly [string, Field, string][] = [
  ['yyyy', 'year4', '(\\d{4})'],
  ['yy', 'year2', '(\\d{2})'],
  ['MMMM', 'monthName', `(${MONTH_NAME})`],
  ['MMM', 'monthName', `(${MONTH_NAME})`],
  ['MM', 'month', '(\\d{1,2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['dd', 'day', '(\\d{1,2})'],
  ['d', 'day', '(\\d{1,2})'],
  ['EEEE', 'weekday', `(${WEEKDAY_NAME})`],
  ['EEE', 'weekday', `(${WEEKDAY_NAME})`],
  ['HH', 'hour24', '(\\d{1,2})'],
  ['H', 'hour24', '(\\d{1,2})'],
  ['hh', 'hour12', '(\\d{1,2})'],
  ['h', 'hour12', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
  ['a', 'ampm', '([ap]\\.?m\\.?)'],
];

export const DATE_FORMAT_TOKENS = TOKENS.map(([t]) => t);

const compiled = new Map<string, CompiledFormat | string>();

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles a format; returns a message when the format is not one this parser reads. */
export function compileFormat(format: string): CompiledFormat | string {
  const hit = compiled.get(format);
  if (hit !== undefined) return hit;
  let re = '';
  const fields: Field[] = [];
  let error: string | undefined;
  let i = 0;
  while (i < format.length && !error) {
    const ch = format[i] ?? '';
    if (ch === "'") {
      const end = format.indexOf("'", i + 1);
      if (end === -1) {
        error = `unclosed quote at position ${i + 1}`;
        break;
      }
      const literal = end === i + 1 ? "'" : format.slice(i + 1, end);
      for (const c of literal) re += /\s/.test(c) ? '\\s+' : escapeRegex(c);
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      const token = TOKENS.find(([t]) => format.startsWith(t, i));
      // A token must not run on into the same letter (e.g. "ddd" or "yyy").
      if (!token || format[i + token[0].length] === ch) {
        let run = 1;
        while (format[i + run] === ch) run++;
        error = `"${format.slice(i, i + run)}" is not a date token (use ${DATE_FORMAT_TOKENS.join(', ')}; put other letters in 'quotes')`;
        break;
      }
      re += token[2];
      fields.push(token[1]);
      i += token[0].length;
    } else if (/\s/.test(ch)) {
      while (i < format.length && /\s/.test(format[i] ?? '')) i++;
      re += '\\s+';
    } else {
      re += escapeRegex(ch);
      i++;
    }
  }
  if (!error) {
    const has = (f: Field): boolean => fields.includes(f);
    const dup = fields.find((f, k) => f !== 'weekday' && fields.indexOf(f) !== k);
    if (dup) error = `the format names the same part twice`;
    else if (has('minute') && !has('hour24') && !has('hour12') && has('day')) error = 'mm means minutes: write the month as MM (e.g. dd/MM/yyyy)';
    else if (!(has('day') && (has('month') || has('monthName')) && (has('year4') || has('year2'))) && fields.some((f) => ['day', 'month', 'monthName', 'year4', 'year2'].includes(f))) {
      error = 'a date format needs a day, a month and a year';
    } else if ((has('hour24') || has('hour12')) !== has('minute')) {
      error = 'a time needs hours and minutes';
    } else if (has('hour12') !== has('ampm')) {
      error = 'h / hh (12-hour clock) goes with a (am/pm); use HH for the 24-hour clock';
    } else if (fields.length === 0) {
      error = 'the format has no date or time tokens';
    }
  }
  const result: CompiledFormat | string = error
    ? error
    : {
        source: format,
        re: new RegExp(`^\\s*${re}\\s*$`, 'i'),
        fields,
        hasDate: fields.includes('day'),
        hasTime: fields.includes('minute'),
      };
  compiled.set(format, result);
  return result;
}

function monthFromName(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key === 'sept') return 9;
  const idx = MONTHS.indexOf(key.slice(0, 3));
  if (idx === -1) return undefined;
  // The rest must spell the month: "Mar", "March"; not "Marchx".
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][idx] ?? '';
  return full.startsWith(key) ? idx + 1 : undefined;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/**
 * Parses text with the first format that reads it. Two-digit years fall in the
 * century that puts them no more than 20 years after `nowYear`.
 */
export function parseWithFormats(text: string, formats: readonly string[], nowYear: number): DateTimeParts | undefined {
  for (const format of formats) {
    const f = compileFormat(format);
    if (typeof f === 'string') continue;
    const m = f.re.exec(text);
    if (!m) continue;
    const parts = readParts(f, m, nowYear);
    if (parts) return parts;
  }
  return undefined;
}

function readParts(f: CompiledFormat, m: RegExpExecArray, nowYear: number): DateTimeParts | undefined {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let hour: number | undefined;
  let minute: number | undefined;
  let second: number | undefined;
  let pm: boolean | undefined;
  let hour12 = false;
  for (let k = 0; k < f.fields.length; k++) {
    const raw = m[k + 1] ?? '';
    const n = Number(raw);
    switch (f.fields[k]) {
      case 'day':
        day = n;
        break;
      case 'month':
        month = n;
        break;
      case 'monthName':
        month = monthFromName(raw);
        if (month === undefined) return undefined;
        break;
      case 'year4':
        year = n;
        break;
      case 'year2':
        year = 2000 + n <= nowYear + 20 ? 2000 + n : 1900 + n;
        break;
      case 'hour24':
        hour = n;
        break;
      case 'hour12':
        hour = n;
        hour12 = true;
        break;
      case 'minute':
        minute = n;
        break;
      case 'second':
        second = n;
        break;
      case 'ampm':
        pm = raw.toLowerCase().startsWith('p');
        break;
      default:
        break;
    }
  }
  if (hour12 && hour !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour !== undefined && (hour > 23 || minute === undefined || minute > 59)) return undefined;
  if (second !== undefined && second > 59) return undefined;
  if (f.hasDate) {
    if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) return undefined;
  }
  const out: DateTimeParts = { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
  if (hour !== undefined) out.hour = hour;
  if (minute !== undefined) out.minute = minute;
  if (second !== undefined) out.second = second;
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDate(p: DateTimeParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

// ---------------------------------------------------------------- time zones

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  let f = zoneFormats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    zoneFormats.set(zone, f);
  }
  return f;
}

/** True for "UTC", "Z", a fixed offset like "+01:00", or a time zone the runtime knows (e.g. "Europe/London"). */
export function isKnownTimeZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || zone === 'Europe/London' || FIXED_OFFSET.test(zone) || zoneFormat(zone) !== null;
}

/** Minutes the zone is ahead of UTC at the instant `utcMs`. */
function zoneOffsetAt(fmt: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Europe/London without Intl (the rule holds from 1996; earlier years go to Intl). */
function londonOffset(p: DateTimeParts, wallMs: number): number | undefined {
  return p.year < 1996 ? undefined : ukOffsetMinutes(p.year, wallMs);
}

/**
 * A wall-clock time in a zone as ISO 8601 with its offset, e.g. 14:30 on 2 June in
 * Europe/London → `2026-06-02T14:30:00+01:00`. Undefined for an unknown zone.
 */
export function zonedIso(p: DateTimeParts, zone: string): string | undefined {
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  const local = `${isoDate(p)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (zone === 'UTC' || zone === 'Z') return `${local}+00:00`;
  if (FIXED_OFFSET.test(zone)) return `${local}${zone}`;
  const wall = Date.UTC(p.year, p.month - 1, p.day, hour, minute, second);
  if (zone === 'Europe/London') {
    const london = londonOffset(p, wall);
    if (london !== undefined) return `${local}${offsetText(london)}`;
  }
  const fmt = zoneFormat(zone);
  if (!fmt) return undefined;
  // Two steps settle the offset either side of a clock change.
  let offset = zoneOffsetAt(fmt, wall);
  const second1 = zoneOffsetAt(fmt, wall - offset * 60_000);
  if (second1 !== offset) offset = second1;
  return `${local}${offsetText(offset)}`;
}

// Turning what was read (text, a tick, a list of ticks) into a model fact value.
// Narrative text enters here only to be tested (is it non-empty? does it quote the
// child?) and never leaves: every result is a date, a code from the map, a boolean or
// a list of codes. Reasons for unreadable values never quote the page.

import type { FactValue } from '../model/facts';
import type { Parse, TimePart } from './field-map-schema';
import { compileFormat, isoDate, parseWithFormats, zonedIso } from './date-format';
import { compileRegex, norm, tidy } from './text';
import { acceptedLines, recordedLines } from '../acknowledgements/exception-lines';

/** What reading an element gives: text, a tick, ticked items, or null for blank. */
export type Raw = string | boolean | string[] | null;

export type Parsed =
  | { ok: true; value: FactValue | null; dropped?: number }
  | { ok: false; reason: string; skip?: boolean };

export const DEFAULT_TIME_ZONE = 'Europe/London';

// Built-in vocabularies; a map's own `map` adds to or overrides them.
const YES_NO: Record<string, boolean | null> = {
  yes: true,
  y: true,
  true: true,
  ticked: true,
  no: false,
  n: false,
  false: false,
  'not ticked': false,
  'not known': null,
  unknown: null,
  nk: null,
  "don't know": null,
  'not recorded': null,
};
const YES_NO_NA: Record<string, 'yes' | 'no' | 'n/a' | null> = {
  yes: 'yes',
  y: 'yes',
  no: 'no',
  n: 'no',
  'n/a': 'n/a',
  na: 'n/a',
  'not applicable': 'n/a',
  'not known': null,
  unknown: null,
  nk: null,
};

const lookups = new WeakMap<object, Map<string, unknown>>();

function lookupTable(parse: object, base: Record<string, unknown>, extra: Record<string, unknown> | undefined, caseSensitive: boolean): Map<string, unknown> {
  let table = lookups.get(parse);
  if (!table) {
    table = new Map();
    const key = (k: string): string => (caseSensitive ? tidy(k) : norm(k));
    for (const [k, v] of Object.entries(base)) table.set(key(k), v);
    for (const [k, v] of Object.entries(extra ?? {})) table.set(key(k), v);
    lookups.set(parse, table);
  }
  return table;
}

function applyPattern(text: string, pattern: string | undefined): string | undefined {
  if (pattern === undefined) return text;
  const re = compileRegex(pattern, 'i');
  const m = re?.exec(text);
  if (!m) return undefined;
  return (m[1] ?? m[0]).trim();
}

// Letters and digits of the world's scripts, without Unicode property classes (\p{L}),
// which cost milliseconds to compile on a content script's first read. Leaves out
// U+2000–U+2BFF (punctuation, quotation marks, dashes, symbols).
const LETTER = 'A-Za-z0-9\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFDFF\uFE70-\uFEFF\uFF10-\uFFDC';
const WORDS = new RegExp(`[${LETTER}]+(?:['\u2019][${LETTER}]+)*`, 'g');
const DOUBLE_QUOTES = [/"([^"]{1,600})"/g, /\u201C([^\u201C\u201D]{1,600})[\u201D"]/g, /\u201E([^\u201E\u201C\u201D]{1,600})[\u201C\u201D]/g, /\u00AB([^\u00AB\u00BB]{1,600})\u00BB/g];
// Single quotes: an apostrophe between letters (child's) is part of the quoted words.
const SINGLE_QUOTES = new RegExp(
  `(?:^|[\\s([{\u2014\u2013:,-])['\u2018](?=[${LETTER}])((?:[^'\u2018\u2019\\n]|(?<=[${LETTER}])['\u2019](?=[${LETTER}])){1,600}?)(?<=\\S)['\u2019](?=$|[\\s.,;:!?)\\]}\u2014\u2013-])`,
  'g',
);
const FIRST_LETTER = new RegExp(`[${LETTER.replace('0-9', '')}]`);

/**
 * True when the text quotes someone's own words: a passage of at least `minWords`
 * words inside "…", “…”, „…“, «…», ‘…’ or '…'. Single quotes count only as a pair
 * around words (an opening quote after a space or bracket, a closing one before a
 * space or punctuation), so apostrophes (child's, don't) never count. One-word
 * scare quotes ("support") do not count either.
 */
export function hasQuotedSpeech(text: string, minWords = 2): boolean {
  const words = (s: string): number => s.match(WORDS)?.length ?? 0;
  for (const re of DOUBLE_QUOTES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (words(m[1] ?? '') >= minWords) return true;
    }
  }
  SINGLE_QUOTES.lastIndex = 0;
  for (let m = SINGLE_QUOTES.exec(text); m; m = SINGLE_QUOTES.exec(text)) {
    if (words(m[1] ?? '') >= minWords) return true;
  }
  return false;
}

/** Up to four initials from a name ("Amy-Jo Smith" → "AJS"); the name itself is not kept. */
export function initialsOf(name: string): string {
  const parts = tidy(name).split(/[\s-]+/).filter((p) => FIRST_LETTER.test(p));
  return parts
    .map((p) => (FIRST_LETTER.exec(p)?.[0] ?? '').toUpperCase())
    .join('')
    .slice(0, 4);
}

function vocabularyWords(table: Map<string, unknown>): string {
  const words = [...table.keys()].slice(0, 8);
  return words.map((w) => `"${w}"`).join(', ') + (table.size > 8 ? ', …' : '');
}

function asText(raw: Raw): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

export interface ParseContext {
  nowYear: number;
  /** The time box's raw value, for a date-time split over two boxes. */
  time?: { raw: Raw; part: TimePart } | undefined;
  /** For a seen-date whose "alone" is read from another box: what that box says. */
  alone?: boolean | undefined;
}

/** Reads the parsed value of a raw value; blank is null, a value that cannot be read is reported. */
export function parseRaw(raw: Raw, parse: Parse | undefined, ctx: ParseContext): Parsed {
  if (!parse) {
    if (raw === null || typeof raw === 'boolean' || Array.isArray(raw)) return { ok: true, value: raw };
    return { ok: false, reason: 'the map gives no parse for this text' };
  }
  switch (parse.type) {
    case 'non-empty': {
      if (raw === null) return { ok: true, value: parse.whenBlank === null ? null : false };
      if (Array.isArray(raw)) return { ok: true, value: raw.length > 0 };
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      return { ok: true, value: raw.trim() !== '' };
    }
    case 'quoted-speech': {
      if (raw === null) return { ok: true, value: parse.whenBlank === null ? null : false };
      const text = asText(raw);
      if (text === undefined) return { ok: false, reason: 'quoted-speech reads text, not a tick or a list' };
      return { ok: true, value: hasQuotedSpeech(text, parse.minWords ?? 2) };
    }
    case 'list':
      return parseList(raw, parse);
    case 'exception-lines': {
      if (raw === null) return { ok: true, value: [] };
      const text = asText(raw);
      if (text === undefined) return { ok: false, reason: 'exception-lines reads text, not a tick or a list' };
      return { ok: true, value: parse.lines === 'recorded' ? recordedLines(text) : acceptedLines(text) };
    }
    default:
      break;
  }
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === 'boolean') {
    if (parse.type === 'yes-no') return { ok: true, value: raw };
    if (parse.type === 'codes') return lookup(String(raw), parse);
    return { ok: false, reason: `${parse.type} reads text, not a tick` };
  }
  if (Array.isArray(raw)) return { ok: false, reason: `${parse.type} reads text, not a list` };
  const picked = applyPattern(tidy(raw), 'pattern' in parse ? parse.pattern : undefined);
  if (picked === undefined) return { ok: false, reason: 'the text does not match the pattern' };
  if (picked === '') return { ok: true, value: null };
  switch (parse.type) {
    case 'date': {
      const p = parseWithFormats(picked, parse.formats, ctx.nowYear);
      return p ? { ok: true, value: isoDate(p) } : { ok: false, reason: `not a date written ${parse.formats.join(' or ')}` };
    }
    case 'seen-date':
      return parseSeenDate(picked, parse, ctx);
    case 'datetime':
      return parseDateTime(picked, parse, ctx);
    case 'yes-no':
      return lookup(picked, parse);
    case 'yes-no-na':
      return lookup(picked, parse);
    case 'codes':
      return lookup(picked, parse);
    case 'initials': {
      const initials = initialsOf(picked);
      return initials ? { ok: true, value: initials } : { ok: false, reason: 'no letters to take initials from' };
    }
  }
}

function lookup(text: string, parse: Extract<Parse, { type: 'yes-no' | 'yes-no-na' | 'codes' }>): Parsed {
  const caseSensitive = parse.type === 'codes' && parse.caseSensitive === true;
  const base = parse.type === 'yes-no' ? YES_NO : parse.type === 'yes-no-na' ? YES_NO_NA : {};
  const table = lookupTable(parse, base, parse.map, caseSensitive);
  const key = caseSensitive ? tidy(text) : norm(text);
  if (table.has(key)) return { ok: true, value: table.get(key) as FactValue | null };
  if (parse.type === 'codes' && parse.otherwise !== undefined) return { ok: true, value: parse.otherwise };
  return { ok: false, reason: `not one of the words the map knows (${vocabularyWords(table)})` };
}

// Without a map, list items must look like codes or ids: free text never becomes a fact.
const CODE_LIKE = /^[A-Za-z0-9._:/-]{1,64}$/;

function parseList(raw: Raw, parse: Extract<Parse, { type: 'list' }>): Parsed {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === 'boolean') return { ok: false, reason: 'list reads ticked items or text, not one tick' };
  const items = Array.isArray(raw) ? raw : raw.split(/[,;\n]/);
  const table = parse.map ? lookupTable(parse, {}, parse.map, false) : undefined;
  const out: string[] = [];
  let dropped = 0;
  for (const item of items) {
    const picked = applyPattern(tidy(item), parse.pattern);
    if (picked === undefined) {
      dropped++;
      continue;
    }
    if (picked === '') continue;
    if (table) {
      const key = norm(picked);
      if (!table.has(key)) {
        dropped++;
        continue;
      }
      const v = table.get(key);
      if (typeof v === 'string' && !out.includes(v)) out.push(v);
    } else if (!CODE_LIKE.test(picked)) {
      dropped++;
    } else if (!out.includes(picked)) {
      out.push(picked);
    }
  }
  return dropped > 0 ? { ok: true, value: out, dropped } : { ok: true, value: out };
}

function parseDateTime(text: string, parse: Extract<Parse, { type: 'datetime' }>, ctx: ParseContext): Parsed {
  const zone = parse.timeZone ?? DEFAULT_TIME_ZONE;
  const p = parseWithFormats(text, parse.formats, ctx.nowYear);
  if (!p) return { ok: false, reason: `not a date${ctx.time ? '' : ' and time'} written ${parse.formats.join(' or ')}` };
  if (ctx.time) {
    const { raw, part } = ctx.time;
    const timeText = typeof raw === 'string' ? tidy(raw) : '';
    if (timeText === '') {
      if ((part.whenBlank ?? 'skip') === 'skip') return { ok: false, reason: 'the date is there but the time box is blank', skip: true };
      p.hour = 0;
      p.minute = 0;
    } else {
      const t = parseTime(timeText, part.formats, ctx.nowYear);
      if (!t) return { ok: false, reason: `the time is not written ${part.formats.join(' or ')}` };
      p.hour = t.hour;
      p.minute = t.minute;
      if (t.second !== undefined) p.second = t.second;
    }
  } else if (p.hour === undefined) {
    return { ok: false, reason: 'no time in the text' };
  }
  const iso = zonedIso(p, zone);
  return iso ? { ok: true, value: iso } : { ok: false, reason: `unknown time zone ${zone}` };
}

/**
 * A visit: its date, and its UK local time (`HH:mm`) when the page shows one, either in
 * the same text (a date-time format) or in a separate time box. A blank time box leaves
 * the visit without a time: the visit still counts, but a 24-hour clock cannot call it on time.
 */
function parseSeenDate(text: string, parse: Extract<Parse, { type: 'seen-date' }>, ctx: ParseContext): Parsed {
  const p = parseWithFormats(text, parse.formats, ctx.nowYear);
  if (!p) return { ok: false, reason: `not a date written ${parse.formats.join(' or ')}` };
  let clock = p.hour !== undefined && p.minute !== undefined ? { hour: p.hour, minute: p.minute } : undefined;
  if (ctx.time) {
    const { raw, part } = ctx.time;
    const timeText = typeof raw === 'string' ? tidy(raw) : '';
    if (timeText !== '') {
      clock = parseTime(timeText, part.formats, ctx.nowYear);
      if (!clock) return { ok: false, reason: `the time is not written ${part.formats.join(' or ')}` };
    }
  }
  const visit = { date: isoDate(p), alone: typeof parse.alone === 'boolean' ? parse.alone : ctx.alone === true };
  return { ok: true, value: [clock ? { ...visit, time: `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}` } : visit] };
}

function parseTime(text: string, formats: readonly string[], nowYear: number): { hour: number; minute: number; second?: number } | undefined {
  for (const format of formats) {
    const f = compileFormat(format);
    if (typeof f === 'string' || f.hasDate) continue;
    const p = parseWithFormats(text, [format], nowYear);
    if (p?.hour !== undefined && p.minute !== undefined) {
      return p.second !== undefined ? { hour: p.hour, minute: p.minute, second: p.second } : { hour: p.hour, minute: p.minute };
    }
  }
  return undefined;
}

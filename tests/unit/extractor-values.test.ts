import { describe, expect, it } from 'vitest';
import { compileFormat, isKnownTimeZone, parseWithFormats, zonedIso } from '../../lib/adapters/date-format';
import { hasQuotedSpeech, initialsOf, parseRaw } from '../../lib/adapters/values';
import type { Parse } from '../../lib/adapters/field-map-schema';

const ctx = { nowYear: 2026 };
const value = (raw: Parameters<typeof parseRaw>[0], parse: Parse | undefined) => {
  const r = parseRaw(raw, parse, ctx);
  return r.ok ? r.value : { unreadable: r.reason };
};

describe('date formats', () => {
  const date = (text: string, ...formats: string[]) => value(text, { type: 'date', formats });

  it.each([
    ['03/11/2026', 'dd/MM/yyyy', '2026-11-03'],
    ['3/11/2026', 'dd/MM/yyyy', '2026-11-03'],
    [' 03/11/2026 ', 'dd/MM/yyyy', '2026-11-03'],
    ['3 Nov 2026', 'd MMM yyyy', '2026-11-03'],
    ['3 November 2026', 'd MMMM yyyy', '2026-11-03'],
    ['3 nov 2026', 'd MMM yyyy', '2026-11-03'],
    ['03-Nov-2026', 'dd-MMM-yyyy', '2026-11-03'],
    ['03-NOV-26', 'dd-MMM-yy', '2026-11-03'],
    ['3 Sept 2026', 'd MMM yyyy', '2026-09-03'],
    ['Tuesday 3 November 2026', 'EEEE d MMMM yyyy', '2026-11-03'],
    ['2026-11-03', 'yyyy-MM-dd', '2026-11-03'],
    ['03.11.2026', 'dd.MM.yyyy', '2026-11-03'],
    ['29/02/2028', 'dd/MM/yyyy', '2028-02-29'],
    ['03/11/2026 14:30', 'dd/MM/yyyy HH:mm', '2026-11-03'],
  ])('%s with %s → %s', (text, format, iso) => {
    expect(date(text, format)).toBe(iso);
  });

  it('tries each format in turn', () => {
    expect(date('3 Nov 2026', 'dd/MM/yyyy', 'd MMM yyyy')).toBe('2026-11-03');
    expect(date('03/11/2026', 'dd/MM/yyyy', 'd MMM yyyy')).toBe('2026-11-03');
  });

  it.each(['31/04/2026', '29/02/2026', '00/01/2026', '12/13/2026', '3 Novx 2026', 'next Tuesday', '03/11/26', '2026/11/03'])('%s is unreadable, never a guess', (text) => {
    expect(date(text, 'dd/MM/yyyy', 'd MMM yyyy')).toHaveProperty('unreadable');
  });

  it('a two-digit year falls within 20 years after now', () => {
    expect(date('01/01/46', 'dd/MM/yy')).toBe('2046-01-01');
    expect(date('01/01/47', 'dd/MM/yy')).toBe('1947-01-01');
  });

  it('blank is null', () => {
    expect(date('', 'dd/MM/yyyy')).toBeNull();
    expect(value(null, { type: 'date', formats: ['dd/MM/yyyy'] })).toBeNull();
  });

  it('a pattern picks the date out of surrounding text', () => {
    expect(value('Received: 03/11/2026 (by phone)', { type: 'date', formats: ['dd/MM/yyyy'], pattern: '(\\d{2}/\\d{2}/\\d{4})' })).toBe('2026-11-03');
    expect(value('not given', { type: 'date', formats: ['dd/MM/yyyy'], pattern: '(\\d{2}/\\d{2}/\\d{4})' })).toHaveProperty('unreadable');
  });

  it('rejects formats it cannot read, saying why', () => {
    expect(compileFormat('dd/MM/yyyy')).toHaveProperty('re');
    expect(compileFormat('dd/mm/yyyy')).toMatch(/mm means minutes: write the month as MM/);
    expect(compileFormat('dd/yyyy')).toMatch(/needs a day, a month and a year/);
    expect(compileFormat('ddd/MM/yyyy')).toMatch(/not a date token/);
    expect(compileFormat('dd/MM/yyyy hh:mm')).toMatch(/12-hour/);
    expect(compileFormat("dd/MM/yyyy 'at")).toMatch(/unclosed quote/);
    expect(compileFormat('HH:mm')).toHaveProperty('hasTime', true);
    expect(compileFormat("yyyy-MM-dd'T'HH:mm")).toHaveProperty('hasDate', true);
  });

  it('reads 12-hour times with am/pm', () => {
    expect(parseWithFormats('3/11/2026 2:05 pm', ['d/M/yyyy h:mm a'], 2026)).toEqual({ year: 2026, month: 11, day: 3, hour: 14, minute: 5 });
    expect(parseWithFormats('3/11/2026 12:05 a.m.', ['d/M/yyyy h:mm a'], 2026)).toMatchObject({ hour: 0 });
    expect(parseWithFormats('3/11/2026 13:05 pm', ['d/M/yyyy h:mm a'], 2026)).toBeUndefined();
  });
});

describe('date-times and time zones', () => {
  const dt = (text: string, timeZone?: string) =>
    value(text, { type: 'datetime', formats: ['dd/MM/yyyy HH:mm'], ...(timeZone ? { timeZone } : {}) });

  it('UK local time gets the offset in force that day (GMT or BST)', () => {
    expect(dt('22/11/2026 10:30')).toBe('2026-11-22T10:30:00+00:00');
    expect(dt('02/06/2026 14:30')).toBe('2026-06-02T14:30:00+01:00');
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October.
    expect(dt('29/03/2026 00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(dt('29/03/2026 02:30')).toBe('2026-03-29T02:30:00+01:00');
    expect(dt('25/10/2026 00:30')).toBe('2026-10-25T00:30:00+01:00');
    expect(dt('25/10/2026 02:30')).toBe('2026-10-25T02:30:00+00:00');
  });

  it('the built-in London rule agrees with the time-zone database on every hour of 1996–2040', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
    for (let year = 1996; year <= 2040; year++) {
      for (const [month, days] of [[3, [24, 25, 26, 27, 28, 29, 30, 31]], [10, [24, 25, 26, 27, 28, 29, 30, 31]], [7, [1]], [12, [1]]] as const) {
        for (const day of days) {
          for (const hour of [0, 2, 3, 12, 23]) {
            const iso = zonedIso({ year, month, day, hour, minute: 30 }, 'Europe/London')!;
            const name = intl.formatToParts(new Date(iso)).find((x) => x.type === 'timeZoneName')?.value ?? '';
            const hoursAhead = Number(/GMT([+-]\d+)?/.exec(name)?.[1] ?? '0');
            expect(`${iso} ${hoursAhead}`).toBe(`${iso} ${iso.endsWith('+01:00') ? 1 : 0}`);
            // And the instant written shows that wall-clock time in London.
            const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
            expect(wall).toBe(`${String(hour).padStart(2, '0')}:30`);
          }
        }
      }
    }
  });

  it('other zones and fixed offsets', () => {
    expect(dt('02/06/2026 14:30', 'UTC')).toBe('2026-06-02T14:30:00+00:00');
    expect(dt('02/06/2026 14:30', '+02:00')).toBe('2026-06-02T14:30:00+02:00');
    expect(zonedIso({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'America/New_York')).toBe('2026-01-15T09:00:00-05:00');
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });

  it('a date with no time is unreadable as a date-time', () => {
    expect(dt('22/11/2026')).toHaveProperty('unreadable');
  });

  it('joins a date box and a time box', () => {
    const parse: Parse = { type: 'datetime', formats: ['dd/MM/yyyy'] };
    const part = { find: { ariaLabel: 'Time' }, formats: ['HH:mm', 'H.mm'] };
    const read = (date: string | null, time: string | null, whenBlank?: 'skip' | 'start-of-day') =>
      parseRaw(date, parse, { nowYear: 2026, time: { raw: time, part: whenBlank ? { ...part, whenBlank } : part } });
    expect(read('22/11/2026', '10:30')).toEqual({ ok: true, value: '2026-11-22T10:30:00+00:00' });
    expect(read('22/11/2026', '9.05')).toEqual({ ok: true, value: '2026-11-22T09:05:00+00:00' });
    expect(read('22/11/2026', null)).toMatchObject({ ok: false, skip: true });
    expect(read('22/11/2026', null, 'start-of-day')).toEqual({ ok: true, value: '2026-11-22T00:00:00+00:00' });
    expect(read('22/11/2026', 'teatime')).toMatchObject({ ok: false });
    expect(read('22/11/2026', '25:00')).toMatchObject({ ok: false });
  });
});

describe('vocabularies and code lists', () => {
  it('yes-no: the usual words, "Not known" is null, anything else is unreadable', () => {
    const yn: Parse = { type: 'yes-no' };
    expect(value('Yes', yn)).toBe(true);
    expect(value('  y ', yn)).toBe(true);
    expect(value('No', yn)).toBe(false);
    expect(value('N', yn)).toBe(false);
    expect(value('Not known', yn)).toBeNull();
    expect(value('Unknown', yn)).toBeNull();
    expect(value(null, yn)).toBeNull();
    expect(value(true, yn)).toBe(true);
    expect(value('Maybe', yn)).toHaveProperty('unreadable');
  });

  it('yes-no: a map adds words and can override the defaults', () => {
    const yn: Parse = { type: 'yes-no', map: { Agreed: true, 'Not known': false, 'Awaiting': null } };
    expect(value('agreed', yn)).toBe(true);
    expect(value('Not known', yn)).toBe(false);
    expect(value('Awaiting', yn)).toBeNull();
  });

  it('yes-no-na', () => {
    const p: Parse = { type: 'yes-no-na' };
    expect(value('Yes', p)).toBe('yes');
    expect(value('No', p)).toBe('no');
    expect(value('N/A', p)).toBe('n/a');
    expect(value('Not applicable', p)).toBe('n/a');
    expect(value('NA', p)).toBe('n/a');
    expect(value('Perhaps', p)).toHaveProperty('unreadable');
  });

  it('codes: host words to model codes, forgiving about case, spaces and dashes unless told', () => {
    const p: Parse = { type: 'codes', map: { 'Child and Family Assessment – Section 47': 'section-47', CIN: 'child-in-need', Other: null } };
    expect(value('child and family assessment - section 47', p)).toBe('section-47');
    expect(value('Child  and Family Assessment — Section 47', p)).toBe('section-47');
    expect(value('cin', p)).toBe('child-in-need');
    expect(value('Other', p)).toBeNull();
    expect(value('Private fostering', p)).toHaveProperty('unreadable');
    expect(value('cin', { type: 'codes', map: { CIN: 'child-in-need' }, caseSensitive: true })).toHaveProperty('unreadable');
    expect(value('Private fostering', { type: 'codes', map: { CIN: 'x' }, otherwise: 'other' })).toBe('other');
    expect(value(true, { type: 'codes', map: { true: 'ticked', false: 'not ticked' } })).toBe('ticked');
  });

  it('the reason for an unreadable value lists the map\'s words, never the page text', () => {
    const r = parseRaw('Secret narrative words', { type: 'yes-no' }, ctx);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('Secret');
  });

  it('lists: ticked items pass through or map to codes; unknown items are dropped and counted', () => {
    expect(value(['education', 'health'], { type: 'list' })).toEqual(['education', 'health']);
    expect(value([], { type: 'list' })).toEqual([]);
    expect(value(['Education (school)', 'Police', 'Astrology'], { type: 'list', map: { 'Education (school)': 'education', Police: 'police' } })).toEqual(['education', 'police']);
    expect(parseRaw(['Police', 'Astrology'], { type: 'list', map: { Police: 'police' } }, ctx)).toEqual({ ok: true, value: ['police'], dropped: 1 });
    expect(value('Education, Health; Police', { type: 'list' })).toEqual(['Education', 'Health', 'Police']);
    // Without a map only code-like items pass: free text never becomes a fact.
    expect(parseRaw(['Education (school, SEND)', 'police'], { type: 'list' }, ctx)).toEqual({ ok: true, value: ['police'], dropped: 1 });
    expect(value(['Jo Bloggs (Person ID 200204)'], { type: 'list', pattern: 'Person ID (\\d+)' })).toEqual(['200204']);
    expect(value(null, { type: 'list' })).toBeNull();
  });

  it('non-empty: text → true, blank → false (or null when the map says so)', () => {
    expect(value('Some words', { type: 'non-empty' })).toBe(true);
    expect(value(null, { type: 'non-empty' })).toBe(false);
    expect(value(null, { type: 'non-empty', whenBlank: null })).toBeNull();
    expect(value(['a'], { type: 'non-empty' })).toBe(true);
  });

  it('no parse: ticks and lists pass through, text is refused', () => {
    expect(value(true, undefined)).toBe(true);
    expect(value(['a'], undefined)).toEqual(['a']);
    expect(value('text', undefined)).toHaveProperty('unreadable');
  });

  it('initials keep no more than four letters of a name', () => {
    expect(initialsOf('Ruby Sample')).toBe('RS');
    expect(initialsOf('Amy-Jo  van der Berg')).toBe('AJVD');
    expect(initialsOf("  o'neil  ")).toBe('O');
    expect(value('Ruby Sample', { type: 'initials' })).toBe('RS');
    expect(value('123', { type: 'initials' })).toHaveProperty('unreadable');
  });
});

describe('quoted speech (the child\'s own words)', () => {
  it.each([
    ['Ruby said "I like it when Mum reads to me" and smiled.'],
    ['Ruby said “I don’t want to go home” twice.'],
    ["Noah told me 'I want my dad to come back' at school."],
    ["Noah told me ‘I miss my dog’."],
    ["Mia: 'it's scary at night' (she pointed to the window)."],
    ['„Ich bin müde“, sagte sie.'],
    ['He said «leave me alone» when asked.'],
    ['"I am fine"'],
  ])('counts: %s', (text) => {
    expect(hasQuotedSpeech(text)).toBe(true);
  });

  it.each([
    ['Ruby is doing well at school and enjoys reading.'],
    ["Ruby's mum's partner's car was outside; the children's bedroom was tidy."],
    ['The so-called "plan" was not followed.'],
    ["She didn't say anything; it's Tom's weekend."],
    ['Quote marks never closed: "I want'],
    ["rock 'n' roll"],
    [''],
  ])('does not count: %s', (text) => {
    expect(hasQuotedSpeech(text)).toBe(false);
  });

  it('minWords changes how many words a quotation needs', () => {
    expect(hasQuotedSpeech('She said "no".', 1)).toBe(true);
    expect(hasQuotedSpeech('She said "no".', 2)).toBe(false);
    expect(hasQuotedSpeech('She said "no thank you".', 3)).toBe(true);
  });

  it('as a parse: blank → false, text → whether it quotes', () => {
    expect(value('He said "go away now"', { type: 'quoted-speech' })).toBe(true);
    expect(value('He was quiet', { type: 'quoted-speech' })).toBe(false);
    expect(value(null, { type: 'quoted-speech' })).toBe(false);
    expect(value(null, { type: 'quoted-speech', whenBlank: null })).toBeNull();
  });
});

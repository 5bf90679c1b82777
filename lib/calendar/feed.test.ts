import { describe, expect, it } from 'vitest';
import bundled from './bank-holidays-england-and-wales.json';
import { bundledHolidayDates, parseHolidayFeed, parseHolidayFeedText, toJsonPath } from './index';

const event = (date: string, title = 'Bank holiday') => ({ title, date, notes: '', bunting: true });
const feed = (events: unknown, extra: Record<string, unknown> = {}) => ({
  'england-and-wales': { division: 'england-and-wales', events },
  ...extra,
});

describe('parseHolidayFeed', () => {
  it('accepts the bundled GOV.UK feed and gives its dates in order', () => {
    const result = parseHolidayFeed(bundled);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.holidays).toHaveLength(83);
    expect(result.holidays.map((h) => h.date)).toEqual([...bundledHolidayDates].sort());
    expect(result.holidays[0]).toEqual({ date: '2018-01-01', title: 'New Year’s Day' });
  });

  it('ignores other divisions and extra keys', () => {
    const result = parseHolidayFeed(
      feed([{ ...event('2026-12-28'), extra: 1 }, event('2026-12-25')], {
        scotland: { division: 'scotland', events: 'not even a list' },
        'northern-ireland': null,
        generated: '2026-01-01',
      }),
    );
    expect(result).toEqual({
      ok: true,
      holidays: [
        { date: '2026-12-25', title: 'Bank holiday' },
        { date: '2026-12-28', title: 'Bank holiday' },
      ],
    });
  });

  it('does not need notes, bunting or the division name', () => {
    const result = parseHolidayFeed({ 'england-and-wales': { events: [{ title: 'Christmas Day', date: '2026-12-25' }] } });
    expect(result.ok).toBe(true);
  });

  it('gives a JSON path for each problem', () => {
    const events = [event('2026-01-01'), event('2026-02-02'), event('2026-03-03'), event('2023-02-29')];
    const result = parseHolidayFeed(feed(events));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '$["england-and-wales"].events[3].date',
          message: 'must be a real date written YYYY-MM-DD, for example 2026-12-25',
        },
      ],
    });
  });

  it('lists every problem, not just the first', () => {
    const result = parseHolidayFeed({
      'england-and-wales': {
        division: 'scotland',
        events: [{ title: 'x', date: '25/12/2026' }, { date: 20261225, bunting: 'yes' }, 'Christmas'],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: '$["england-and-wales"].division', message: 'must be "england-and-wales" (this list is for another part of the UK)' },
      { path: '$["england-and-wales"].events[0].date', message: 'must be a real date written YYYY-MM-DD, for example 2026-12-25' },
      { path: '$["england-and-wales"].events[1].title', message: 'is missing' },
      { path: '$["england-and-wales"].events[1].date', message: 'must be text' },
      { path: '$["england-and-wales"].events[1].bunting', message: 'must be true or false' },
      { path: '$["england-and-wales"].events[2]', message: 'must be an object' },
    ]);
  });

  it.each([
    [null, '$', 'must be an object'],
    [[], '$', 'must be an object'],
    [{}, '$["england-and-wales"]', 'is missing'],
    [{ scotland: { events: [] } }, '$["england-and-wales"]', 'is missing'],
    [{ 'england-and-wales': { events: {} } }, '$["england-and-wales"].events', 'must be a list'],
    [{ 'england-and-wales': { events: [] } }, '$["england-and-wales"].events', 'must list at least one bank holiday'],
  ])('rejects %j at %s', (json, path, message) => {
    expect(parseHolidayFeed(json)).toEqual({ ok: false, errors: [{ path, message }] });
  });

  it('reports text that is not JSON at the root', () => {
    const result = parseHolidayFeedText('{ "england-and-wales": ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('$');
    expect(result.errors[0]?.message).toMatch(/^is not valid JSON/);
  });
});

describe('toJsonPath', () => {
  it('writes names, odd names and indexes', () => {
    expect(toJsonPath([])).toBe('$');
    expect(toJsonPath(['england-and-wales', 'events', 3, 'date'])).toBe('$["england-and-wales"].events[3].date');
    expect(toJsonPath(['a b', 'ok_1', 'quote"'])).toBe('$["a b"].ok_1["quote\\""]');
  });
});

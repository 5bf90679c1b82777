// A visit's time, read for the Section 47 24-hour clock: from a date-time text or a separate time box.
import { describe, expect, it } from 'vitest';
import type { Parse } from '../../lib/adapters/field-map-schema';
import { parseRaw, type ParseContext } from '../../lib/adapters/values';
import { ukLocalDateTime } from '../../lib/calendar';

const seenAlone = (formats: string[]): Parse => ({ type: 'seen-date', formats, alone: true });
const timeBox = { find: { label: 'Time seen' }, formats: ['HH:mm', 'H:mm'] } as NonNullable<ParseContext['time']>['part'];

describe('seen-date with a time', () => {
  it('a date alone gives a visit without a time', () => {
    expect(parseRaw('03/11/2026', seenAlone(['dd/MM/yyyy']), { nowYear: 2026 })).toEqual({ ok: true, value: [{ date: '2026-11-03', alone: true }] });
  });

  it('a date-time text gives the visit its UK local time', () => {
    expect(parseRaw('03/11/2026 11:00', seenAlone(['dd/MM/yyyy HH:mm', 'dd/MM/yyyy']), { nowYear: 2026 })).toEqual({
      ok: true,
      value: [{ date: '2026-11-03', alone: true, time: '11:00' }],
    });
  });

  it('a separate time box gives the visit its time', () => {
    expect(parseRaw('03/11/2026', seenAlone(['dd/MM/yyyy']), { nowYear: 2026, time: { raw: '9:05', part: timeBox } })).toEqual({
      ok: true,
      value: [{ date: '2026-11-03', alone: true, time: '09:05' }],
    });
  });

  it('a blank time box keeps the visit, without a time', () => {
    expect(parseRaw('03/11/2026', seenAlone(['dd/MM/yyyy']), { nowYear: 2026, time: { raw: '', part: timeBox } })).toEqual({
      ok: true,
      value: [{ date: '2026-11-03', alone: true }],
    });
  });

  it('a time box that cannot be read is reported, not guessed', () => {
    const r = parseRaw('03/11/2026', seenAlone(['dd/MM/yyyy']), { nowYear: 2026, time: { raw: 'lunchtime', part: timeBox } });
    expect(r.ok).toBe(false);
  });
});

describe('ukLocalDateTime', () => {
  it.each([
    ['2026-11-03', '11:00', '2026-11-03T11:00:00+00:00'],
    ['2026-06-11', '16:00', '2026-06-11T16:00:00+01:00'],
    // Clocks go forward at 01:00 GMT on Sun 29 Mar 2026 and back at 01:00 GMT on Sun 25 Oct 2026.
    ['2026-03-29', '00:30', '2026-03-29T00:30:00+00:00'],
    ['2026-03-29', '02:30', '2026-03-29T02:30:00+01:00'],
    ['2026-10-25', '00:30', '2026-10-25T00:30:00+01:00'],
    ['2026-10-25', '02:30', '2026-10-25T02:30:00+00:00'],
  ])('%s %s in the UK is %s', (date, time, iso) => {
    expect(ukLocalDateTime(date, time)).toBe(iso);
  });
});

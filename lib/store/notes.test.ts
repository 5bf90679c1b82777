import { describe, expect, it } from 'vitest';
import { recordNotes } from './notes';
import type { StoredRecord } from './schema';

const row: StoredRecord = { key: 'k:SA-1', caseSystem: 'k', assessmentId: 'SA-1', record: { schema: 'single-assessment/v1', caseSystem: 'k', assessmentId: 'SA-1' }, createdAt: 1, updatedAt: 1 };

describe('recordNotes', () => {
  it('says nothing for a whole, valid record', () => {
    expect(recordNotes(row)).toEqual([]);
  });
  it('tells the worker about facts set aside and pages cut', () => {
    const notes = recordNotes({ ...row, salvaged: { dropped: ['dates.referral'] }, cut: { '/assessment/SA-1/household': { facts: 2500, notFound: 0 } } });
    expect(notes[0]).toMatch(/^1 stored fact for this assessment could not be used/);
    expect(notes[1]).toBe('The page /assessment/SA-1/household was too big to read whole: the first 5,000 facts were read and 2,500 were left out. Checks that need the rest may show as not read yet.');
  });
});

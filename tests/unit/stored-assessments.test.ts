// The options page's list of stored assessments: each fact as stored, never initials.
import { describe, expect, it } from 'vitest';
import { recordFacts, storedAssessments } from '../../lib/store/stored-assessments';
import { storedValueText } from '../../components/StoredAssessments';
import { emptyRecord, withFacts } from '../../lib/model';
import type { StoredRecord } from '../../lib/store';

const record = withFacts(emptyRecord('lcs-demo', 'SA-9'), {
  'dates.referral': '2026-11-02',
  'children[C1].initials': 'AB',
  'children[C1].seenDates': [{ date: '2026-11-05', alone: true }],
  'children[C1].bedroomSeen': null,
  'adults[A1].role': 'mother',
  'background.agenciesConsulted': ['health', 'police'],
});

describe('recordFacts', () => {
  const facts = Object.fromEntries(recordFacts(record).map((f) => [f.path, f.value]));

  it('lists each fact by its path, people by their id', () => {
    expect(facts['dates.referral']).toBe('2026-11-02');
    expect(facts['children[C1].bedroomSeen']).toBeNull();
    expect(facts['children[C1].seenDates[0].date']).toBe('2026-11-05');
    expect(facts['children[C1].seenDates[0].alone']).toBe(true);
    expect(facts['adults[A1].role']).toBe('mother');
    expect(facts['background.agenciesConsulted']).toBe('health, police');
  });

  it('leaves out initials and the record’s own ids', () => {
    expect(Object.keys(facts).some((k) => k.includes('initials'))).toBe(false);
    expect(facts.assessmentId).toBeUndefined();
    expect(JSON.stringify(facts)).not.toContain('AB');
  });

  it('newest first', () => {
    const row = (key: string, updatedAt: number): StoredRecord => ({ key, caseSystem: 'lcs-demo', assessmentId: key, record, createdAt: 1, updatedAt });
    expect(storedAssessments([row('a', 1), row('b', 2)]).map((a) => a.key)).toEqual(['b', 'a']);
  });
});

describe('storedValueText', () => {
  it('yes, no, blank and dates in words', () => {
    expect(storedValueText(true)).toBe('Yes');
    expect(storedValueText(false)).toBe('No');
    expect(storedValueText(null)).toMatch(/^Blank/);
    expect(storedValueText('2026-11-02')).toBe('2 Nov 2026');
    expect(storedValueText('mother')).toBe('mother');
  });
});

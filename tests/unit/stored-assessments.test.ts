// The options page's list of stored assessments: everything held for each assessment (issue 24,
// item 7: facts, initials, where each was read, the address, acknowledgements), and its file.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordFacts, storedAssessmentFile, storedAssessments } from '../../lib/store/stored-assessments';
import { storedValueText } from '../../components/StoredAssessments';
import { emptyRecord, withFacts } from '../../lib/model';
import { CompanionDb, acknowledge, recordKey, type StoredRecord } from '../../lib/store';

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

  it('lists initials too (a council’s map may read them), but not the record’s own ids', () => {
    expect(facts['children[C1].initials']).toBe('AB');
    expect(facts.assessmentId).toBeUndefined();
  });

  it('newest first', () => {
    const row = (key: string, updatedAt: number): StoredRecord => ({ key, caseSystem: 'lcs-demo', assessmentId: key, record, createdAt: 1, updatedAt });
    expect(storedAssessments([row('a', 1), row('b', 2)]).map((a) => a.key)).toEqual(['b', 'a']);
  });
});

const readAt = '2026-11-05T10:00:00.000Z';
const read = {
  ...record,
  provenance: {
    'dates.referral': { page: '/assessment/SA-9/referral', section: 'background' as const, locator: 'label "Date referral received"', mapEntry: 'referral-date', readAt },
    'children[C1].seenDates': { page: '/assessment/SA-9/child/C1', locator: 'table "Visits"', readAt },
  },
};
const row: StoredRecord = {
  key: recordKey('lcs-demo', 'SA-9'),
  caseSystem: 'lcs-demo',
  assessmentId: 'SA-9',
  record: read,
  createdAt: 1,
  updatedAt: 2,
  pageUrl: 'https://lcs.example.gov.uk/assessment/SA-9/referral',
  lastSection: 'background',
  notFound: { '/assessment/SA-9/referral': ['strategy-date'] },
};

describe('everything held for an assessment (issue 24, item 7)', () => {
  it('says where each fact was read, the case page’s address, the part last read and the map entries that found nothing', () => {
    const [a] = storedAssessments([row]);
    const byPath = Object.fromEntries(a!.facts.map((f) => [f.path, f]));
    expect(byPath['dates.referral']?.readFrom?.page).toBe('/assessment/SA-9/referral');
    expect(byPath['dates.referral']?.readFrom?.locator).toBe('label "Date referral received"');
    // A list read as a whole: each item says where the list was read.
    expect(byPath['children[C1].seenDates[0].date']?.readFrom?.page).toBe('/assessment/SA-9/child/C1');
    expect(a!.pageUrl).toBe('https://lcs.example.gov.uk/assessment/SA-9/referral');
    expect(a!.lastSection).toBe('background');
    expect(a!.notFound).toEqual([{ page: '/assessment/SA-9/referral', entries: ['strategy-date'] }]);
  });

  it('lists its acknowledged findings, with the reason in words', () => {
    const ack = { key: `${row.key}|derby/x|-`, recordKey: row.key, item: 'derby/x|-', ruleId: 'derby/x', reason: 'recorded-in-case-notes' as const, role: 'worker' as const, on: '2026-11-06' };
    const [a] = storedAssessments([row], [ack, { ...ack, key: 'other', recordKey: 'lcs-demo:SA-8' }]);
    expect(a!.acknowledgements).toEqual([{ item: 'derby/x|-', reason: 'Recorded in the case notes', role: 'worker', on: '2026-11-06' }]);
  });

  it('saves it all as a file (JSON), exactly as stored, for a subject access request', async () => {
    const db = new CompanionDb(`sar-${Math.random()}`);
    await db.records.put(row);
    await acknowledge(db, { recordKey: row.key, item: { ruleId: 'derby/x' }, reason: 'does-not-apply', role: 'worker', on: '2026-11-06' });
    const file = await storedAssessmentFile(db, row.key, Date.parse('2026-11-23T10:00:00Z'));
    expect(file?.name).toBe('assessment-SA-9-stored.json');
    const parsed = JSON.parse(file!.text) as { storedRecord: unknown; acknowledgements: Array<{ reason: string }>; exportedAt: string };
    expect(parsed.storedRecord).toEqual(row);
    expect(parsed.acknowledgements.map((a) => a.reason)).toEqual(['does-not-apply']);
    expect(parsed.exportedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await storedAssessmentFile(db, 'lcs-demo:none', 0)).toBeUndefined();
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

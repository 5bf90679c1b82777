// The national layer, tested under both packs: Working Together 2023's conference clock and the
// children in need census items at the end of the assessment.
import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../model';
import { completeDerbyRecord, section47DerbyRecord } from '../../../tests/fixtures/records/derby-records';
import { derbyPack } from '../packs/derby/index';
import { completeHertfordshireRecord } from '../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack } from '../packs/hertfordshire/index';
import { statusOf, testRule } from '../../../tests/support/rule-tester';

// Strategy discussion Tue 15 Sep 2026, 11:00 BST. 15 working days: 16–18 (3), 21–25 (8),
// 28 Sep–2 Oct (13), Mon 5 (14), Tue 6 Oct 2026 (15).
const conference = withFacts(section47DerbyRecord, { 'childProtection.conferenceDecided': true, 'dates.icpc': '2026-10-05' });
testRule(derbyPack, 'national/icpc-15-working-days', [
  { name: 'conference held within 15 working days', record: conference, expect: 'met-on-time', due: '2026-10-06' },
  { name: 'conference held on the 15th working day', record: withFacts(conference, { 'dates.icpc': '2026-10-06' }), expect: 'met-on-time' },
  { name: 'conference held on the 16th working day', record: withFacts(conference, { 'dates.icpc': '2026-10-07' }), expect: 'met-late' },
  { name: 'conference not yet held, past the date', record: withFacts(conference, { 'dates.icpc': null }), expect: 'overdue' },
  { name: 'no strategy discussion recorded', record: withFacts(conference, { 'dates.strategyDiscussion': null }), expect: 'missing' },
  { name: 'strategy discussion not read yet', record: withoutFact(conference, 'dates.strategyDiscussion'), expect: 'unknown' },
  { name: 'no conference decided', record: section47DerbyRecord, expect: 'not-applicable' },
  {
    name: 'whether a conference was decided not read yet',
    record: withoutFact(withFacts(section47DerbyRecord, { 'dates.icpc': null }), 'childProtection.conferenceDecided'),
    expect: 'unknown',
  },
]);

testRule(derbyPack, 'national/cin-census-at-assessment-end', [
  { name: 'authorised, factors recorded as census codes', record: completeDerbyRecord, expect: 'met' },
  { name: 'no factors recorded', record: withFacts(completeDerbyRecord, { 'census.factorsAtAssessment': null }), expect: 'missing' },
  { name: 'completed, awaiting sign-off: factors are what is owed', record: withFacts(completeDerbyRecord, { 'dates.authorised': null }), expect: 'met' },
  { name: '21 (no factors) beside another factor', record: withFacts(completeDerbyRecord, { 'census.factorsAtAssessment': ['21', '3A'] }), expect: 'missing' },
  { name: '21 alone', record: withFacts(completeDerbyRecord, { 'census.factorsAtAssessment': ['21'] }), expect: 'met' },
  { name: 'factors not read yet', record: withoutFact(completeDerbyRecord, 'census.factorsAtAssessment'), expect: 'unknown' },
  { name: 'assessment not ended', record: withFacts(completeDerbyRecord, { 'dates.completed': null }), expect: 'not-applicable' },
]);

// The same rules under Hertfordshire's pack.
testRule(hertfordshirePack, 'national/icpc-15-working-days', [
  { name: 'conference held in time', record: withFacts(completeHertfordshireRecord, { 'dates.strategyDiscussion': '2026-11-16T10:00:00Z', 'dates.icpc': '2026-11-20', 'childProtection.conferenceDecided': true }), expect: 'met-on-time' },
  { name: 'conference not held, no strategy discussion', record: withFacts(completeHertfordshireRecord, { 'dates.strategyDiscussion': null, 'childProtection.conferenceDecided': true }), expect: 'missing' },
  { name: 'not read whether a conference was decided', record: withoutFact(withFacts(completeHertfordshireRecord, { 'dates.icpc': null }), 'childProtection.conferenceDecided'), expect: 'unknown' },
]);

testRule(hertfordshirePack, 'national/cin-census-at-assessment-end', [
  { name: 'factors recorded', record: completeHertfordshireRecord, expect: 'met' },
  { name: 'factors blank', record: withFacts(completeHertfordshireRecord, { 'census.factorsAtAssessment': [] }), expect: 'missing' },
  { name: 'factors not read yet', record: withoutFact(completeHertfordshireRecord, 'census.factorsAtAssessment'), expect: 'unknown' },
]);

describe('census factor codes', () => {
  it('refuses text that is not a census code (never a narrative)', () => {
    expect(() => withFacts(completeDerbyRecord, { 'census.factorsAtAssessment': ['domestic violence'] })).toThrow();
  });

  it('a late conference blocks sign-off until the reason is recorded', () => {
    const { evaluation } = statusOf(derbyPack, 'national/icpc-15-working-days', withFacts(conference, { 'dates.icpc': '2026-10-07' }));
    expect(evaluation.ready.blocking.some((b) => b.ruleId === 'national/icpc-15-working-days')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { nothingRead, testPrompt } from '../../../../tests/support/hertfordshire-rules';

testRule(pack, 'hertfordshire/child-views-recorded', [
  { name: 'subject child’s views recorded', record: complete, expect: 'met', subjectId: 'C1' },
  { name: 'views box blank', record: withFacts(complete, { 'children[C1].viewsRecorded': null }), expect: 'missing', subjectId: 'C1' },
  { name: 'views not recorded', record: withFacts(complete, { 'children[C1].viewsRecorded': false }), expect: 'missing', subjectId: 'C1' },
  { name: 'views not read yet', record: withoutFact(complete, 'children[C1].viewsRecorded'), expect: 'unknown', subjectId: 'C1' },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
  {
    name: 'a sibling’s views are not this check’s concern',
    record: withFacts(complete, { 'children[C2].viewsRecorded': null }),
    expect: 'met',
  },
  {
    name: 'a baby is not asked for views (age and understanding)',
    record: withFacts(complete, { 'children[C1].dateOfBirth': '2026-08-01', 'children[C1].viewsRecorded': null }),
    expect: 'not-applicable',
  },
  { name: 'age not read yet', record: withoutFact(withFacts(complete, { 'children[C1].viewsRecorded': null }), 'children[C1].dateOfBirth'), expect: 'unknown' },
  {
    name: 'unborn subject child',
    record: withFacts(withoutFact(complete, 'children[C1].dateOfBirth'), { 'children[C1].unborn': true, 'children[C1].viewsRecorded': null }),
    expect: 'not-applicable',
  },
]);

testRule(pack, 'hertfordshire/parents-seen-views-recorded', [
  { name: 'both parents seen, views recorded', record: complete, expect: 'met' },
  {
    name: 'father not involved, reason recorded',
    record: withFacts(complete, { 'adults[A2].seen': false, 'adults[A2].viewsRecorded': null, 'adults[A2].notInvolvedReason': true }),
    expect: 'met',
  },
  { name: 'father not seen, no reason', record: withFacts(complete, { 'adults[A2].seen': false }), expect: 'missing', subjectId: 'A2' },
  { name: 'mother’s views blank, no reason', record: withFacts(complete, { 'adults[A1].viewsRecorded': null }), expect: 'missing', subjectId: 'A1' },
  {
    name: 'father not seen, reason not read yet',
    record: withoutFact(withFacts(complete, { 'adults[A2].seen': false }), 'adults[A2].notInvolvedReason'),
    expect: 'unknown',
    subjectId: 'A2',
  },
  { name: 'adults not read yet', record: { ...complete, adults: undefined }, expect: 'unknown' },
  {
    name: 'adult whose role is not read yet',
    record: withFacts(withoutFact(complete, 'adults[A2].role'), { 'adults[A2].seen': null }),
    expect: 'unknown',
    subjectId: 'A2',
  },
  {
    name: 'a grandparent who is not a carer is not this check’s concern',
    record: withFacts(complete, { 'adults[A3].role': 'relative', 'adults[A3].seen': null }),
    expect: 'met',
  },
  {
    name: 'a step-parent counts as a carer',
    record: withFacts(complete, { 'adults[A3].role': 'step-parent', 'adults[A3].seen': null, 'adults[A3].notInvolvedReason': null }),
    expect: 'missing',
    subjectId: 'A3',
  },
]);

describe('hertfordshire/parents-seen-views-recorded: one finding per parent', () => {
  it('names each parent', () => {
    const { findings } = statusOf(pack, 'hertfordshire/parents-seen-views-recorded', withFacts(complete, { 'adults[A2].seen': false }));
    expect(findings.map((f) => [f.subject?.label, f.status])).toEqual([
      ['Mother', 'met'],
      ['Father', 'missing'],
    ]);
  });
});

describe('hertfordshire/prompt-young-child-observed', () => {
  const shown = (record: Parameters<typeof statusOf>[2]) => statusOf(pack, 'hertfordshire/prompt-young-child-observed', record).prompt;
  it('shown when a child is too young to give views', () => {
    expect(shown(withFacts(complete, { 'children[C2].dateOfBirth': '2026-05-01' }))).toBeDefined();
  });
  it('hidden when every child is old enough', () => {
    expect(shown(withFacts(complete, { 'children[C2].dateOfBirth': '2015-05-01' }))).toBeUndefined();
  });
  it('hidden before the household is read', () => {
    expect(shown(nothingRead)).toBeUndefined();
  });
});

testPrompt('hertfordshire/prompt-parents-involved-early', 'views');

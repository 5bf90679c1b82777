import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

testRule(pack, 'hertfordshire/statutory-questions-answered', [
  { name: 'all three answered', record: complete, expect: 'met' },
  {
    name: 'a "no" counts as an answer',
    record: withFacts(complete, { 'outcome.childInNeed': false }),
    expect: 'met',
  },
  { name: 'significant harm left blank', record: withFacts(complete, { 'outcome.significantHarmSuspected': null }), expect: 'missing' },
  { name: 'accommodation left blank', record: withFacts(complete, { 'outcome.accommodationNeeded': null }), expect: 'missing' },
  { name: 'child in need not read yet', record: withoutFact(complete, 'outcome.childInNeed'), expect: 'unknown' },
]);

testRule(pack, 'hertfordshire/outcome-decided', [
  { name: 'decision recorded', record: complete, expect: 'met' },
  { name: 'decision blank', record: withFacts(complete, { 'outcome.decision': null }), expect: 'missing' },
  { name: 'decision not read yet', record: withoutFact(complete, 'outcome.decision'), expect: 'unknown' },
]);

const notYetAuthorised = withFacts(complete, {
  'dates.authorised': null,
  'outcome.sharedWithFamilyInWriting': null,
  'outcome.sharedWithReferrer': null,
  'outcome.sharedWithAgencies': null,
});
const authorisedNotRead = withoutFact(
  withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null, 'outcome.sharedWithReferrer': null, 'outcome.sharedWithAgencies': null }),
  'dates.authorised',
);

testRule(pack, 'hertfordshire/outcome-shared-with-family', [
  { name: 'given to the family in writing', record: complete, expect: 'met' },
  {
    name: 'not shared, the reason recorded (risk to the child or an enquiry)',
    record: withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null, 'outcome.notSharedWithFamilyReason': true }),
    expect: 'met',
  },
  { name: 'authorised, not shared, no reason', record: withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null }), expect: 'missing' },
  {
    name: 'authorised, not shared, reason not read yet',
    record: withoutFact(withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null }), 'outcome.notSharedWithFamilyReason'),
    expect: 'unknown',
  },
  { name: 'authorisation date not read yet', record: authorisedNotRead, expect: 'unknown' },
  { name: 'not authorised yet', record: notYetAuthorised, expect: 'not-applicable' },
]);

testRule(pack, 'hertfordshire/outcome-shared-with-referrer', [
  { name: 'referrer told', record: complete, expect: 'met' },
  { name: 'authorised, referrer not told', record: withFacts(complete, { 'outcome.sharedWithReferrer': null }), expect: 'missing' },
  { name: 'authorised, not read yet', record: withoutFact(complete, 'outcome.sharedWithReferrer'), expect: 'unknown' },
  { name: 'authorisation date not read yet', record: authorisedNotRead, expect: 'unknown' },
  { name: 'not authorised yet', record: notYetAuthorised, expect: 'not-applicable' },
]);

testRule(pack, 'hertfordshire/outcome-shared-with-agencies', [
  { name: 'agencies sent the outcome', record: complete, expect: 'met' },
  { name: 'authorised, agencies not sent it', record: withFacts(complete, { 'outcome.sharedWithAgencies': null }), expect: 'missing' },
  { name: 'authorised, not read yet', record: withoutFact(complete, 'outcome.sharedWithAgencies'), expect: 'unknown' },
  {
    name: 'which agencies were consulted not read yet',
    record: withoutFact(withFacts(complete, { 'outcome.sharedWithAgencies': null }), 'background.agenciesConsulted'),
    expect: 'unknown',
  },
  {
    name: 'no agencies consulted',
    record: withFacts(complete, { 'background.agenciesConsulted': [], 'outcome.sharedWithAgencies': null }),
    expect: 'not-applicable',
  },
  { name: 'not authorised yet', record: notYetAuthorised, expect: 'not-applicable' },
]);

testPrompt('hertfordshire/prompt-child-in-need', 'outcomes');

testRule(pack, 'hertfordshire/plan-of-action', [
  { name: 'plan of action agreed', record: complete, expect: 'met' },
  { name: 'no plan of action', record: withFacts(complete, { 'outcome.planOfActionRecorded': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'outcome.planOfActionRecorded'), expect: 'unknown' },
  { name: 'no further action', record: withFacts(complete, { 'outcome.decision': 'no-further-action' }), expect: 'not-applicable' },
]);

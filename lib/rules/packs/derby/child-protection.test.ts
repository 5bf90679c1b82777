import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../testing';
import { completeDerbyRecord as complete, section47DerbyRecord as s47 } from './fixtures';
import { derbyPack as pack } from './index';
import { nothingRead, testConditionalPrompt } from './test-helpers';

const harmSuspected = withFacts(complete, { 'outcome.significantHarmSuspected': true });
testRule(pack, 'derby/strategy-discussion-held', [
  { name: 'Section 47 enquiry with a strategy discussion', record: s47, expect: 'met' },
  { name: 'significant harm suspected and a discussion held', record: withFacts(harmSuspected, { 'dates.strategyDiscussion': '2026-11-02T10:00:00Z' }), expect: 'met' },
  { name: 'Section 47 enquiry, discussion date blank', record: withFacts(s47, { 'dates.strategyDiscussion': null }), expect: 'missing' },
  { name: 'significant harm suspected, no discussion recorded', record: harmSuspected, expect: 'missing' },
  { name: 'Section 47 enquiry, discussion date not read yet', record: withoutFact(s47, 'dates.strategyDiscussion'), expect: 'unknown' },
  { name: 'kind of assessment not read yet', record: withoutFact(complete, 'kind'), expect: 'unknown' },
  { name: 'child in need, no significant harm suspected', record: complete, expect: 'not-applicable' },
]);

const cpCases = {
  shown: [
    { name: 'Section 47 enquiry', record: s47 },
    { name: 'significant harm suspected', record: withFacts(complete, { 'outcome.significantHarmSuspected': true }) },
    { name: 'a strategy discussion is on record', record: withFacts(complete, { 'dates.strategyDiscussion': '2026-11-02T10:00:00Z' }) },
  ],
  hidden: [
    { name: 'child in need, no significant harm suspected', record: complete },
    { name: 'kind not read yet', record: withoutFact(complete, 'kind') },
    { name: 'nothing read yet', record: nothingRead },
  ],
};
testConditionalPrompt('derby/prompt-child-protection-manager-oversight', 'child-protection', cpCases);
testConditionalPrompt('derby/prompt-child-protection-detailed-recording', 'child-protection', cpCases);

testConditionalPrompt('derby/prompt-child-protection-not-seen-in-time', 'child-protection', {
  shown: [{ name: 'Section 47 enquiry', record: s47 }],
  hidden: [
    { name: 'child in need', record: complete },
    { name: 'kind not read yet', record: withoutFact(s47, 'kind') },
  ],
});

import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, section47DerbyRecord as s47 } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { nothingRead, testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';

const harmSuspected = withFacts(complete, { 'outcome.significantHarmSuspected': true });
testRule(pack, 'derby/strategy-discussion-held', [
  { name: 'Section 47 enquiry with a strategy discussion', record: s47, expect: 'met' },
  { name: 'significant harm suspected and a discussion held', record: withFacts(harmSuspected, { 'dates.strategyDiscussion': '2026-11-02T10:00:00Z' }), expect: 'met' },
  { name: 'Section 47 enquiry, discussion date blank', record: withFacts(s47, { 'dates.strategyDiscussion': null }), expect: 'missing' },
  { name: 'significant harm suspected, no discussion recorded', record: harmSuspected, expect: 'missing' },
  { name: 'Section 47 enquiry, discussion date not read yet', record: withoutFact(s47, 'dates.strategyDiscussion'), expect: 'unknown' },
  { name: 'kind of assessment not read yet', record: withoutFact(complete, 'kind'), expect: 'unknown' },
  { name: 'child in need, no significant harm suspected', record: complete, expect: 'not-applicable' },
  // A step that is done never blocks as "not read yet": the discussion is on record, so whether the
  // outcome is itself a strategy discussion (the outcome page, not read yet) cannot make it unknown.
  { name: 'Section 47 enquiry, discussion held, outcome page not read yet', record: withoutFact(withoutFact(s47, 'outcome.decision'), 'outcome.significantHarmSuspected'), expect: 'met' },
]);

describe('derby/strategy-discussion-held: the duty is Working Together 2023’s; Derby 2.4 only asks', () => {
  // Derby 2.4: "Is a strategy discussion / meeting required?" A question, so a prompt; the duty to hold
  // one where significant harm is suspected is Working Together 2023's, cited as the rule's source.
  it('cites Working Together 2023 as the source of the duty, with Derby 2.4', () => {
    const rule = pack.rules.find((r) => r.id === 'derby/strategy-discussion-held');
    expect(rule?.source.label).toBe('Derby 2.4, with Working Together 2023');
    // The passage is Derby's own words in 2.4 (issue 26); the label names Working Together 2023.
    expect(rule?.source.passage).toContain('Is a strategy discussion / meeting required?');
  });

  it('never blocks where only the question applies (a child in need, no harm suspected)', () => {
    const { evaluation, findings } = statusOf(pack, 'derby/strategy-discussion-held', withFacts(complete, { 'dates.strategyDiscussion': null }));
    expect(findings.map((f) => f.status)).toEqual(['not-applicable']);
    expect(evaluation.ready.blocking.some((b) => b.ruleId === 'derby/strategy-discussion-held')).toBe(false);
    expect(evaluation.prompts.some((p) => p.ruleId === 'derby/prompt-child-protection-strategy-discussion')).toBe(true);
  });
});

testPrompt('derby/prompt-child-protection-strategy-discussion', 'child-protection');

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

// Derby 2.4: a child not seen in the 24 hours.
const notSeenInTime = withFacts(s47, { 'children[C-SUBJECT].seenDates': [{ date: '2026-09-17', alone: true, time: '15:00' }] });
testRule(pack, 'derby/threshold-considered-not-seen', [
  { name: 'seen late, threshold considered', record: withFacts(notSeenInTime, { 'childProtection.notSeenThresholdConsidered': true }), expect: 'met' },
  { name: 'seen late, nothing recorded', record: withFacts(notSeenInTime, { 'childProtection.notSeenThresholdConsidered': null }), expect: 'missing' },
  { name: 'seen late, not read yet', record: withoutFact(notSeenInTime, 'childProtection.notSeenThresholdConsidered'), expect: 'unknown' },
  { name: 'seen within 24 hours', record: s47, expect: 'not-applicable' },
  { name: 'no Section 47 enquiry', record: complete, expect: 'not-applicable' },
  { name: 'visits not read yet', record: withoutFact(s47, 'children[C-SUBJECT].seenDates'), expect: 'unknown' },
  // Derby 2.4: "If a child is not seen in this timeframe then the threshold must be considered": any child in the enquiry.
  {
    name: 'the subject child seen in time, the sibling not: nothing recorded',
    record: withFacts(s47, { 'children[C-SIBLING].seenDates': [{ date: '2026-10-06', alone: true }], 'childProtection.notSeenThresholdConsidered': null }),
    expect: 'missing',
  },
]);

// Derby 2.3: a conference report when a conference is the outcome.
const conference = withFacts(s47, { 'childProtection.conferenceDecided': true, 'childProtection.conferenceReportCompleted': true });
testRule(pack, 'derby/conference-report', [
  { name: 'conference decided, report completed', record: conference, expect: 'met' },
  { name: 'conference decided, no report', record: withFacts(conference, { 'childProtection.conferenceReportCompleted': null }), expect: 'missing' },
  { name: 'report not read yet', record: withoutFact(conference, 'childProtection.conferenceReportCompleted'), expect: 'unknown' },
  { name: 'conference date recorded, no report', record: withFacts(s47, { 'dates.icpc': '2026-10-01', 'childProtection.conferenceReportCompleted': false }), expect: 'missing' },
  { name: 'no conference', record: s47, expect: 'not-applicable' },
  { name: 'whether a conference is needed not read yet', record: withoutFact(withFacts(s47, { 'dates.icpc': null }), 'childProtection.conferenceDecided'), expect: 'unknown' },
]);

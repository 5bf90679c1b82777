import { withFacts, withoutFact } from '../../../model';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { testConditionalPrompt } from '../../../../tests/support/hertfordshire-rules';

// Section 2, "Questions to be considered in planning assessments include: … Are there communication
// needs? If so, what are the specific needs and how they will be met?": a question, so a prompt.
// Hertfordshire states no interpreter duty (Derby 2.10 does), so none is asked for here.
testConditionalPrompt('hertfordshire/communication-needs', 'household', {
  shown: [
    { name: 'communication needs blank', record: withFacts(complete, { 'household.communicationNeedsRecorded': null }) },
    { name: 'communication needs not read yet', record: withoutFact(complete, 'household.communicationNeedsRecorded') },
  ],
  hidden: [
    { name: 'communication needs recorded', record: complete },
    { name: 'an interpreter needed and not used: no Hertfordshire duty to ask about', record: withFacts(complete, { 'household.interpreterUsed': false }) },
  ],
});

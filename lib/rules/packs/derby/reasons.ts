// Derby 2.2 Reasons and understanding about your assessment. Its one duty (the absent
// parent's perspective) is recorded with the parents' views, so it lives in views.ts.
import { defineRule } from '../../pack';
import type { DerbyParams } from './params';

const source22 = (passage: string) => ({ label: 'Derby 2.2', section: '2.2', passage });

export const promptStayCurious = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-stay-curious',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Practice Triggers: remain curious throughout this process'),
  message: 'Are you staying curious about what life is like for this family, and not settling on a first explanation?',
});

export const promptWhoToSpeakTo = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-who-to-speak-to',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Practice Triggers: who will you speak to?'),
  message: 'Who will you speak to for this assessment?',
});

export const promptRecordsToRead = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-records-to-read',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Practice Triggers: what records do you need to access'),
  message: 'Which records do you need to read, such as back files and the chronology?',
});

export const promptTimeNeeded = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-time-needed',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Practice Triggers: how long will you need to do the work?'),
  message: 'How long will you need to do the work well?',
});

export const promptCaseReviewLessons = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-case-review-lessons',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Practice Triggers: remember lessons from case reviews and learning reviews'),
  message:
    'What do case reviews teach here? Think about disguised compliance, stereotyping, the needs of large families and threats towards workers.',
});

export const promptFamilyUnderstands = defineRule<DerbyParams>({
  id: 'derby/prompt-reasons-family-understands',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: source22('Evidence how you know the child and their family can understand this assessment'),
  message: 'How do you know the child and family understand why you are assessing, given any communication needs?',
});

export const reasonsRules = [
  promptStayCurious,
  promptWhoToSpeakTo,
  promptRecordsToRead,
  promptTimeNeeded,
  promptCaseReviewLessons,
  promptFamilyUnderstands,
];

// The coded reasons' words, with no dependencies: the content script reads exception lines with them.
export const REASONS = {
  'recorded-in-case-notes': 'Recorded in the case notes',
  'recorded-on-another-form': 'Recorded on another form in the case system',
  'does-not-apply': 'Does not apply to this family’s circumstances',
  'child-pre-verbal': 'Child is pre-verbal: observations recorded',
  'child-declined': 'Child declined: recorded in the case notes',
  'child-unborn': 'Child is unborn: recorded after the birth',
  'parent-not-found': 'Parent could not be found',
  'parent-declined': 'Parent declined to take part',
  'contact-not-safe': 'Not safe to contact: recorded in the case notes',
  'extension-agreed': 'Longer timescale agreed by a manager: recorded in the case notes',
  'delay-outside-control': 'Delay outside the service’s control: recorded in the case notes',
} as const;

export type ReasonCode = keyof typeof REASONS;

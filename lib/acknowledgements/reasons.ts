/**
 * The coded reasons a worker or manager can give for a finding that does not apply or is
 * recorded elsewhere. Codes, never free text: nothing identifying can be typed in, and the
 * stored code is all that is kept (the words come from here).
 */
import { z } from 'zod';
import { REASONS, type ReasonCode } from './reason-words';

export { REASONS, type ReasonCode } from './reason-words';

export const ReasonCodeSchema = z.enum(Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]]);

/** What kind of rule a finding comes from, which decides the reasons offered. */
export type RuleKind = 'child' | 'adult' | 'deadline' | 'safety' | 'other';

const BY_KIND: Record<RuleKind, readonly ReasonCode[]> = {
  child: ['child-pre-verbal', 'child-declined', 'child-unborn'],
  adult: ['parent-not-found', 'parent-declined', 'contact-not-safe'],
  deadline: ['extension-agreed', 'delay-outside-control'],
  safety: [],
  other: [],
};
const RECORDED_ELSEWHERE: readonly ReasonCode[] = ['recorded-in-case-notes', 'recorded-on-another-form'];

export interface Acknowledgeable {
  kind: 'check' | 'countdown';
  subject?: { kind: 'child' | 'adult' };
  field?: string;
}

export function ruleKind(item: Acknowledgeable): RuleKind {
  if (item.kind === 'countdown') return 'deadline';
  if (item.field?.startsWith('safetyAdvice')) return 'safety';
  if (item.subject?.kind === 'child' || item.field?.startsWith('children')) return 'child';
  if (item.subject?.kind === 'adult' || item.field?.startsWith('adults') || item.field?.startsWith('consent')) return 'adult';
  return 'other';
}

/**
 * The short list offered for this finding: its kind's own reasons first, then the general
 * ones. A home-safety question (smoke alarms, safe sleep…) is asked of every family the rule
 * applies to, so "does not apply to this family's circumstances" is never offered for it:
 * only where else the answer is recorded.
 */
export function reasonsFor(item: Acknowledgeable): ReasonCode[] {
  const kind = ruleKind(item);
  return [...BY_KIND[kind], ...RECORDED_ELSEWHERE, ...(kind === 'safety' ? [] : (['does-not-apply'] as const))];
}

export function reasonWords(code: string): string {
  return Object.prototype.hasOwnProperty.call(REASONS, code) ? REASONS[code as ReasonCode] : 'Reason not known';
}

/**
 * A rule tester in the manner of ESLint's: each rule lists records that meet it, that
 * miss it, and whose facts are not read yet. Imported by tests only.
 */
import { describe, expect, it } from 'vitest';
import { parseRecord, type AssessmentRecord } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import type { CheckStatus, CountdownStatus, Pack } from '../../lib/rules/types';

export interface RuleCase {
  name: string;
  /** A full record in the model's vocabulary (validated by the schema first). */
  record: AssessmentRecord;
  /** Moment of evaluation, ISO. Tests fix the clock. */
  now?: string;
  /**
   * For checks: `met` (every finding met), `missing` (some finding missing), `unknown`
   * (none missing, some unknown), `not-applicable`. For countdowns, the countdown's status.
   */
  expect: CheckStatus | CountdownStatus;
  /** Optional: the subject (child or adult id) the missing or unknown finding must concern. */
  subjectId?: string;
  /** Optional: the countdown's due date or date-time. */
  due?: string;
}

export const DEFAULT_NOW = '2026-11-23T10:00:00Z';

export function statusOf<P>(pack: Pack<P>, ruleId: string, record: AssessmentRecord, now = DEFAULT_NOW, params?: P) {
  const evaluation = evaluate(record, pack, now, params ? { params } : {});
  const countdown = evaluation.countdowns.find((c) => c.ruleId === ruleId);
  const findings = evaluation.findings.filter((f) => f.ruleId === ruleId);
  const prompt = evaluation.prompts.find((p) => p.ruleId === ruleId);
  return { evaluation, countdown, findings, prompt };
}

function overall(statuses: CheckStatus[]): CheckStatus {
  if (statuses.includes('missing')) return 'missing';
  if (statuses.includes('unknown')) return 'unknown';
  if (statuses.length > 0 && statuses.every((s) => s === 'not-applicable')) return 'not-applicable';
  return 'met';
}

/** Registers vitest cases for one rule. Every rule needs at least a met, a missing and an unknown case. */
export function testRule<P>(pack: Pack<P>, ruleId: string, cases: RuleCase[], params?: P): void {
  describe(ruleId, () => {
    it('exists in its pack', () => {
      expect(pack.rules.some((r) => r.id === ruleId)).toBe(true);
    });
    for (const c of cases) {
      it(`${c.expect}: ${c.name}`, () => {
        const parsed = parseRecord(c.record);
        if (!parsed.ok) throw new Error(`case record fails the schema: ${JSON.stringify(parsed.problems)}`);
        const { countdown, findings } = statusOf(pack, ruleId, parsed.record, c.now ?? DEFAULT_NOW, params);
        if (countdown) {
          expect(countdown.error).toBeUndefined();
          expect(countdown.status).toBe(c.expect);
          if (c.due) expect(countdown.due).toBe(c.due);
          return;
        }
        for (const f of findings) expect(f.error).toBeUndefined();
        expect(overall(findings.map((f) => f.status))).toBe(c.expect);
        if (c.subjectId) {
          expect(findings.some((f) => f.status === c.expect && f.subject?.id === c.subjectId)).toBe(true);
        }
      });
    }
  });
}

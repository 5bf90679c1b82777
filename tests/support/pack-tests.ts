// One test harness for every pack (imports vitest): the blank and not-read-yet records
// built from a pack's complete record, and the three cases every prompt must pass.
import { describe, expect, it } from 'vitest';
import { emptyRecord, parseRecord, type AssessmentRecord, type FormSection } from '../../lib/model';
import type { Pack } from '../../lib/rules/types';
import { DEFAULT_NOW, statusOf } from './rule-tester';

// Facts that say who a person is: kept when blanking a record, so the same people are there.
const IDENTITY = new Set(['id', 'isSubject', 'dateOfBirth', 'unborn', 'role', 'initials']);

function blankValues(value: unknown, key?: string): unknown {
  if (key !== undefined && IDENTITY.has(key)) return value;
  if (Array.isArray(value)) {
    // Lists of people keep their people; other lists (visits, agencies, consent givers) become blank.
    return key === 'children' || key === 'adults' ? value.map((v) => blankValues(v)) : null;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blankValues(v, k)]));
  }
  return null;
}

export interface PromptCase {
  name: string;
  record: AssessmentRecord;
}

export function packTests<P>(pack: Pack<P>, complete: AssessmentRecord) {
  /** Nothing read yet: every fact unknown. */
  const nothingRead: AssessmentRecord = { ...emptyRecord('test', 'SA-EMPTY'), pack: pack.id };

  /** Every page read and every field blank: the same people as the complete record, nothing recorded. */
  const allBlank: AssessmentRecord = {
    ...(blankValues(complete) as AssessmentRecord),
    schema: 'single-assessment/v1',
    caseSystem: 'test',
    assessmentId: 'SA-BLANK',
    pack: pack.id,
  };

  function promptShown(ruleId: string, record: AssessmentRecord, now = DEFAULT_NOW) {
    const parsed = parseRecord(record);
    if (!parsed.ok) throw new Error(`case record fails the schema: ${JSON.stringify(parsed.problems)}`);
    const { prompt, findings, countdown, evaluation } = statusOf(pack, ruleId, parsed.record, now);
    // A prompt is a reflective question: never a finding or a countdown, never "missing", never blocking.
    expect(findings).toEqual([]);
    expect(countdown).toBeUndefined();
    expect(evaluation.ready.blocking.some((b) => b.ruleId === ruleId)).toBe(false);
    return prompt;
  }

  function isPromptIn(ruleId: string, section: FormSection) {
    const rule = pack.rules.find((r) => r.id === ruleId);
    expect(rule?.kind).toBe('prompt');
    expect(rule?.severity).toBe('prompt');
    expect(rule?.section).toBe(section);
    return rule;
  }

  /**
   * A prompt that always applies: shown beside a complete record, shown (as a question, not a
   * missing step) when every field is blank, and shown before anything has been read.
   */
  function testPrompt(ruleId: string, section: FormSection): void {
    describe(ruleId, () => {
      it('is a prompt in its form section', () => {
        isPromptIn(ruleId, section);
      });
      it('met: shown beside a complete record', () => {
        expect(promptShown(ruleId, complete)?.section).toBe(section);
      });
      it('missing: shown as a question, not a missing step, when every field is blank', () => {
        expect(promptShown(ruleId, allBlank)).toBeDefined();
      });
      it('unknown: shown before anything has been read', () => {
        expect(promptShown(ruleId, nothingRead)).toBeDefined();
      });
    });
  }

  /** A prompt shown only when its trigger applies: each case says whether it is shown. */
  function testConditionalPrompt(ruleId: string, section: FormSection, cases: { shown: PromptCase[]; hidden: PromptCase[] }): void {
    describe(ruleId, () => {
      it('is a prompt in its form section, shown only when its trigger applies', () => {
        expect(isPromptIn(ruleId, section)?.appliesWhen).toBeDefined();
      });
      for (const c of cases.shown) {
        it(`shown: ${c.name}`, () => {
          expect(promptShown(ruleId, c.record)?.section).toBe(section);
        });
      }
      for (const c of cases.hidden) {
        it(`hidden: ${c.name}`, () => {
          expect(promptShown(ruleId, c.record)).toBeUndefined();
        });
      }
    });
  }

  return { nothingRead, allBlank, testPrompt, testConditionalPrompt };
}

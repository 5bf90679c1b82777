// The Derby pack as a whole: readiness for sign-off, three states across every rule, prompts by section.
import { describe, expect, it } from 'vitest';
import { parseRecord, withFacts, withoutFact, type AssessmentRecord } from '../../../model';
import { evaluate } from '../../engine';
import { validatePack } from '../../pack';
import { DEFAULT_NOW } from '../../../../tests/support/rule-tester';
import {
  completeDerbyRecord as complete,
  FATHER,
  inProgressDerbyRecord,
  MOTHER,
  section47DerbyRecord,
  SIBLING,
  SUBJECT,
} from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { allBlank, nothingRead } from '../../../../tests/support/derby-rules';

const run = (record: AssessmentRecord, now = DEFAULT_NOW) => evaluate(record, pack, now);

describe('derby pack', () => {
  it('passes its own validation', () => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('has the catalogue’s five countdowns, the target date agreed in the plan (issue 23), and the national conference clock', () => {
    expect(pack.rules.filter((r) => r.kind === 'countdown').map((r) => r.id)).toEqual([
      'derby/assessment-45-working-days',
      'derby/manager-copy-5-working-days-before',
      'derby/child-seen-alone-24-hours-s47',
      'derby/child-seen-alone-5-working-days',
      'derby/reassessment-12-months',
      'derby/plan-target-date',
      'national/icpc-15-working-days',
    ]);
  });

  it('fixtures meet the schema', () => {
    for (const record of [complete, section47DerbyRecord, inProgressDerbyRecord, allBlank, nothingRead]) {
      const parsed = parseRecord(record);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    }
  });
});

describe('the complete record', () => {
  const evaluation = run(complete);

  it('is ready for sign-off with nothing blocking and nothing open', () => {
    expect(evaluation.ready.ready).toBe(true);
    expect(evaluation.ready.blocking).toEqual([]);
    expect(evaluation.ready.expected).toEqual([]);
  });

  it('meets every check (or the check does not apply), with no rule failing', () => {
    const open = evaluation.findings.filter((f) => f.status !== 'met' && f.status !== 'not-applicable');
    expect(open).toEqual([]);
    expect(evaluation.findings.filter((f) => f.error)).toEqual([]);
    // Only the conditional ones do not apply to a child in need assessment that went to plan.
    expect(evaluation.findings.filter((f) => f.status === 'not-applicable').map((f) => f.ruleId)).toEqual([
      'derby/timescale-exceeded-reason',
      'derby/consent-withheld-agencies-told',
      'derby/strategy-discussion-held',
      'derby/threshold-considered-not-seen',
      'derby/conference-report',
      'derby/advocate-for-conference',
    ]);
  });

  it('met every deadline that applies', () => {
    expect(Object.fromEntries(evaluation.countdowns.map((c) => [c.ruleId, c.status]))).toEqual({
      'derby/assessment-45-working-days': 'met-on-time',
      'derby/manager-copy-5-working-days-before': 'met-on-time',
      'derby/child-seen-alone-24-hours-s47': 'not-applicable',
      'derby/child-seen-alone-5-working-days': 'met-on-time',
      'derby/reassessment-12-months': 'not-applicable',
      'derby/plan-target-date': 'not-applicable',
      'national/icpc-15-working-days': 'not-applicable',
    });
  });

  it('reports per-child checks once per child, naming them', () => {
    const seenAlone = evaluation.findings.filter((f) => f.ruleId === 'derby/child-seen-alone');
    expect(seenAlone.map((f) => f.subject?.label)).toEqual(['AK (subject child), aged 7', 'MK, aged 1']);
  });

  it('is ready in the Section 47 version too', () => {
    const s47 = run(section47DerbyRecord);
    expect(s47.ready.blocking).toEqual([]);
    expect(s47.findings.find((f) => f.ruleId === 'derby/strategy-discussion-held')?.status).toBe('met');
    expect(s47.countdowns.find((c) => c.ruleId === 'derby/child-seen-alone-24-hours-s47')?.status).toBe('met-on-time');
  });
});

const child = (id: string, key: string) => `children[${id}].${key}`;
const adult = (id: string, key: string) => `adults[${id}].${key}`;

/**
 * For every required check: one fact of the complete record that it needs. Blank, the
 * check is missing and blocks sign-off; not read yet, it is unknown and still blocks.
 */
// `unread`: the record with the fact not read yet, where taking it away alone would leave a step that is
// already done (met whatever is unread: a step that is done never blocks as "not read yet").
const REQUIRED_FACTS: Record<string, { fact: string; blank?: AssessmentRecord; unread?: AssessmentRecord; subject?: string }> = {
  'derby/timescale-exceeded-reason': {
    fact: 'dates.completed',
    blank: withFacts(complete, { 'dates.completed': '2026-11-18' }),
  },
  'derby/parental-responsibility-established': { fact: adult(FATHER, 'hasParentalResponsibility'), subject: FATHER },
  'derby/all-household-children-included': { fact: child(SIBLING, 'includedInAssessment'), subject: SIBLING },
  'derby/assessment-plan-agreed-in-writing': { fact: 'dates.planAgreedWithFamily' },
  'derby/absent-parent-perspective': {
    fact: adult(FATHER, 'livesWithChild'),
    blank: withFacts(complete, { [adult(FATHER, 'seen')]: null, [adult(FATHER, 'viewsRecorded')]: null }),
    unread: withoutFact(withoutFact(withoutFact(complete, adult(FATHER, 'seen')), adult(FATHER, 'viewsRecorded')), adult(FATHER, 'livesWithChild')),
    subject: FATHER,
  },
  'derby/consent-to-share': { fact: 'consent.inWriting' },
  'derby/strategy-discussion-held': {
    fact: 'outcome.significantHarmSuspected',
    blank: withFacts(complete, { 'outcome.significantHarmSuspected': true }),
  },
  'derby/child-seen-alone': { fact: child(SIBLING, 'seenDates'), subject: SIBLING },
  'derby/genogram': { fact: 'background.genogram' },
  'derby/ecomap': { fact: 'background.ecomap' },
  'derby/chronology': { fact: 'background.chronologyUpdated' },
  'derby/safety-questions-asked': { fact: 'safetyAdvice.homeSafety' },
  'derby/safety-advice-given': { fact: 'safetyAdvice.adviceGivenWhereNo' },
  'derby/child-own-words': { fact: child(SUBJECT, 'ownWordsRecorded'), subject: SUBJECT },
  'derby/parents-views-recorded': {
    fact: adult(MOTHER, 'viewsRecorded'),
    blank: withFacts(complete, { [adult(MOTHER, 'viewsRecorded')]: null }),
    subject: MOTHER,
  },
  'derby/child-views-recorded': { fact: child(SUBJECT, 'viewsRecorded'), subject: SUBJECT },
  'derby/analysis-minimum': { fact: 'analysis.impactOnChild' },
  'derby/analysis-each-child': { fact: child(SIBLING, 'analysisRecorded'), subject: SIBLING },
  'derby/recommendation-threshold': { fact: 'recommendation.thresholdConsidered' },
  'derby/manager-threshold-comment': { fact: 'manager.thresholdCommented' },
  'derby/outcome-decided': { fact: 'outcome.decision' },
  'derby/consent-for-support': { fact: 'outcome.parentalConsentForSupport' },
  'derby/interpreter-for-sharing': { fact: 'household.interpreterUsed' },
  'derby/manager-endorsed-plan': { fact: 'dates.managerPlanEndorsed' },
  'derby/safety-advice-adherence': { fact: 'safetyAdvice.adherenceRecorded' },
  'derby/recommendation-agreed-with-manager': { fact: 'recommendation.agreedWithManager' },
  'derby/plan-of-action': { fact: 'outcome.planOfActionRecorded' },
  'derby/consent-withheld-agencies-told': {
    fact: 'consent.sharedWithoutConsent',
    blank: withFacts(complete, { 'consent.sharedWithoutConsent': true, 'consent.withoutConsentManagerDiscussed': true, 'consent.withoutConsentReasonRecorded': true }),
  },
  'derby/threshold-considered-not-seen': {
    fact: 'dates.section47Start',
    blank: withFacts(complete, { 'dates.section47Start': '2026-09-15T14:00:00+01:00', [`children[${SUBJECT}].seenDates`]: [{ date: '2026-09-18', alone: true }] }),
  },
  'derby/conference-report': { fact: 'childProtection.conferenceDecided', blank: withFacts(complete, { 'childProtection.conferenceDecided': true }) },
  'derby/advocate-for-conference': {
    fact: 'childProtection.conferenceDecided',
    blank: withFacts(complete, { 'childProtection.conferenceDecided': true, [`children[${SUBJECT}].advocateConsidered`]: null }),
    unread: withoutFact(withFacts(complete, { [`children[${SUBJECT}].advocateConsidered`]: null }), 'childProtection.conferenceDecided'),
  },
  'national/cin-census-at-assessment-end': { fact: 'census.factorsAtAssessment' },
  'derby/outcome-shared-with-family': { fact: 'outcome.sharedWithFamilyInWriting' },
  'derby/outcome-shared-with-referrer': { fact: 'outcome.sharedWithReferrer' },
  'derby/outcome-shared-with-agencies': { fact: 'outcome.sharedWithAgencies' },
};

describe('readiness: taking one required fact away blocks sign-off', () => {
  it('covers every required check in the pack', () => {
    const required = pack.rules.filter((r) => r.kind === 'check' && r.severity === 'required').map((r) => r.id);
    expect(Object.keys(REQUIRED_FACTS).sort()).toEqual(required.sort());
  });

  for (const [ruleId, { fact, blank, unread, subject }] of Object.entries(REQUIRED_FACTS)) {
    it(`${ruleId}: ${fact} blank → missing, blocking`, () => {
      const evaluation = run(blank ?? withFacts(complete, { [fact]: null }));
      expect(evaluation.ready.ready).toBe(false);
      const item = evaluation.ready.blocking.find((b) => b.ruleId === ruleId && b.status === 'missing');
      expect(item).toBeDefined();
      if (subject) expect(item?.subject?.id).toBe(subject);
    });

    it(`${ruleId}: ${fact} not read yet → unknown, blocking (never missing)`, () => {
      const evaluation = run(unread ?? withoutFact(complete, fact));
      expect(evaluation.ready.ready).toBe(false);
      const items = evaluation.ready.blocking.filter((b) => b.ruleId === ruleId);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((b) => b.status === 'unknown')).toBe(true);
      if (subject) expect(items.some((b) => b.subject?.id === subject)).toBe(true);
      expect(evaluation.findings.some((f) => f.status === 'missing')).toBe(false);
    });
  }
});

describe('readiness: what does not block', () => {
  it('an expected step still open is shown but does not block; a Practice Trigger is a prompt', () => {
    const evaluation = run(withFacts(complete, { 'background.previousAreasChecked': null, [child(SIBLING, 'bedroomSeen')]: false }));
    expect(evaluation.ready.ready).toBe(true);
    expect(evaluation.ready.expected.map((f) => f.ruleId)).toEqual(['derby/other-agencies-consulted']);
    // 2.6 Practice Triggers: "See every child's bedroom": a question shown beside the form, never missing.
    expect(evaluation.prompts.map((p) => p.ruleId)).toContain('derby/every-bedroom-seen');
  });

  it('prompts never block and are never findings', () => {
    const evaluation = run(allBlank);
    const promptIds = new Set(pack.rules.filter((r) => r.kind === 'prompt').map((r) => r.id));
    expect(evaluation.ready.blocking.some((b) => promptIds.has(b.ruleId))).toBe(false);
    expect(evaluation.findings.some((f) => promptIds.has(f.ruleId))).toBe(false);
  });

  it('an assessment still in progress and on time has no countdown blocking', () => {
    const evaluation = run(inProgressDerbyRecord);
    expect(evaluation.countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days')?.status).toBe('on-track');
    expect(evaluation.ready.blocking.filter((b) => b.kind === 'countdown')).toEqual([]);
  });
});

describe('readiness: missed deadlines', () => {
  const late = withFacts(complete, { 'dates.completed': '2026-11-18' });

  it('a late assessment with no reason recorded blocks, with the countdown and the reason check', () => {
    const evaluation = run(late);
    expect(evaluation.ready.ready).toBe(false);
    expect(evaluation.ready.blocking.map((b) => `${b.ruleId}:${b.status}`).sort()).toEqual([
      'derby/assessment-45-working-days:met-late',
      'derby/timescale-exceeded-reason:missing',
    ]);
  });

  it('recording the reason lets it be signed off', () => {
    const evaluation = run(withFacts(late, { 'timescale.exceededReasonRecorded': true }));
    expect(evaluation.ready.ready).toBe(true);
  });
});

describe('three states across the whole pack', () => {
  it('nothing read yet: nothing is called missing, and it is not ready', () => {
    const evaluation = run(nothingRead);
    expect(evaluation.findings.filter((f) => f.status === 'missing')).toEqual([]);
    expect(evaluation.countdowns.filter((c) => c.status === 'missing' || c.status === 'overdue')).toEqual([]);
    expect(evaluation.findings.filter((f) => f.error)).toEqual([]);
    expect(evaluation.ready.ready).toBe(false);
    const required = pack.rules.filter((r) => r.kind === 'check' && r.severity === 'required').map((r) => r.id);
    for (const id of required) expect(evaluation.ready.blocking.some((b) => b.ruleId === id)).toBe(true);
  });

  it('every field blank: the steps are missing, not unknown', () => {
    const evaluation = run(allBlank);
    expect(evaluation.ready.ready).toBe(false);
    expect(evaluation.findings.filter((f) => f.error)).toEqual([]);
    const statuses = new Map<string, string[]>();
    for (const f of evaluation.findings) statuses.set(f.ruleId, [...(statuses.get(f.ruleId) ?? []), f.status]);
    for (const id of ['derby/genogram', 'derby/analysis-minimum', 'derby/outcome-decided', 'derby/parental-responsibility-established']) {
      expect(statuses.get(id)).toContain('missing');
    }
    expect(evaluation.countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days')?.status).toBe('missing');
  });
});

describe('prompts (practice triggers)', () => {
  const prompts = pack.rules.filter((r) => r.kind === 'prompt');

  it('every section with Derby practice triggers has prompts citing it', () => {
    const cited = new Set(prompts.map((p) => p.source.section));
    for (const section of ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8']) expect(cited).toContain(section);
  });

  it('prompt ids name their form section, and each is a question or a plain nudge', () => {
    // Practice Triggers that were checks keep their ids (a rule whose weight changes keeps its id).
    const keptIds = new Set(['derby/every-bedroom-seen', 'derby/parents-seen-alone']);
    for (const p of prompts) {
      if (!keptIds.has(p.id)) expect(p.id.startsWith(`derby/prompt-${p.section}-`), p.id).toBe(true);
      expect(p.message).toMatch(/\?|\.$/);
      expect(p.message.length).toBeLessThanOrEqual(200);
    }
  });

  it('shows the 2.6 parental factors that are ticked, and not the others', () => {
    const shown = run(complete).prompts.map((p) => p.ruleId);
    expect(shown).toContain('derby/prompt-profile-parental-factors');
    expect(shown).toContain('derby/prompt-profile-parental-mental-health');
    expect(shown).not.toContain('derby/prompt-profile-domestic-abuse');
  });
});

describe('messages', () => {
  it('are short, plain and never paste the procedure', () => {
    for (const rule of pack.rules) {
      expect(rule.message.length, rule.id).toBeLessThanOrEqual(200);
      expect(rule.message, rule.id).not.toMatch(/\b(LCS|item|data|info)\b/);
      if (!rule.id.startsWith('national/')) expect(rule.source.label.startsWith('Derby '), rule.id).toBe(true);
    }
  });
});

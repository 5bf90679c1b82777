import { describe, expect, it } from 'vitest';
import { parseRecord, withFacts, withoutFact, type FactPath } from '../../../model';
import { evaluate } from '../../engine';
import { resolveParams, validatePack } from '../../pack';
import { DEFAULT_NOW } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshireOwnRuleIds, hertfordshirePack as pack, hertfordshirePackDoc } from './index';
import { allBlank, nothingRead } from '../../../../tests/support/hertfordshire-rules';

// The Hertfordshire checks and countdown: id → severity from the procedure's own words
// ("must", "should", "will" → required; docs/procedure-coverage.md traces each one).
const CATALOGUE: Record<string, 'required' | 'expected'> = {
  'hertfordshire/assessment-5-working-days': 'required',
  'hertfordshire/timescale-exceeded-reason': 'required',
  'hertfordshire/child-seen-alone': 'required',
  'hertfordshire/child-views-recorded': 'required',
  'hertfordshire/all-children-seen': 'required',
  'hertfordshire/home-visited-bedroom-seen': 'required',
  'hertfordshire/parents-seen-views-recorded': 'required',
  'hertfordshire/analysis-completed': 'required',
  'hertfordshire/three-domains': 'required',
  'hertfordshire/strengths-considered': 'required',
  'hertfordshire/evidence-for-decisions': 'required',
  'hertfordshire/statutory-questions-answered': 'required',
  'hertfordshire/outcome-decided': 'required',
  'hertfordshire/nrm-referral': 'required',
  'hertfordshire/risk-outside-home': 'required',
  'hertfordshire/outcome-shared-with-family': 'required',
  // Owed only to a professional referrer, which no case system records: shown, never blocks.
  'hertfordshire/outcome-shared-with-referrer': 'expected',
  'hertfordshire/outcome-shared-with-agencies': 'required',
  'hertfordshire/chronology': 'required',
  'hertfordshire/differences-in-views': 'expected',
  'hertfordshire/supervision-review': 'required',
  // Obligations the first reading missed (docs/procedure-coverage.md).
  'hertfordshire/plan-agreed-by-participants': 'required',
  'hertfordshire/case-direction-timescales': 'required',
  'hertfordshire/progress-circulated': 'required',
  'hertfordshire/each-child-assessed-separately': 'required',
  'hertfordshire/plan-of-action': 'required',
};

// The procedure's prompts the catalogue asks for (section 2's planning questions, section 3's
// "should establish" list, section 5's escalation route, section 8's readable record).
const CATALOGUE_PROMPTS = [
  'who-undertakes',
  'who-involved',
  'grouping',
  'services-during',
  'ethnicity-disability',
  'methods-tools',
  'what-is-known',
  'other-sources',
  'timescales',
  'recording',
  'analysis-plan',
  'outcomes-planning',
  'nature-and-impact',
  'needs-and-risk',
  'how-concerns-arose',
  'child-in-need',
  'abuse-or-neglect',
  'wider-family-community',
  'urgent-action',
  'exploitation',
  'modern-slavery',
  'radicalisation',
  'professional-disagreement',
  'child-readable-record',
].map((name) => `hertfordshire/prompt-${name}`).concat([
  // Section 2's consent and communication questions keep the ids they had as checks: a planning question is a prompt.
  'hertfordshire/consent-obtained',
  'hertfordshire/communication-needs',
]);

describe('the Hertfordshire pack', () => {
  it('passes the pack meta-checks (ids, sections, sources, plain messages)', () => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('has every catalogue rule with the catalogue’s severity', () => {
    for (const [id, severity] of Object.entries(CATALOGUE)) {
      const rule = pack.rules.find((r) => r.id === id);
      expect(rule, id).toBeDefined();
      expect(rule?.severity, id).toBe(severity);
    }
    const countdowns = own.filter((r) => r.kind === 'countdown').map((r) => r.id);
    expect(countdowns).toEqual(['hertfordshire/assessment-5-working-days']);
    const checks = own.filter((r) => r.kind === 'check').map((r) => r.id);
    expect(new Set(checks)).toEqual(new Set(Object.keys(CATALOGUE).filter((id) => !countdowns.includes(id))));
  });

  it('has the catalogue’s prompts, and nothing else besides checks and the countdown', () => {
    const prompts = pack.rules.filter((r) => r.kind === 'prompt').map((r) => r.id);
    for (const id of CATALOGUE_PROMPTS) expect(prompts, id).toContain(id);
    for (const id of prompts) if (!CATALOGUE_PROMPTS.includes(id)) expect(id).toMatch(/^hertfordshire\/prompt-[a-z-]+$/);
  });

  // The national layer's rules cite Working Together and the census, tested in lib/rules/national.
  const own = pack.rules.filter((r) => r.id.startsWith('hertfordshire/'));

  it('cites a Hertfordshire section on every rule', () => {
    for (const rule of own) {
      expect(rule.source.label, rule.id).toMatch(/^Hertfordshire \d+( and \d+)?$/);
      expect(rule.source.label.replace(' and ', ', ')).toBe(`Hertfordshire ${rule.source.section}`);
    }
  });

  it('writes messages without jargon words or pasted passages', () => {
    for (const rule of pack.rules) {
      expect(rule.message.length, rule.id).toBeLessThanOrEqual(160);
      expect(rule.message, rule.id).not.toMatch(/\b(item|data|info|must be based|should to)\b/i);
    }
  });

  it('holds in hertfordshire.json the obligations the shared England base expresses, and codes the rest', () => {
    // hertfordshire.json over the base: the timescale, its reasons, the plan agreed, the outcome shared.
    expect(hertfordshirePackDoc.rules.map((r) => `${r.id}: ${r.use}`)).toEqual([
      'assessment-5-working-days: assessment-timescale',
      'timescale-exceeded-reason: timescale-exceeded-reason',
      'plan-agreed-by-participants: plan-agreed',
      'outcome-shared-with-family: outcome-shared',
    ]);
    // Every other base rule is switched off with its reason (kept coded, or not in Hertfordshire's text).
    expect(hertfordshirePackDoc.off.map((o) => o.use).sort()).toEqual(['child-seen-alone-within', 'child-seen-within', 'child-views', 'consent', 'manager-endorsement', 'review-if-beyond', 'review-point']);
    // Its practice prompts with no condition are written there too; those shown only when something is recorded stay coded.
    expect(hertfordshirePackDoc.prompts).toHaveLength(28);
    const fromJson = [...hertfordshirePackDoc.rules, ...hertfordshirePackDoc.prompts].map((r) => `hertfordshire/${r.id}`);
    expect(own.map((r) => r.id).filter((id) => !fromJson.includes(id))).toEqual(hertfordshireOwnRuleIds);
  });

  it('defaults its parameters to the procedure’s figures and refuses unknown ones', () => {
    expect(resolveParams(pack, {})).toEqual({ ok: true, params: { assessmentWorkingDays: 5, viewsFromAge: 2, dueSoonWorkingDays: 2 } });
    expect(resolveParams(pack, { assessmentWorkingDays: 10 })).toMatchObject({ ok: true, params: { assessmentWorkingDays: 10 } });
    const bad = resolveParams(pack, { assessmentWorkingDay: 10 });
    expect(bad.ok).toBe(false);
    expect(resolveParams(pack, { assessmentWorkingDays: 0 }).ok).toBe(false);
  });
});

describe('readiness for sign-off', () => {
  it('the complete record passes the schema', () => {
    expect(parseRecord(complete).ok).toBe(true);
    expect(parseRecord(allBlank).ok).toBe(true);
  });

  it('the complete record is ready, with every check met', () => {
    const evaluation = evaluate(complete, pack, DEFAULT_NOW);
    expect(evaluation.ready).toEqual({ ready: true, blocking: [], expected: [] });
    expect(evaluation.countdowns.map((c) => c.status)).toEqual(['met-on-time', 'not-applicable']);
    const notMet = evaluation.findings.filter((f) => f.status !== 'met').map((f) => f.ruleId);
    // Only the "timescale exceeded" check, which does not apply when the work was on time.
    expect(notMet).toEqual(['hertfordshire/timescale-exceeded-reason']);
  });

  // One fact per required check, in the order a worker would meet them.
  const REQUIRED_FACTS: Array<[string, FactPath]> = [
    ['hertfordshire/nrm-referral', 'referrals.nationalReferralMechanism'],
    ['hertfordshire/child-seen-alone', 'children[C1].seenDates'],
    ['hertfordshire/all-children-seen', 'children[C2].includedInAssessment'],
    ['hertfordshire/home-visited-bedroom-seen', 'household.homeVisited'],
    ['hertfordshire/chronology', 'background.chronologyUpdated'],
    ['hertfordshire/child-views-recorded', 'children[C1].viewsRecorded'],
    ['hertfordshire/parents-seen-views-recorded', 'adults[A2].viewsRecorded'],
    ['hertfordshire/analysis-completed', 'analysis.impactOnChild'],
    ['hertfordshire/three-domains', 'analysis.domains.parentingCapacity'],
    ['hertfordshire/strengths-considered', 'analysis.strengths'],
    ['hertfordshire/evidence-for-decisions', 'recommendation.recorded'],
    ['hertfordshire/risk-outside-home', 'analysis.riskOutsideHomeConsidered'],
    ['hertfordshire/statutory-questions-answered', 'outcome.significantHarmSuspected'],
    ['hertfordshire/outcome-decided', 'outcome.decision'],
    ['hertfordshire/outcome-shared-with-family', 'outcome.sharedWithFamilyInWriting'],
  ];

  for (const [ruleId, path] of REQUIRED_FACTS) {
    it(`blanking ${path} blocks sign-off through ${ruleId}`, () => {
      const { ready } = evaluate(withFacts(complete, { [path]: null }), pack, DEFAULT_NOW);
      expect(ready.ready).toBe(false);
      expect(ready.blocking.map((b) => [b.ruleId, b.status])).toContainEqual([ruleId, 'missing']);
    });
    it(`not having read ${path} blocks sign-off through ${ruleId} as unknown, not missing`, () => {
      const { ready } = evaluate(withoutFact(complete, path), pack, DEFAULT_NOW);
      expect(ready.ready).toBe(false);
      expect(ready.blocking.map((b) => [b.ruleId, b.status])).toContainEqual([ruleId, 'unknown']);
      expect(ready.blocking.every((b) => b.status === 'unknown')).toBe(true);
    });
  }

  it('an overdue assessment blocks sign-off until the reason is recorded', () => {
    const overdue = withFacts(complete, { 'dates.referral': '2026-11-13', 'dates.completed': null });
    const before = evaluate(overdue, pack, DEFAULT_NOW).ready;
    expect(before.ready).toBe(false);
    expect(before.blocking.map((b) => [b.ruleId, b.status])).toEqual([
      ['hertfordshire/timescale-exceeded-reason', 'missing'],
      ['hertfordshire/assessment-5-working-days', 'overdue'],
    ]);
    const after = evaluate(withFacts(overdue, { 'timescale.exceededReasonRecorded': true }), pack, DEFAULT_NOW).ready;
    expect(after.ready).toBe(true);
  });

  it('a blank referral date blocks sign-off (the timescale cannot be checked)', () => {
    const { ready } = evaluate(withFacts(complete, { 'dates.referral': null }), pack, DEFAULT_NOW);
    expect(ready.ready).toBe(false);
    expect(ready.blocking.map((b) => [b.ruleId, b.status, b.field])).toEqual([
      ['hertfordshire/timescale-exceeded-reason', 'unknown', 'dates.referral'],
    ]);
  });

  it('before anything is read, nothing is called missing', () => {
    const evaluation = evaluate(nothingRead, pack, DEFAULT_NOW);
    expect(evaluation.ready.ready).toBe(false);
    const statuses = new Set([...evaluation.findings, ...evaluation.countdowns].map((f) => f.status));
    expect(statuses).toEqual(new Set(['unknown']));
  });

  it('with every field blank, no check is met', () => {
    const evaluation = evaluate(allBlank, pack, DEFAULT_NOW);
    const met = evaluation.findings.filter((f) => f.status === 'met').map((f) => f.ruleId);
    expect(met).toEqual([]);
    expect(evaluation.ready.ready).toBe(false);
  });
});

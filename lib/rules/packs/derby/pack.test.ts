// Derby is a council pack over the shared England base as far as the base goes: derby.json holds
// the obligations the base expresses and the prompts with no condition; Derby's own rules stay
// coded beside it. Derby's settings (params.ts) still reach every rule, the JSON's too.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../../tests/support/rule-tester';
import { inProgressDerbyRecord as inProgress, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { ruleOrigins } from '../../council/coverage';
import { derbyOwnRuleIds, derbyPack as pack, derbyPackDoc } from './index';
import { DerbyParamsSchema } from './params';

describe('Derby: derby.json over the base, with its own coded rules beside it', () => {
  it('takes from the base the 45 working days, the 5-working-day seen-alone clock, the reasons, the plan agreed, the manager’s endorsement, the child’s views and the outcome shared', () => {
    expect(Object.fromEntries(derbyPackDoc.rules.map((r) => [r.id, r.use]))).toEqual({
      'assessment-45-working-days': 'assessment-timescale',
      'child-seen-alone-5-working-days': 'child-seen-alone-within',
      'timescale-exceeded-reason': 'timescale-exceeded-reason',
      'assessment-plan-agreed-in-writing': 'plan-agreed',
      'manager-endorsed-plan': 'manager-endorsement',
      'child-views-recorded': 'child-views',
      'outcome-shared-with-family': 'outcome-shared',
    });
  });

  it('every rule comes from derby.json, from Derby’s own code, or from the national layer, and from one only', () => {
    const origins = ruleOrigins(derbyPackDoc, derbyOwnRuleIds);
    const jsonIds = [...derbyPackDoc.rules, ...derbyPackDoc.prompts].map((r) => `derby/${r.id}`);
    expect(jsonIds.filter((id) => derbyOwnRuleIds.includes(id))).toEqual([]);
    for (const rule of pack.rules) expect(origins.get(rule.id) ?? (rule.id.startsWith('national/') ? 'national' : undefined), rule.id).toBeDefined();
    expect(origins.get('derby/manager-endorsed-plan')).toBe('derby.json over the base’s `manager-endorsement`');
    expect(derbyOwnRuleIds).toContain('derby/child-seen-alone-24-hours-s47');
    expect(derbyOwnRuleIds).toContain('derby/consent-to-share');
    expect(derbyOwnRuleIds).not.toContain('derby/assessment-45-working-days');
  });

  it('keeps params.ts as its settings, and they reach the JSON’s rules', () => {
    expect(pack.paramsSchema).toBe(DerbyParamsSchema);
    // Referral Monday 2 November 2026, no decision date: 45 working days by default, 10 when set.
    expect(statusOf(pack, 'derby/assessment-45-working-days', inProgress).countdown?.due).toBe('2027-01-07');
    const ten = DerbyParamsSchema.parse({ assessmentWorkingDays: 10 });
    expect(statusOf(pack, 'derby/assessment-45-working-days', inProgress, undefined, ten).countdown?.due).toBe('2026-11-16');
    // Seen alone on Thursday 5 November: on time within 5 working days, late within 2.
    expect(statusOf(pack, 'derby/child-seen-alone-5-working-days', inProgress).countdown?.status).toBe('met-on-time');
    const two = DerbyParamsSchema.parse({ childSeenAloneWorkingDays: 2 });
    expect(statusOf(pack, 'derby/child-seen-alone-5-working-days', inProgress, undefined, two).countdown?.status).toBe('met-late');
    // Views asked from 18: no child here is old enough, so none is owed.
    const adults = DerbyParamsSchema.parse({ viewsFromAge: 18 });
    const views = statusOf(pack, 'derby/child-views-recorded', inProgress, undefined, adults).findings;
    expect(views.find((f) => f.subject?.id === SUBJECT)?.status ?? 'not-applicable').toBe('not-applicable');
  });
});

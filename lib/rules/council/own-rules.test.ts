// A council pack in JSON with the council's own coded rules beside it (loadCouncilPackWithOwnRules):
// the JSON's rules over the base and the own rules make one pack, in the order given, with the own
// settings; a mistake in the joining is refused with its path, like a mistake in the JSON.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withFacts } from '../../model';
import { evaluate } from '../engine';
import { defineRule } from '../pack';
import { has } from '../conditions';
import { completeHertfordshireRecord } from '../../../tests/fixtures/records/hertfordshire-records';
import { src, testshire } from '../../../tests/support/testshire';
import { fromPack, loadCouncilPackWithOwnRules, type OwnRules } from './load';

const doc = testshire({
  settings: { assessmentWorkingDays: { default: 10, min: 1, max: 60, says: 'Testshire 1: the assessment is completed within 10 working days' } },
  rules: [
    { id: 'assessment-10-working-days', use: 'assessment-timescale', severity: 'required', figures: { workingDays: { setting: 'assessmentWorkingDays' } }, source: src('within 10 working days') },
    { id: 'plan-agreed', use: 'plan-agreed', severity: 'required', source: src('agree the plan with the family') },
  ],
  prompts: [{ id: 'prompt-plan-smart', section: 'plan', message: 'Make the assessment plan specific and timed.', source: src('SMART plans') }],
});

const ParamsSchema = z.strictObject({
  assessmentWorkingDays: z.number().int().min(1).max(60).default(10),
  /** A setting only the own rules use. */
  genogramFromAge: z.number().int().min(0).max(18).default(0),
});
type Params = z.infer<typeof ParamsSchema>;

const genogram = defineRule<Params>({
  id: 'testshire/genogram',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: { label: 'Testshire 2', section: '2', passage: 'The genogram should be completed' },
  message: 'Complete the genogram with the family.',
  check: ({ record }) => has(record.background?.genogram, 'background.genogram'),
});

function load(own: OwnRules<Params>, json: unknown = doc) {
  return loadCouncilPackWithOwnRules(json, own);
}

function errorsOf(own: OwnRules<Params>, json: unknown = doc): string[] {
  const result = load(own, json);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('loadCouncilPackWithOwnRules', () => {
  it('joins the JSON’s rules and the own rules in the order given, the national layer last', () => {
    const result = load({ rules: [fromPack('plan-agreed'), genogram, fromPack('assessment-10-working-days')], paramsSchema: ParamsSchema });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ids = result.pack.rules.map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual(['testshire/prompt-plan-smart', 'testshire/plan-agreed', 'testshire/genogram', 'testshire/assessment-10-working-days']);
    expect(ids.slice(4).every((id) => id.startsWith('national/'))).toBe(true);
    expect(result.own).toEqual(['testshire/genogram']);
    expect(result.pack.id).toBe('testshire');
    expect(result.pack.paramsSchema.parse({})).toEqual({ assessmentWorkingDays: 10, genogramFromAge: 0 });
  });

  it('without places, the JSON’s rules come first and then the own rules; the JSON’s settings when no schema is given', () => {
    const result = load({ rules: [genogram] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pack.rules.slice(0, 4).map((r) => r.id)).toEqual(['testshire/assessment-10-working-days', 'testshire/plan-agreed', 'testshire/prompt-plan-smart', 'testshire/genogram']);
    expect(result.pack.paramsSchema.parse({})).toEqual({ assessmentWorkingDays: 10 });
  });

  it('runs a JSON rule with the own settings: a changed setting moves the due date', () => {
    const result = load({ rules: [genogram], paramsSchema: ParamsSchema });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const record = withFacts({ ...completeHertfordshireRecord, pack: 'testshire' }, { 'dates.completed': null, 'dates.authorised': null });
    const due = (params?: Params) =>
      evaluate(record, result.pack, '2026-11-17T09:00:00Z', params ? { params } : {}).countdowns.find((c) => c.ruleId === 'testshire/assessment-10-working-days')?.due;
    // Decision to assess Monday 16 November 2026.
    expect(due()).toBe('2026-11-30');
    expect(due({ assessmentWorkingDays: 20, genogramFromAge: 0 })).toBe('2026-12-14');
  });

  it('refuses a mistake in the JSON with its path, as loadCouncilPack does', () => {
    expect(errorsOf({ rules: [genogram] }, { ...doc, id: 'Testshire' })[0]).toMatch(/^\$\.id: /);
  });

  it('refuses an own rule of another pack, a name the JSON already uses, and a place for a rule the JSON does not have', () => {
    const stray = { ...genogram, id: 'derby/genogram' };
    const clash = { ...genogram, id: 'testshire/plan-agreed' };
    expect(errorsOf({ rules: [stray, clash, fromPack('consent'), fromPack('plan-agreed'), fromPack('plan-agreed')], paramsSchema: ParamsSchema })).toEqual([
      '$.ownRules[0].id: expected an id starting "testshire/"',
      '$.ownRules[1].id: "testshire/plan-agreed" is also in the JSON pack: every rule needs its own name',
      '$.ownRules[2].fromPack: no rule or prompt "consent" in the JSON pack',
      '$.ownRules[4].fromPack: "plan-agreed" is placed twice',
    ]);
  });

  it('refuses own settings that disagree with the JSON’s', () => {
    const other = ParamsSchema.extend({ assessmentWorkingDays: z.number().int().min(1).max(60).default(45) });
    expect(errorsOf({ rules: [genogram], paramsSchema: other })).toEqual(['$.settings.assessmentWorkingDays: the own rules’ settings give 45 where the JSON gives 10']);
    const wider = ParamsSchema.extend({ assessmentWorkingDays: z.number().int().min(1).max(120).default(10) });
    expect(errorsOf({ rules: [genogram], paramsSchema: wider })).toEqual(['$.settings.assessmentWorkingDays: the own rules’ settings allow other values than the JSON’s 1 to 60']);
  });
});

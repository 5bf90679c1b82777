import { z } from 'zod';
import { jsonPath, type SchemaProblem } from '../model';
import { NATIONAL_PREFIX } from './national';
import { RuleMetaSchema, ruleMeta, type Pack, type Rule } from './types';

/** Typed helper so a pack file reads as data. */
export function definePack<P>(pack: Pack<P>): Pack<P> {
  return pack;
}

export function defineRule<P>(rule: Rule<P>): Rule<P> {
  return rule;
}

/** Checks a pack's data: every rule's metadata, ids unique and prefixed with the pack id. */
export function validatePack<P>(pack: Pack<P>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  pack.rules.forEach((rule, index) => {
    const result = RuleMetaSchema.safeParse(ruleMeta(rule as Rule));
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ path: jsonPath(['rules', index, ...issue.path]), message: issue.message });
    }
    if (seen.has(rule.id)) problems.push({ path: jsonPath(['rules', index, 'id']), message: `duplicate rule id ${rule.id}` });
    seen.add(rule.id);
    // A pack's own rules start with its id; the national layer's rules, shared by every pack, with "national/".
    if (!rule.id.startsWith(`${pack.id}/`) && !rule.id.startsWith(NATIONAL_PREFIX)) {
      problems.push({ path: jsonPath(['rules', index, 'id']), message: `rule ids in this pack start with "${pack.id}/"` });
    }
  });
  return problems;
}

/** A council's overrides of a pack's parameters, validated; unknown keys are refused. */
export function resolveParams<P>(pack: Pack<P>, overrides: unknown = {}): { ok: true; params: P } | { ok: false; problems: SchemaProblem[] } {
  const result = (pack.paramsSchema as z.ZodType<P>).safeParse(overrides ?? {});
  if (result.success) return { ok: true, params: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}

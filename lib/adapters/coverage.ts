// Coverage: which facts a field map can read at all. A rule that needs a fact the map
// never reads is "not checked with this case system" (it would otherwise stay "not read
// yet" for ever, sending the worker to a part of the form that will never show it).

import type { AssessmentRecord } from '../model';
import { SCHEMA_VERSION } from '../model/record';
import { evaluate, genericPath } from '../rules/engine';
import type { Pack } from '../rules/types';
import type { FieldMap } from './field-map-schema';

const readable = new WeakMap<FieldMap, Set<string>>();

/** The generic fact paths a map reads: its entries, its groups' entries, and the facts its roles give. */
export function factsRead(map: FieldMap): Set<string> {
  let facts = readable.get(map);
  if (facts) return facts;
  facts = new Set<string>();
  if (map.page.personId) facts.add('personId');
  for (const f of map.fields ?? []) facts.add(f.fact);
  for (const g of map.groups ?? []) {
    for (const f of g.fields) facts.add(f.fact);
    const lists = typeof g.people === 'string' ? [g.people] : Object.values(g.people.roles).map((r) => r.group);
    for (const list of lists) facts.add(`${list}[]`);
    if (typeof g.people !== 'string') for (const role of Object.values(g.people.roles)) for (const key of Object.keys(role.facts ?? {})) facts.add(`${role.group}[].${key}`);
    // A child listed by a map that never reads it counts as included (groups.ts).
    if (lists.includes('children')) facts.add('children[].includedInAssessment');
  }
  readable.set(map, facts);
  return facts;
}

/** Can the map read this fact (a generic or concrete path, or a part holding facts, like `concerns`)? */
export function mapReads(map: FieldMap): (path: string) => boolean {
  const facts = factsRead(map);
  return (path) => {
    const p = genericPath(path);
    if (facts.has(p)) return true;
    for (const f of facts) if (f.startsWith(`${p}.`) || f.startsWith(`${p}[`)) return true;
    return false;
  };
}

export interface RuleCoverage {
  ruleId: string;
  /** The fact the rule needs that the map never reads. */
  needs?: string;
}

export interface CoverageReport {
  factsRead: string[];
  checkable: RuleCoverage[];
  notCheckable: RuleCoverage[];
}

/**
 * What a pack can check with this map: each rule is tried on a record that knows nothing
 * but one child and one adult; a rule still waiting for a fact the map never reads cannot
 * be checked with this case system.
 */
export function coverageReport<P>(map: FieldMap, pack: Pack<P>): CoverageReport {
  const probe: AssessmentRecord = {
    schema: SCHEMA_VERSION,
    caseSystem: map.caseSystem,
    assessmentId: 'coverage',
    children: [{ id: 'C', isSubject: true }],
    adults: [{ id: 'A' }],
  } as AssessmentRecord;
  const evaluation = evaluate(probe, pack, new Date(), { reads: mapReads(map) });
  const needs = new Map<string, string | undefined>();
  for (const item of [...evaluation.countdowns, ...evaluation.findings]) {
    const had = needs.get(item.ruleId);
    if (item.notCheckedHere && item.field) needs.set(item.ruleId, genericPath(item.field));
    else if (!needs.has(item.ruleId)) needs.set(item.ruleId, had);
  }
  for (const rule of pack.rules) if (rule.kind !== 'prompt' && !needs.has(rule.id)) needs.set(rule.id, undefined);
  const checkable: RuleCoverage[] = [];
  const notCheckable: RuleCoverage[] = [];
  for (const [ruleId, fact] of needs) (fact ? notCheckable : checkable).push(fact ? { ruleId, needs: fact } : { ruleId });
  return { factsRead: [...factsRead(map)].sort(), checkable, notCheckable };
}

// Coverage: which facts a field map can read at all. A rule that needs a fact the map
// never reads is "not checked with this case system" (it would otherwise stay "not read
// yet" for ever, sending the worker to a part of the form that will never show it).

import { applyFacts, emptyRecord, knownFactPaths, readFact, withoutFact, type AssessmentRecord, type FactUpdate } from '../model';
import { evaluate, genericPath } from '../rules/engine';
import type { Evaluation, Pack } from '../rules/types';
import { notCheckedHereItems } from './checks';
import type { FieldMap } from '../adapters/field-map-schema';

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
  /** The facts the step waits for that the map never reads, e.g. "dates.icpc". */
  needs?: string;
  /** The child or adult it concerns, when it concerns one. */
  subject?: string;
  /** The step in words. */
  message?: string;
}

export interface CoverageReport {
  factsRead: string[];
  /** Rules (not prompts) with nothing "not checked with this case system". */
  checkable: RuleCoverage[];
  /** Each step not checked with this case system: the same list, and count, the panel shows. */
  notCheckable: RuleCoverage[];
}

// Who the probe's people are, so steps for a subject child and a parent are tried.
const PROBE_PERSON: Record<string, true> = { 'children[].isSubject': true, 'children[].includedInAssessment': true, 'adults[].role': true };

/**
 * A record as if every section had been read and left blank: every fact the map reads is
 * there (null), for one child and one adult. What still waits for a fact then is what the
 * case system never records.
 */
export function everySectionRead(map: FieldMap): AssessmentRecord {
  const base: AssessmentRecord = { ...emptyRecord(map.caseSystem, 'coverage'), children: [{ id: 'C', isSubject: true, includedInAssessment: true }], adults: [{ id: 'A', role: 'mother' }] };
  const updates: FactUpdate[] = [];
  for (const fact of factsRead(map)) {
    if (fact === 'personId' || fact.endsWith('[]') || fact in PROBE_PERSON) continue;
    updates.push({ path: fact.replace('children[]', 'children[C]').replace('adults[]', 'adults[A]'), value: null });
  }
  return applyFacts(base, updates).record;
}

/**
 * What a pack can check with this map, worked out from an evaluation made with the map's
 * reads (the panel's own, or the record a saved page gives). With no evaluation, from a
 * record as if every section had been read blank. Its list is `notCheckedHereItems`: the
 * panel, the print and this report cannot differ.
 */
export function coverageReport<P>(map: FieldMap, pack: Pack<P>, evaluation?: Evaluation): CoverageReport {
  const e = evaluation ?? evaluate(everySectionRead(map), pack, new Date(), { reads: mapReads(map) });
  const notCheckable: RuleCoverage[] = notCheckedHereItems(e).map((item) => ({
    ruleId: item.ruleId,
    ...(item.needs?.length ? { needs: item.needs.join(', ') } : item.field ? { needs: genericPath(item.field) } : {}),
    ...(item.subject ? { subject: item.subject.label } : {}),
    message: 'name' in item && item.name ? item.name : item.message,
  }));
  const unchecked = new Set(notCheckable.map((r) => r.ruleId));
  const checkable = pack.rules.filter((r) => r.kind !== 'prompt' && !unchecked.has(r.id)).map((r) => ({ ruleId: r.id }));
  return { factsRead: [...factsRead(map)].sort(), checkable, notCheckable };
}

/**
 * The record as this map could have read it: every fact the map never reads is taken out
 * (not read yet), so a record written by hand or read with another map gives the verdict
 * this council's case system allows. Also says which facts held a value and were taken out.
 */
export function asThisMapReads(record: AssessmentRecord, map: FieldMap): { record: AssessmentRecord; dropped: string[] } {
  const reads = mapReads(map);
  const dropped: string[] = [];
  let next = record;
  for (const generic of knownFactPaths()) {
    if (reads(generic)) continue;
    const group = generic.startsWith('children[]') ? 'children' : generic.startsWith('adults[]') ? 'adults' : undefined;
    const paths = group ? (next[group] ?? []).map((p) => generic.replace('[]', `[${p.id}]`)) : [generic];
    for (const path of paths) {
      if (readFact(next, path) === undefined) continue;
      dropped.push(path);
      next = withoutFact(next, path);
    }
  }
  for (const group of ['children', 'adults'] as const) {
    if (next[group] === undefined || reads(group)) continue;
    dropped.push(group);
    const { [group]: _gone, ...rest } = next;
    next = rest as AssessmentRecord;
  }
  if (next.provenance && dropped.length > 0) {
    const provenance = Object.fromEntries(Object.entries(next.provenance).filter(([p]) => reads(genericPath(p))));
    next = { ...next, provenance };
  }
  return { record: next, dropped };
}

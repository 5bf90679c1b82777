// Pure sorting and grouping of findings for the panel: no Preact, so it can be tested on its own.
import type { FormSection } from '../lib/model/section-names';
import type { CountdownResult, Evaluation, Finding, Severity, Subject } from '../lib/rules/types';
import { deadlinesInOrder } from '../lib/verdict/headline';
import { SECTION_NAMES, sectionName } from './format';

/** Anything the panel lists against a section and (maybe) a child or adult. */
export interface Listed {
  ruleId: string;
  section: FormSection;
  severity: Severity;
  subject?: Subject;
  field?: string;
}

export interface SubjectGroup<T> {
  key: string;
  /** The child's or adult's label, or null for steps about the assessment as a whole. */
  subject: Subject | null;
  items: T[];
}

export interface SectionGroup<T> {
  section: FormSection;
  name: string;
  subjects: SubjectGroup<T>[];
  count: number;
}

const SECTION_ORDER = Object.keys(SECTION_NAMES);

/** Form order; a section the panel does not know goes last. */
export function sectionRank(section: string): number {
  const i = SECTION_ORDER.indexOf(section);
  return i === -1 ? SECTION_ORDER.length : i;
}

function severityRank(severity: Severity): number {
  return severity === 'required' ? 0 : severity === 'expected' ? 1 : 2;
}

/** A stable key for one finding: the same rule can concern several children. */
export function itemKey(item: Listed): string {
  const who = item.subject ? `${item.subject.kind}:${item.subject.id}` : '-';
  return `${item.ruleId}|${who}|${item.field ?? ''}`;
}

/**
 * Groups by form section (form order), then by child or adult (the assessment as a whole first,
 * then children, then adults, each in the order `order` first names them), required before good
 * practice within each.
 */
export function groupBySectionAndSubject<T extends Listed>(items: readonly T[], order: readonly Listed[] = items): SectionGroup<T>[] {
  // Children (and adults) in the order the whole evaluation first names them, which follows the
  // record's order, so a child does not jump about as steps get done.
  const rank = new Map<string, number>();
  for (const o of order) {
    if (!o.subject) continue;
    const key = `${o.subject.kind}:${o.subject.id}`;
    if (!rank.has(key)) rank.set(key, rank.size);
  }
  const sections = new Map<FormSection, Map<string, SubjectGroup<T>>>();
  for (const item of items) {
    let subjects = sections.get(item.section);
    if (!subjects) {
      subjects = new Map();
      sections.set(item.section, subjects);
    }
    const key = item.subject ? `${item.subject.kind}:${item.subject.id}` : '';
    let group = subjects.get(key);
    if (!group) {
      group = { key, subject: item.subject ?? null, items: [] };
      subjects.set(key, group);
    }
    group.items.push(item);
  }
  const kindRank = (g: SubjectGroup<T>) => (g.subject === null ? 0 : g.subject.kind === 'child' ? 1 : 2);
  const orderRank = (g: SubjectGroup<T>) => rank.get(g.key) ?? rank.size;
  return [...sections.entries()]
    .sort(([a], [b]) => sectionRank(a) - sectionRank(b))
    .map(([section, subjects]) => {
      // Array.prototype.sort is stable, so "the order met" survives within each rank.
      const groups = [...subjects.values()].sort((a, b) => kindRank(a) - kindRank(b) || orderRank(a) - orderRank(b));
      for (const g of groups) g.items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
      return { section, name: sectionName(section), subjects: groups, count: groups.reduce((n, g) => n + g.items.length, 0) };
    });
}

/** Steps the record shows are not done (rules that could be checked). */
export function missingFindings(evaluation: Evaluation): Finding[] {
  return evaluation.findings.filter((f) => !f.error && f.status === 'missing' && f.severity !== 'prompt');
}

/** Steps whose facts are not read yet: never shown as missing. */
export function notReadFindings(evaluation: Evaluation): Finding[] {
  return evaluation.findings.filter((f) => !f.error && f.status === 'unknown' && f.severity !== 'prompt' && !f.notCheckedHere);
}

/** Rules that threw: shown as "could not check". */
export function failedFindings(evaluation: Evaluation): Finding[] {
  return evaluation.findings.filter((f) => Boolean(f.error));
}

/** Deadlines in force, in the headline's order (lib/verdict/headline.ts): the first one not met is the headline. */
export function countdownsInForce(evaluation: Evaluation): CountdownResult[] {
  // A deadline the case system cannot give is listed under "not checked with this case system".
  return deadlinesInOrder(evaluation.countdowns);
}

/** Sort blocking items by form section, keeping the engine's order within each. */
export function bySection<T extends { section: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => sectionRank(a.item.section) - sectionRank(b.item.section) || a.i - b.i)
    .map(({ item }) => item);
}

// Inspect mode: for each entry of the map, what it found on this page (as a shape: "date",
// "yes", "3 people", never the page's text) or why it found nothing. Built from the
// extractor's own result (its provenance and its not-found reasons), so the panel says
// exactly what `npm run extract` says. Plain code: it runs in the content script.

import type { FactValue } from '../model/facts';
import type { FormSection } from '../model/section-names';
import type { FieldMap } from './field-map-schema';
import type { ExtractResult } from './extractor';
import { plural } from '../model/words';

export type InspectState = 'found' | 'not-found' | 'not-on-page' | 'not-read';

export interface InspectEntry {
  /** The entry's id, or its JSON path in the map (`fields[3]`, `groups[0].fields[2]`). */
  entry: string;
  /** The generic fact it is for (`dates.referral`, `children[].bedroomSeen`), or `children[]` for a group's rows. */
  fact: string;
  section?: FormSection;
  state: InspectState;
  /** What it found, as a shape: "date", "yes", "blank", "3 people: 2 yes, 1 blank". */
  found?: string;
  /** Why it found nothing (or some of what it found could not be read), in plain words. */
  reasons?: string[];
  /** A concrete fact path it read, for Show me. */
  showPath?: string;
}

export interface InspectReport {
  assessmentId: string;
  sections: FormSection[];
  entries: InspectEntry[];
  /** Frames the map looks in that could not be read, with why. */
  frames: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The shape of one value, never its text: what inspect mode may show. */
export function shapeOf(value: FactValue | null, fact = ''): string {
  if (value === null) return 'blank';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'number') return 'a number';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const visits = typeof value[0] === 'object';
    return visits ? plural(value.length, 'visit', 'visits') : plural(value.length, 'item', 'items');
  }
  if (DATE.test(value)) return 'date';
  if (DATE_TIME.test(value)) return 'date and time';
  if (value === 'yes' || value === 'no' || value === 'n/a') return value;
  if (/initials$/.test(fact)) return 'initials';
  if (fact === 'personId') return 'an id';
  return 'a code';
}

/** "3 people: 2 yes, 1 blank" for a group entry; the shape alone for one value. */
function summarise(values: { path: string; value: FactValue | null }[], fact: string): string {
  if (values.length === 1 && !fact.includes('[]')) return shapeOf(values[0]?.value ?? null, fact);
  const counts = new Map<string, number>();
  for (const v of values) {
    const s = shapeOf(v.value, fact);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const people = new Set(values.map((v) => /^(children|adults)\[([^\]]*)\]/.exec(v.path)?.[2] ?? v.path)).size;
  const parts = [...counts].map(([shape, n]) => (counts.size === 1 && n === people ? shape : `${n} ${shape}`));
  return `${plural(people, 'person', 'people')}: ${parts.join(', ')}`;
}

/** "2 children, 3 adults": the people a group's rows gave. */
function peopleIn(values: readonly { path: string }[]): string {
  const ids = { children: new Set<string>(), adults: new Set<string>() };
  for (const v of values) {
    const m = /^(children|adults)\[([^\]]*)\]/.exec(v.path);
    if (m) ids[m[1] as 'children' | 'adults'].add(m[2] ?? '');
  }
  const words = [
    ids.children.size > 0 ? plural(ids.children.size, 'child', 'children') : '',
    ids.adults.size > 0 ? plural(ids.adults.size, 'adult', 'adults') : '',
  ].filter((w) => w !== '');
  return words.join(', ') || 'no people';
}

interface MapEntryInfo {
  entry: string;
  fact: string;
  section?: FormSection;
  /** Other entry names whose facts count as this one's (a group's role column). */
  also?: string[];
  hasWhen?: boolean;
  inFrame?: boolean;
  /** A group's rows: what it found is the people. */
  rows?: true;
}

function mapEntries(map: FieldMap): MapEntryInfo[] {
  const out: MapEntryInfo[] = [];
  if (map.page.personId) out.push({ entry: 'page.personId', fact: 'personId' });
  (map.groups ?? []).forEach((g, gi) => {
    const lists = typeof g.people === 'string' ? `${g.people}[]` : 'children[] / adults[]';
    const fields = g.fields.map((f, fi) => ({ entry: f.id ?? `groups[${gi}].fields[${fi}]`, fact: f.fact, section: g.section, hasWhen: f.when !== undefined, inFrame: g.frame !== undefined }));
    out.push({ entry: g.id, fact: lists, section: g.section, also: [`${g.id}.people`, `${g.id}.personId`, ...fields.map((f) => f.entry)], inFrame: g.frame !== undefined, rows: true });
    out.push(...fields);
  });
  (map.fields ?? []).forEach((f, i) => {
    out.push({
      entry: f.id ?? `fields[${i}]`,
      fact: f.fact,
      ...(f.section ? { section: f.section } : {}),
      hasWhen: f.when !== undefined,
      inFrame: f.frame !== undefined,
    });
  });
  return out;
}

/** Every entry of the map, in the map's order, with what it found on the page read. */
export function inspectRead(result: ExtractResult, map: FieldMap): InspectReport {
  const byEntry = new Map<string, { path: string; value: FactValue | null }[]>();
  for (const f of result.facts) {
    const name = result.provenance[f.path]?.mapEntry;
    if (name === undefined) continue;
    const list = byEntry.get(name) ?? [];
    list.push(f);
    byEntry.set(name, list);
  }
  const reasons = new Map<string, string[]>();
  const frames: string[] = [];
  for (const n of result.notFoundDetails) {
    if (n.fact === '') {
      frames.push(`${n.entry}: ${n.reason}`);
      continue;
    }
    const list = reasons.get(n.entry) ?? [];
    list.push(n.fact.includes('[') && !n.fact.endsWith('[]') ? `${n.fact}: ${n.reason}` : n.reason);
    reasons.set(n.entry, list);
  }
  const shown = new Set(result.sections);
  const entries = mapEntries(map).map((info): InspectEntry => {
    const base = { entry: info.entry, fact: info.fact, ...(info.section ? { section: info.section } : {}) };
    const names = [info.entry, ...(info.also ?? [])];
    const values = names.flatMap((n) => byEntry.get(n) ?? []);
    const why = (info.rows ? names.slice(0, 3) : names).flatMap((n) => reasons.get(n) ?? []).slice(0, 20);
    if (values.length > 0 && info.rows) {
      return { ...base, state: 'found', found: peopleIn(values), ...(why.length > 0 ? { reasons: why } : {}) };
    }
    if (values.length > 0) {
      const show = values.find((v) => v.value !== null) ?? values[0];
      return { ...base, state: 'found', found: summarise(values, info.fact), ...(why.length > 0 ? { reasons: why } : {}), ...(show ? { showPath: show.path } : {}) };
    }
    if (why.length > 0) return { ...base, state: 'not-found', reasons: why };
    if (info.section !== undefined && !shown.has(info.section)) return { ...base, state: 'not-on-page', reasons: [`its section (${info.section}) is not on this page`] };
    // Another entry gave this fact: one entry gives each fact on a page (the first that finds a value).
    const first = info.fact.includes('[]') ? undefined : result.provenance[info.fact]?.mapEntry;
    if (first !== undefined && first !== info.entry) return { ...base, state: 'not-read', reasons: [`${info.fact} is taken from ${first} on this page: one entry gives each fact, the first that finds a value`] };
    const reason = info.hasWhen
      ? 'not read: the fact its "when" depends on does not have the value it asks for here'
      : info.inFrame
        ? 'not read here: its frame reads itself (open the frame’s own page to inspect it)'
        : 'not read on this page';
    return { ...base, state: 'not-read', reasons: [reason] };
  });
  return { assessmentId: result.assessmentId, sections: [...result.sections], entries, frames };
}

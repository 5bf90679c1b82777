import { applyFacts, emptyRecord, parseFactPath, parseRecord, readFact, withoutFact, type AssessmentRecord, type FactUpdate, type FormSection, type Provenance } from '../model';
import type { CompanionDb } from './db';
import { deleteOrphanAcknowledgements } from './acknowledgements';
import { StoredRecordSchema, type StoredRecord } from './schema';
import { salvageRow } from './salvage';

export function recordKey(caseSystem: string, assessmentId: string): string {
  return `${caseSystem}:${assessmentId}`;
}

/** The most views of one assessment whose facts are remembered. */
export const VIEWS_KEPT = 40;

export interface MergeInput {
  caseSystem: string;
  assessmentId: string;
  personId?: string;
  section?: FormSection;
  pagePath: string;
  /**
   * Which view of the assessment the page is (lib/adapters/page-view.ts; the page path when
   * not given): what a view shows is kept under it, and only that view's reads erase it.
   */
  view?: string;
  /** The page's address (origin and path) when read in the top frame. */
  pageUrl?: string;
  facts: readonly FactUpdate[];
  provenance: Record<string, Provenance>;
  notFound?: readonly string[];
  /** True when `facts` is every fact the page shows; false when only what changed since its last read. */
  complete?: boolean;
  /** With `complete`: every fact path the page shows, when the read comes in parts and `facts` is only the first. */
  shown?: readonly string[];
  /** Paths the page showed at its last read and no longer does. */
  gone?: readonly string[];
  /** How much a read over the size limits left out. */
  cut?: { facts: number; notFound: number };
  now: number;
}

export interface MergeResult {
  stored: StoredRecord;
  rejected: Array<{ path: string; reason: string }>;
  changed: boolean;
}

/**
 * Merges one page read into the stored record, so visiting the sections one after
 * another builds the whole assessment. Runs in one read-write transaction: reads from
 * several frames at once cannot lose each other's facts.
 */
export async function mergeFacts(db: CompanionDb, input: MergeInput): Promise<MergeResult> {
  const key = recordKey(input.caseSystem, input.assessmentId);
  return db.transaction('rw', db.records, async () => {
    // A row failing the schema is salvaged (./salvage.ts), never allowed to block the assessment.
    const raw = await db.records.get(key);
    const existing = raw === undefined ? undefined : salvageRow(raw, input.now);
    const previous = existing?.record ?? emptyRecord(input.caseSystem, input.assessmentId);
    // A newer read of a fact wins: a read taken before the one stored never overwrites it.
    const updates: FactUpdate[] = input.facts.filter((f) => !olderThanStored(previous, f.path, input.provenance[f.path]));
    if (input.personId && previous.personId === undefined) updates.push({ path: 'personId', value: input.personId });
    const view = input.view ?? input.pagePath;
    const pageFacts = { ...(existing?.pageFacts ?? {}) };
    const shownBefore = pageFacts[view] ?? [];
    const shownNow = input.complete === false
      ? [...new Set([...shownBefore.filter((p) => !(input.gone ?? []).includes(p)), ...input.facts.map((f) => f.path)])]
      : input.complete === true
        ? [...new Set([...(input.shown ?? []), ...input.facts.map((f) => f.path)])]
        : [...new Set([...shownBefore, ...input.facts.map((f) => f.path)])];
    delete pageFacts[view];
    pageFacts[view] = shownNow.slice(0, 5000);
    // The views least recently read are forgotten past VIEWS_KEPT (an address with a changing part).
    for (const old of Object.keys(pageFacts).slice(0, -VIEWS_KEPT)) delete pageFacts[old];
    // A fact this view showed and no longer does goes back to not-read-yet, unless another page has read it since.
    const nowShown = new Set(shownNow);
    const gone = shownBefore.filter((p) => !nowShown.has(p) && previous.provenance?.[p]?.page === input.pagePath);
    const base = removeFacts(previous, gone);
    const applied = applyFacts(base, updates, input.provenance);
    const { rejected } = applied;
    const record = householdIdsOnly(applied.record, rejected);
    const checked = parseRecord(record);
    if (!checked.ok) throw new Error(`merged record fails the schema: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    const notFound = { ...(existing?.notFound ?? {}) };
    if (input.notFound) {
      delete notFound[view];
      notFound[view] = [...input.notFound].slice(0, 500);
      for (const old of Object.keys(notFound).slice(0, -VIEWS_KEPT)) delete notFound[old];
    }
    const cut = { ...(existing?.cut ?? {}) };
    if (input.cut) cut[input.pagePath] = input.cut;
    else if (input.complete !== false) delete cut[input.pagePath];
    const stored: StoredRecord = {
      key,
      caseSystem: input.caseSystem,
      assessmentId: input.assessmentId,
      record: checked.record,
      createdAt: Math.min(existing?.createdAt ?? input.now, input.now),
      updatedAt: input.now,
      notFound,
      pageFacts,
    };
    if (Object.keys(cut).length > 0) stored.cut = cut;
    if (existing?.salvaged) stored.salvaged = existing.salvaged;
    if (input.section) stored.lastSection = input.section;
    const pageUrl = input.pageUrl ?? existing?.pageUrl;
    if (pageUrl) stored.pageUrl = pageUrl;
    const changed = !existing || JSON.stringify(existing.record) !== JSON.stringify(checked.record);
    // An unchanged read still refreshes updatedAt (retention counts from the last visit).
    await db.records.put(StoredRecordSchema.parse(stored));
    return { stored, rejected, changed };
  });
}

/**
 * Facts that list people hold only person ids of this assessment's household: anything
 * else a page listed there (a name, a phone number) is dropped, never stored. Before the
 * household has been read nothing can be checked, so nothing is kept until it has.
 */
const PERSON_ID_LISTS = ['consent.givenBy'] as const;

function householdIdsOnly(record: AssessmentRecord, rejected: Array<{ path: string; reason: string }>): AssessmentRecord {
  const ids = new Set([...(record.children ?? []), ...(record.adults ?? [])].map((p) => p.id));
  let next = record;
  for (const path of PERSON_ID_LISTS) {
    const value = readFact(next, path);
    if (!Array.isArray(value)) continue;
    const kept = value.filter((id): id is string => typeof id === 'string' && ids.has(id));
    if (kept.length === value.length) continue;
    rejected.push({ path, reason: `${value.length - kept.length} item(s) are not person ids of this household` });
    next = applyFacts(next, [{ path, value: kept }]).record;
  }
  return next;
}

function olderThanStored(record: AssessmentRecord, path: string, incoming: Provenance | undefined): boolean {
  const stored = record.provenance?.[path]?.readAt;
  return stored !== undefined && incoming !== undefined && Date.parse(incoming.readAt) < Date.parse(stored);
}

/**
 * The record without facts a page no longer shows (and their provenance). A person left
 * with no facts at all (every page that listed them no longer does) is removed.
 */
export function removeFacts(record: AssessmentRecord, paths: readonly string[]): AssessmentRecord {
  if (paths.length === 0) return record;
  let next = record;
  const touched = new Set<string>();
  for (const path of paths) {
    const parsed = parseFactPath(path);
    if (!parsed) continue;
    next = withoutFact(next, path);
    if (parsed.group && parsed.personId) touched.add(`${parsed.group}:${parsed.personId}`);
  }
  const provenance = { ...(next.provenance ?? {}) };
  for (const path of paths) delete provenance[path];
  next = { ...next, provenance };
  for (const group of ['children', 'adults'] as const) {
    const people = next[group];
    if (!people) continue;
    const kept = people.filter((p) => !(touched.has(`${group}:${p.id}`) && Object.keys(p).every((k) => k === 'id')));
    if (kept.length !== people.length) next = { ...next, [group]: kept };
  }
  return next;
}

export async function getStored(db: CompanionDb, key: string): Promise<StoredRecord | undefined> {
  const row = await db.records.get(key);
  return row ? salvageRow(row, Date.now()) : undefined;
}

export async function getStoredMany(db: CompanionDb, keys: readonly string[]): Promise<StoredRecord[]> {
  const rows = await db.records.bulkGet([...keys]);
  const now = Date.now();
  return rows.flatMap((row) => {
    const salvaged = row ? salvageRow(row, now) : undefined;
    return salvaged ? [salvaged] : [];
  });
}

/**
 * Deletes records not visited within the retention period. Returns how many went. A read
 * time later than now (written while the clock was set fast) is brought back to now
 * first, so such a record is kept at most the retention period from today.
 */
export async function deleteExpired(db: CompanionDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * 24 * 60 * 60 * 1000;
  const deleted = await db.transaction('rw', db.records, async () => {
    await db.records.where('updatedAt').above(now).modify({ updatedAt: now });
    return db.records.where('updatedAt').below(cutoff).delete();
  });
  await deleteOrphanAcknowledgements(db);
  return deleted;
}

export async function clearAll(db: CompanionDb): Promise<void> {
  await db.records.clear();
  await db.acknowledgements.clear();
}

/** Deletes one stored assessment and its acknowledgements (options page: on request, e.g. a subject access request). */
export async function deleteAssessment(db: CompanionDb, key: string): Promise<void> {
  await db.transaction('rw', db.records, db.acknowledgements, async () => {
    await db.records.delete(key);
    await db.acknowledgements.where('recordKey').equals(key).delete();
  });
}

export interface StoreSummary {
  assessments: number;
  oldestUpdatedAt: number | null;
  newestUpdatedAt: number | null;
}

export async function summarise(db: CompanionDb): Promise<StoreSummary> {
  const assessments = await db.records.count();
  const oldest = await db.records.orderBy('updatedAt').first();
  const newest = await db.records.orderBy('updatedAt').last();
  return { assessments, oldestUpdatedAt: oldest?.updatedAt ?? null, newestUpdatedAt: newest?.updatedAt ?? null };
}

/** Every stored record that passes the schema, for the caseload (rows that do not are left out, not deleted). */
export async function allStored(db: CompanionDb): Promise<StoredRecord[]> {
  const rows = await db.records.toArray();
  return rows.flatMap((row) => {
    const parsed = StoredRecordSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

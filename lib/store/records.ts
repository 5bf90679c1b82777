import { applyFacts, emptyRecord, parseRecord, type FactUpdate, type FormSection, type Provenance } from '../model';
import type { CompanionDb } from './db';
import { deleteOrphanAcknowledgements } from './acknowledgements';
import { StoredRecordSchema, type StoredRecord } from './schema';

export function recordKey(caseSystem: string, assessmentId: string): string {
  return `${caseSystem}:${assessmentId}`;
}

export interface MergeInput {
  caseSystem: string;
  assessmentId: string;
  personId?: string;
  section?: FormSection;
  pagePath: string;
  /** The page's address (origin and path) when read in the top frame. */
  pageUrl?: string;
  facts: readonly FactUpdate[];
  provenance: Record<string, Provenance>;
  notFound?: readonly string[];
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
    const existing = await db.records.get(key);
    const base = existing?.record ?? emptyRecord(input.caseSystem, input.assessmentId);
    const updates: FactUpdate[] = [...input.facts];
    if (input.personId && base.personId === undefined) updates.push({ path: 'personId', value: input.personId });
    const { record, rejected } = applyFacts(base, updates, input.provenance);
    const checked = parseRecord(record);
    if (!checked.ok) throw new Error(`merged record fails the schema: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    const notFound = { ...(existing?.notFound ?? {}) };
    if (input.notFound) notFound[input.pagePath] = [...input.notFound].slice(0, 500);
    const stored: StoredRecord = {
      key,
      caseSystem: input.caseSystem,
      assessmentId: input.assessmentId,
      record: checked.record,
      createdAt: existing?.createdAt ?? input.now,
      updatedAt: input.now,
      notFound,
    };
    if (input.section) stored.lastSection = input.section;
    const pageUrl = input.pageUrl ?? existing?.pageUrl;
    if (pageUrl) stored.pageUrl = pageUrl;
    const changed = !existing || JSON.stringify(existing.record) !== JSON.stringify(checked.record);
    // An unchanged read still refreshes updatedAt (retention counts from the last visit).
    await db.records.put(StoredRecordSchema.parse(stored));
    return { stored, rejected, changed };
  });
}

export async function getStored(db: CompanionDb, key: string): Promise<StoredRecord | undefined> {
  const row = await db.records.get(key);
  if (!row) return undefined;
  const parsed = StoredRecordSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

export async function getStoredMany(db: CompanionDb, keys: readonly string[]): Promise<StoredRecord[]> {
  const rows = await db.records.bulkGet([...keys]);
  return rows.flatMap((row) => {
    if (!row) return [];
    const parsed = StoredRecordSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Deletes records not visited within the retention period. Returns how many went. */
export async function deleteExpired(db: CompanionDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * 24 * 60 * 60 * 1000;
  const deleted = await db.records.where('updatedAt').below(cutoff).delete();
  await deleteOrphanAcknowledgements(db);
  return deleted;
}

export async function clearAll(db: CompanionDb): Promise<void> {
  await db.records.clear();
  await db.acknowledgements.clear();
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

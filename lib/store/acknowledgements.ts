// Acknowledged findings: their own table (db version 5), cleared with the record they belong to.
import { AcknowledgementSchema, acknowledgementKey, itemRef, type Acknowledgement, type ReasonCode, type Role } from '../acknowledgements';
import type { CompanionDb } from './db';

export interface AcknowledgeInput {
  recordKey: string;
  item: { ruleId: string; subject?: { kind: 'child' | 'adult'; id: string } };
  reason: ReasonCode;
  role: Role;
  /** Today (YYYY-MM-DD). */
  on: string;
}

/** Records (or replaces) an acknowledgement. A manager's own is accepted at once. */
export async function acknowledge(db: CompanionDb, input: AcknowledgeInput): Promise<Acknowledgement> {
  const row = AcknowledgementSchema.parse({
    key: acknowledgementKey(input.recordKey, input.item),
    recordKey: input.recordKey,
    item: itemRef(input.item),
    ruleId: input.item.ruleId,
    reason: input.reason,
    role: input.role,
    on: input.on,
    ...(input.role === 'manager' ? { acceptedOn: input.on } : {}),
  });
  await db.acknowledgements.put(row);
  return row;
}

/** A manager accepts a worker's acknowledgement as an exception. */
export async function acceptAcknowledgement(db: CompanionDb, key: string, on: string): Promise<void> {
  await db.acknowledgements.update(key, { acceptedOn: on });
}

/** Undo: the finding shows again as it was. */
export async function undoAcknowledgement(db: CompanionDb, key: string): Promise<void> {
  await db.acknowledgements.delete(key);
}

function valid(rows: readonly unknown[]): Acknowledgement[] {
  return rows.flatMap((row) => {
    const parsed = AcknowledgementSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function acknowledgementsFor(db: CompanionDb, recordKey: string): Promise<Acknowledgement[]> {
  return valid(await db.acknowledgements.where('recordKey').equals(recordKey).toArray());
}

export async function allAcknowledgements(db: CompanionDb): Promise<Acknowledgement[]> {
  return valid(await db.acknowledgements.toArray());
}

/** Retention: acknowledgements whose record has gone go too. Returns how many went. */
export async function deleteOrphanAcknowledgements(db: CompanionDb): Promise<number> {
  return db.transaction('rw', db.records, db.acknowledgements, async () => {
    const held = new Set(await db.records.toCollection().primaryKeys());
    return db.acknowledgements.filter((a: Acknowledgement) => !held.has(a.recordKey)).delete();
  });
}

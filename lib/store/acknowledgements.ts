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
  /** Who accepts on this computer: a manager only when the council's policy says so (lib/settings acceptanceIsManagers). */
  acceptedBy?: 'this-profile' | 'policy-manager';
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
    ...(input.role === 'manager' ? { acceptedOn: input.on, acceptedBy: input.acceptedBy ?? 'this-profile' } : {}),
  });
  await db.acknowledgements.put(row);
  return row;
}

/**
 * Accepts an acknowledgement as an exception, on this computer: by whoever uses this
 * browser profile, or by a manager when the council's policy says so.
 */
export async function acceptAcknowledgement(db: CompanionDb, key: string, on: string, acceptedBy: 'this-profile' | 'policy-manager' = 'this-profile'): Promise<void> {
  await db.acknowledgements.update(key, { acceptedOn: on, acceptedBy });
}

/**
 * Accepts a step as an exception on this computer: the acknowledgement noted here, or one
 * read from the case system (then noted here with its reason, accepted).
 */
export async function acceptException(db: CompanionDb, input: AcknowledgeInput): Promise<void> {
  const key = acknowledgementKey(input.recordKey, input.item);
  const by = input.acceptedBy ?? 'this-profile';
  await db.transaction('rw', db.acknowledgements, async () => {
    if ((await db.acknowledgements.update(key, { acceptedOn: input.on, acceptedBy: by })) === 0) {
      await acknowledge(db, { ...input, role: 'manager', acceptedBy: by });
    }
  });
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

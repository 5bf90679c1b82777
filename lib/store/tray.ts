// The work tray as last read (db version 6): one row per assessment the tray lists, for the
// caseload. Ids, type, referral date and the allocated worker's name only; never the child's.
import type { CompanionDb } from './db';
import { TrayRowSchema, type TrayRow } from './schema';
import { recordKey } from './records';



export interface TrayEntryInput {
  assessmentId: string;
  kind?: TrayRow['kind'];
  referral?: TrayRow['referral'];
  worker?: string;
}

/**
 * The tray as just read: its rows replace the case system's rows from the last read (an
 * assessment no longer listed has left the tray, and the caseload).
 */
export async function saveTray(db: CompanionDb, caseSystem: string, entries: readonly TrayEntryInput[], now: number): Promise<void> {
  const rows = entries.map((e) =>
    TrayRowSchema.parse({
      key: recordKey(caseSystem, e.assessmentId),
      caseSystem,
      assessmentId: e.assessmentId,
      ...(e.kind !== undefined ? { kind: e.kind } : {}),
      ...(e.referral !== undefined ? { referral: e.referral } : {}),
      ...(e.worker ? { worker: e.worker } : {}),
      seenAt: now,
    }),
  );
  await db.transaction('rw', db.tray, async () => {
    await db.tray.where('caseSystem').equals(caseSystem).delete();
    await db.tray.bulkPut(rows);
  });
}

export async function allTray(db: CompanionDb): Promise<TrayRow[]> {
  return (await db.tray.toArray()).flatMap((row) => {
    const parsed = TrayRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

import Dexie, { type Table } from 'dexie';
import type { StoredRecord, TrayRow } from './schema';
import type { Acknowledgement } from '../acknowledgements/schema';

export const DB_NAME = 'assessment-companion';

/**
 * The extension's IndexedDB. Versions are append-only: each new version keeps the
 * old stores and says how to upgrade rows, so no stored record is ever lost.
 *
 *   1  records by key, updatedAt (retention), caseSystem
 *   2  + assessmentId, to find an assessment's record whatever case system it came from
 *   5  + acknowledgements (lib/store/acknowledgements.ts), by key and recordKey
 *   6  + tray (lib/store/tray.ts): the work tray as last read, by key and caseSystem
 */
export class CompanionDb extends Dexie {
  records!: Table<StoredRecord, string>;
  acknowledgements!: Table<Acknowledgement, string>;
  tray!: Table<TrayRow, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ records: 'key, updatedAt, caseSystem' });
    this.version(2)
      .stores({ records: 'key, updatedAt, caseSystem, assessmentId' })
      .upgrade((tx) => tx.table('records').toCollection().modify(fillIds));
    // 3 and 4 are left for the record store's own changes; a new table needs no upgrade.
    this.version(5).stores({ acknowledgements: 'key, recordKey' });
    this.version(6).stores({ tray: 'key, caseSystem, seenAt' });
  }
}

/**
 * Version 2's upgrade: a row without its own `caseSystem` / `assessmentId` (written
 * before they were kept beside the key) takes them from the record it holds, so the
 * new index finds it. Only adds; never drops a row or a field.
 */
export function fillIds(row: Record<string, unknown>): void {
  const inner = row.record && typeof row.record === 'object' ? (row.record as Record<string, unknown>) : {};
  for (const field of ['caseSystem', 'assessmentId'] as const) {
    const own = row[field];
    const fromRecord = inner[field];
    if ((typeof own !== 'string' || own === '') && typeof fromRecord === 'string' && fromRecord !== '') row[field] = fromRecord;
  }
}

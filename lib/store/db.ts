import Dexie, { type Table } from 'dexie';
import type { StoredRecord } from './schema';

export const DB_NAME = 'assessment-companion';

/**
 * The extension's IndexedDB. Versions are append-only: each new version keeps the
 * old stores and says how to upgrade rows, so no stored record is ever lost.
 */
export class CompanionDb extends Dexie {
  records!: Table<StoredRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ records: 'key, updatedAt, caseSystem' });
  }
}

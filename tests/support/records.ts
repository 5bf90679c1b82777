// The example records in tests/fixtures/records, as a test reads them, and as the store keeps them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord, type AssessmentRecord } from '../../lib/model';
import { recordKey, type StoredRecord } from '../../lib/store';

/** An example record by its file name (without .json), checked by the record schema. */
export function fixtureRecord(name: string): AssessmentRecord {
  const parsed = parseRecord(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'records', `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.record;
}

/** A record as the store keeps it, first and last read at `at` (optionally under another assessment id). */
export function storedRecord(r: AssessmentRecord, at: number, id = r.assessmentId): StoredRecord {
  return { key: recordKey(r.caseSystem, id), caseSystem: r.caseSystem, assessmentId: id, record: r, createdAt: at, updatedAt: at };
}

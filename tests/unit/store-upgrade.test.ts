import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDb, deleteExpired, getStored, mergeFacts, StoredRecordSchema, type StoredRecord } from '../../lib/store';
import { parseRecord, readFact, type AssessmentRecord } from '../../lib/model';

// The store's versions are append-only: a browser profile holding a version 1 database
// opens it with the current CompanionDb and keeps every row, every field.

const V1_STORES = { records: 'key, updatedAt, caseSystem' };
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-23T10:00:00Z');

function example(file: string): AssessmentRecord {
  const parsed = parseRecord(JSON.parse(readFileSync(new URL(`../fixtures/records/${file}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.record;
}

function row(record: AssessmentRecord, updatedAt: number): StoredRecord {
  return StoredRecordSchema.parse({
    key: `${record.caseSystem}:${record.assessmentId}`,
    caseSystem: record.caseSystem,
    assessmentId: record.assessmentId,
    record,
    createdAt: updatedAt - DAY,
    updatedAt,
    lastSection: 'household',
    notFound: { '/assessment/x/household': ['household.interpreterUsed'] },
  });
}

let n = 0;
const names: string[] = [];
function freshName(): string {
  const name = `upgrade-${++n}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Writes rows with a version 1 database, exactly as the released extension did, and closes it. */
async function writeV1(name: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.table('records').bulkPut([...rows]);
  expect(v1.verno).toBe(1);
  v1.close();
}

const RECORDS = [
  row(example('demo-SA-1002.json'), NOW - 2 * DAY),
  row(example('demo-SA-1003.json'), NOW - 40 * DAY),
  row(example('derby-complete.json'), NOW),
  row(example('hertfordshire-s47-siblings-baby.json'), NOW - DAY),
];

describe('opening a version 1 database with the current CompanionDb', () => {
  it('upgrades to the current version and loses no row and no field', async () => {
    const name = freshName();
    await writeV1(name, RECORDS);

    const db = new CompanionDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const after = await db.records.orderBy('key').toArray();
    expect(after).toEqual([...RECORDS].sort((a, b) => a.key.localeCompare(b.key)));
    for (const r of RECORDS) expect(await getStored(db, r.key)).toEqual(r);
    db.close();
  });

  it('keeps rows the current schema would not accept (never drops what it cannot read)', async () => {
    const name = freshName();
    const odd = { key: 'lcs-demo:SA-ODD', caseSystem: 'lcs-demo', assessmentId: 'SA-ODD', record: { schema: 'single-assessment/v0' }, createdAt: 1, updatedAt: NOW, extra: 'kept' };
    await writeV1(name, [...RECORDS, odd]);
    const db = new CompanionDb(name);
    expect(await db.records.count()).toBe(RECORDS.length + 1);
    expect(await db.records.get('lcs-demo:SA-ODD')).toEqual(odd);
    // Readers salvage what they can (here nothing: an unknown record version) and say so, rather than crash or skip it.
    const read = await getStored(db, 'lcs-demo:SA-ODD');
    expect(read?.record).toEqual({ schema: 'single-assessment/v1', caseSystem: 'lcs-demo', assessmentId: 'SA-ODD' });
    expect(read?.salvaged?.dropped.length).toBeGreaterThan(0);
    db.close();
  });

  it('fills the ids a row lacks from its record, so the new assessmentId index finds it', async () => {
    const name = freshName();
    const [first, ...rest] = RECORDS;
    const { assessmentId: _a, caseSystem: _c, ...legacy } = first!;
    await writeV1(name, [legacy, ...rest]);
    const db = new CompanionDb(name);
    const found = await db.records.where('assessmentId').equals(first!.assessmentId).toArray();
    expect(found).toEqual([first]);
    expect(await db.records.where('assessmentId').equals('SA-1003').count()).toBe(1);
    expect(await db.records.where('caseSystem').equals(first!.caseSystem).count()).toBe(RECORDS.filter((r) => r.caseSystem === first!.caseSystem).length);
    db.close();
  });

  it('works as before after the upgrade: merge, retention, the indexes', async () => {
    const name = freshName();
    await writeV1(name, RECORDS);
    const db = new CompanionDb(name);
    const { stored } = await mergeFacts(db, {
      caseSystem: 'lcs-demo',
      assessmentId: 'SA-1002',
      pagePath: '/assessment/SA-1002/household',
      section: 'household',
      facts: [{ path: 'household.interpreterUsed', value: true }],
      provenance: {},
      now: NOW,
    });
    const before = RECORDS[0]!;
    expect(readFact(stored.record, 'household.interpreterUsed')).toBe(true);
    expect(stored.createdAt).toBe(before.createdAt);
    expect(readFact(stored.record, 'dates.referral')).toBe(readFact(before.record, 'dates.referral'));
    // Retention still runs on the updatedAt index: only the 40-day-old record goes.
    expect(await deleteExpired(db, 30, NOW)).toBe(1);
    expect((await db.records.toCollection().primaryKeys()).sort()).toEqual(
      RECORDS.filter((r) => r.assessmentId !== 'SA-1003').map((r) => r.key).sort(),
    );
    db.close();
  });

  it('a new profile starts at the current version; reopening changes nothing', async () => {
    const name = freshName();
    const db = new CompanionDb(name);
    await db.records.bulkPut(RECORDS);
    expect(db.verno).toBe(6);
    db.close();
    const again = new CompanionDb(name);
    expect(await again.records.count()).toBe(RECORDS.length);
    const schema = again.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name).sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(schema).toEqual([
      ['acknowledgements', ['recordKey']],
      ['records', ['assessmentId', 'caseSystem', 'updatedAt']],
      ['tray', ['caseSystem', 'seenAt']],
    ]);
    again.close();
  });
});

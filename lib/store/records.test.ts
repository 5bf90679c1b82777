import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDb } from './db';
import { clearAll, deleteExpired, getStored, mergeFacts, summarise } from './records';

let n = 0;
const dbs: CompanionDb[] = [];
function freshDb(): CompanionDb {
  const db = new CompanionDb(`test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const readAt = '2026-11-23T10:00:00.000Z';
const where = (locator: string) => ({ page: '/assessment/SA-1/plan', section: 'plan' as const, locator, readAt });

describe('mergeFacts', () => {
  it('builds one record from reads of different sections', async () => {
    const db = freshDb();
    await mergeFacts(db, {
      caseSystem: 'lcs-demo',
      assessmentId: 'SA-1',
      pagePath: '/assessment/SA-1/plan',
      section: 'plan',
      facts: [{ path: 'dates.referral', value: '2026-11-02' }],
      provenance: { 'dates.referral': where('label "Referral date"') },
      now: 1,
    });
    await mergeFacts(db, {
      caseSystem: 'lcs-demo',
      assessmentId: 'SA-1',
      pagePath: '/assessment/SA-1/background/frame',
      section: 'background',
      facts: [
        { path: 'background.genogram', value: true },
        { path: 'children[P1].bedroomSeen', value: null },
      ],
      provenance: {},
      now: 2,
    });
    const stored = await getStored(db, 'lcs-demo:SA-1');
    expect(stored?.record.dates?.referral).toBe('2026-11-02');
    expect(stored?.record.background?.genogram).toBe(true);
    expect(stored?.record.children).toEqual([{ id: 'P1', bedroomSeen: null }]);
    expect(stored?.record.provenance?.['dates.referral']?.locator).toBe('label "Referral date"');
    expect(stored?.createdAt).toBe(1);
    expect(stored?.updatedAt).toBe(2);
  });

  it('rejects values that fail their fact schema and unknown facts, keeping the rest', async () => {
    const db = freshDb();
    const result = await mergeFacts(db, {
      caseSystem: 'lcs-demo',
      assessmentId: 'SA-2',
      pagePath: '/x',
      facts: [
        { path: 'dates.referral', value: '31/02/2026' },
        { path: '__proto__.polluted', value: true },
        { path: 'background.ecomap', value: true },
      ],
      provenance: {},
      now: 1,
    });
    expect(result.rejected.map((r) => r.path)).toEqual(['dates.referral', '__proto__.polluted']);
    expect(result.stored.record.background?.ecomap).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps every fact when frames write at the same time', async () => {
    const db = freshDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mergeFacts(db, {
          caseSystem: 'c',
          assessmentId: 'A',
          pagePath: '/p',
          facts: [{ path: `children[P${i}].bedroomSeen`, value: true }],
          provenance: {},
          now: i,
        }),
      ),
    );
    const stored = await getStored(db, 'c:A');
    expect(stored?.record.children).toHaveLength(20);
  });
});

describe('retention', () => {
  it('deletes records not visited within the retention period', async () => {
    const db = freshDb();
    const day = 24 * 60 * 60 * 1000;
    for (const [id, at] of [['old', 0], ['new', 40 * day]] as const) {
      await mergeFacts(db, { caseSystem: 'c', assessmentId: id, pagePath: '/', facts: [], provenance: {}, now: at });
    }
    expect(await deleteExpired(db, 30, 45 * day)).toBe(1);
    expect((await summarise(db)).assessments).toBe(1);
    await clearAll(db);
    expect(await summarise(db)).toEqual({ assessments: 0, oldestUpdatedAt: null, newestUpdatedAt: null });
  });
});

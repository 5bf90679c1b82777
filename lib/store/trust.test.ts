import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDb } from './db';
import { deleteExpired, getStored, mergeFacts, VIEWS_KEPT, type MergeInput } from './records';
import { readFact } from '../model';

let n = 0;
const dbs: CompanionDb[] = [];
function freshDb(): CompanionDb {
  const db = new CompanionDb(`trust-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const page = '/assessment/SA-1/household';
const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
function read(facts: Record<string, unknown>, minute: number, extra: Partial<MergeInput> = {}): MergeInput {
  const list = Object.entries(facts).map(([path, value]) => ({ path, value: value as null }));
  const pagePath = extra.pagePath ?? page;
  return {
    caseSystem: 'lcs-demo',
    assessmentId: 'SA-1',
    section: 'household',
    pagePath: page,
    facts: list,
    provenance: Object.fromEntries(list.map((f) => [f.path, { page: pagePath, section: 'household' as const, locator: 'label', readAt: at(minute) }])),
    now: Date.parse(at(minute)),
    ...extra,
  };
}
const record = async (db: CompanionDb) => (await getStored(db, 'lcs-demo:SA-1'))!.record;

describe('a newer read of a field wins', () => {
  it('a stale tab’s older read does not overwrite what a newer tab recorded', async () => {
    const db = freshDb();
    await mergeFacts(db, read({ 'household.interpreterNeeded': true }, 20, { pagePath: '/assessment/SA-1/household?tab=2' }));
    // The old tab's read, taken at 10:05, arrives later (e.g. it was queued while the worker was stopped).
    await mergeFacts(db, read({ 'household.interpreterNeeded': false }, 5, { complete: false }));
    expect(readFact(await record(db), 'household.interpreterNeeded')).toBe(true);
  });
  it('a newer read replaces an older one', async () => {
    const db = freshDb();
    await mergeFacts(db, read({ 'household.interpreterNeeded': false }, 5));
    await mergeFacts(db, read({ 'household.interpreterNeeded': true }, 20, { complete: false }));
    expect(readFact(await record(db), 'household.interpreterNeeded')).toBe(true);
  });
});

describe('removed things are removed', () => {
  const household = {
    'children[P1].initials': 'RS',
    'children[P1].isSubject': true,
    'children[P2].initials': 'TS',
    'children[P2].isSubject': false,
    'household.interpreterNeeded': false,
  };

  it('a household member no longer listed is removed, with their facts (a later full read of the page)', async () => {
    const db = freshDb();
    await mergeFacts(db, read(household, 1, { complete: true }));
    expect((await record(db)).children?.map((c) => c.id)).toEqual(['P1', 'P2']);
    const { 'children[P2].initials': _i, 'children[P2].isSubject': _s, ...without } = household;
    await mergeFacts(db, read(without, 2, { complete: true }));
    const r = await record(db);
    expect(r.children?.map((c) => c.id)).toEqual(['P1']);
    expect(Object.keys(r.provenance ?? {})).not.toContain('children[P2].initials');
  });

  it('the same when only the change is sent (the member deleted while the page is open)', async () => {
    const db = freshDb();
    await mergeFacts(db, read(household, 1, { complete: true }));
    await mergeFacts(db, read({}, 2, { complete: false, gone: ['children[P2].initials', 'children[P2].isSubject'] }));
    expect((await record(db)).children?.map((c) => c.id)).toEqual(['P1']);
  });

  it('a field no longer on a page that showed it goes back to not-read-yet', async () => {
    const db = freshDb();
    await mergeFacts(db, read(household, 1, { complete: true }));
    const { 'household.interpreterNeeded': _gone, ...rest } = household;
    await mergeFacts(db, read(rest, 2, { complete: true }));
    expect(readFact(await record(db), 'household.interpreterNeeded')).toBeUndefined();
  });

  it('a fact another page has read since is kept', async () => {
    const db = freshDb();
    await mergeFacts(db, read(household, 1, { complete: true }));
    await mergeFacts(db, read({ 'household.interpreterNeeded': true }, 2, { pagePath: '/assessment/SA-1/views', complete: true }));
    const { 'household.interpreterNeeded': _gone, ...rest } = household;
    await mergeFacts(db, read(rest, 3, { complete: true }));
    expect(readFact(await record(db), 'household.interpreterNeeded')).toBe(true);
  });
});

describe('big reads', () => {
  const household = {
    'children[P1].initials': 'RS',
    'children[P1].isSubject': true,
    'children[P2].initials': 'TS',
    'children[P2].isSubject': false,
  };

  it('a read sent in parts: the first names every fact the page shows, so only what the page no longer shows goes, and the parts that follow add the rest', async () => {
    const db = freshDb();
    await mergeFacts(db, read({ ...household, 'household.interpreterNeeded': false }, 1, { complete: true }));
    // The page read again in two parts: P2's facts come in the second, the interpreter question is gone.
    await mergeFacts(db, read({ 'children[P1].initials': 'RS', 'children[P1].isSubject': true }, 2, { complete: true, shown: Object.keys(household) }));
    let r = await record(db);
    expect(r.children?.map((c) => c.id)).toEqual(['P1', 'P2']);
    expect(readFact(r, 'household.interpreterNeeded')).toBeUndefined();
    await mergeFacts(db, read({ 'children[P2].initials': 'TW', 'children[P2].isSubject': false }, 2, { complete: false }));
    r = await record(db);
    expect(readFact(r, 'children[P2].initials')).toBe('TW');
    expect((await getStored(db, 'lcs-demo:SA-1'))?.pageFacts?.[page]?.sort()).toEqual(Object.keys(household).sort());
  });


  it('keeps how much a read over the limits left out, until a full read fits', async () => {
    const db = freshDb();
    await mergeFacts(db, read({ 'dates.referral': '2026-09-01' }, 1, { complete: true, cut: { facts: 12, notFound: 0 } }));
    expect((await getStored(db, 'lcs-demo:SA-1'))?.cut?.[page]).toEqual({ facts: 12, notFound: 0 });
    await mergeFacts(db, read({ 'dates.referral': '2026-09-01' }, 2, { complete: true }));
    expect((await getStored(db, 'lcs-demo:SA-1'))?.cut).toBeUndefined();
  });
});

describe('stored data never blocks', () => {
  const badRow = (db: CompanionDb, updatedAt = Date.parse(at(0))) =>
    db.records.put({
      key: 'lcs-demo:SA-1',
      caseSystem: 'lcs-demo',
      assessmentId: 'SA-1',
      // A newer version's row: a field this version does not know, and a value it cannot read.
      record: { schema: 'single-assessment/v1', caseSystem: 'lcs-demo', assessmentId: 'SA-1', dates: { referral: '2026-09-01', assessmentDecision: 'soon' }, futureThing: { x: 1 } },
      createdAt: 1,
      updatedAt,
      somethingNew: true,
    } as never);

  it('a row failing the schema is salvaged with its valid facts, and the next read merges into it', async () => {
    const db = freshDb();
    await badRow(db);
    const shown = await getStored(db, 'lcs-demo:SA-1');
    expect(shown?.record.dates?.referral).toBe('2026-09-01');
    expect(shown?.salvaged?.dropped).toEqual(expect.arrayContaining(['dates.assessmentDecision', 'futureThing.x']));
    await mergeFacts(db, read({ 'household.interpreterNeeded': true }, 1));
    const r = await getStored(db, 'lcs-demo:SA-1');
    expect(r?.record.dates?.referral).toBe('2026-09-01');
    expect(readFact(r!.record, 'household.interpreterNeeded')).toBe(true);
    expect(r?.salvaged?.dropped).toContain('dates.assessmentDecision');
  });

  it('retention never trusts a read time later than now', async () => {
    const db = freshDb();
    const now = Date.parse(at(0));
    await badRow(db, Date.parse('2036-01-01T00:00:00Z'));
    expect(await deleteExpired(db, 30, now)).toBe(0);
    expect(await deleteExpired(db, 30, now + 31 * 24 * 60 * 60 * 1000)).toBe(1);
  });
});

describe('names can never be stored as people', () => {
  it('consent.givenBy keeps only person ids of this household', async () => {
    const db = freshDb();
    await mergeFacts(db, read({ 'adults[200101].role': 'mother', 'children[200100].isSubject': true }, 1, { complete: true }));
    await mergeFacts(db, read({ 'consent.givenBy': ['Ruby-Sample', 'Tom', '9434765919', '943-476-5919', '200101'] }, 2, { pagePath: '/assessment/SA-1/plan' }));
    expect(readFact(await record(db), 'consent.givenBy')).toEqual(['200101']);
  });
});

describe('views of one assessment (lib/adapters/page-view.ts)', () => {
  const form = { 'household.interpreterNeeded': true, 'household.interpreterUsed': false, 'children[P1].initials': 'RS' };

  it('a print view at the same path that shows fewer fields erases nothing the form read', async () => {
    const db = freshDb();
    await mergeFacts(db, read(form, 1, { complete: true, view: `${page}#household` }));
    await mergeFacts(db, read({ 'children[P1].initials': 'RS' }, 2, { complete: true, view: `${page} (view)#household` }));
    expect(readFact(await record(db), 'household.interpreterUsed')).toBe(false);
    // The form's own view, read again without a field, still lets it go.
    const { 'household.interpreterUsed': _used, ...fewer } = form;
    await mergeFacts(db, read(fewer, 3, { complete: true, view: `${page}#household` }));
    expect(readFact(await record(db), 'household.interpreterUsed')).toBeUndefined();
  });

  it('remembers the views most recently read, up to VIEWS_KEPT', async () => {
    const db = freshDb();
    for (let i = 0; i < VIEWS_KEPT + 5; i++) await mergeFacts(db, read(form, 1, { complete: true, view: `${page} (_${i})#household` }));
    const views = Object.keys((await getStored(db, 'lcs-demo:SA-1'))!.pageFacts ?? {});
    expect(views).toHaveLength(VIEWS_KEPT);
    expect(views.at(-1)).toBe(`${page} (_${VIEWS_KEPT + 4})#household`);
  });
});


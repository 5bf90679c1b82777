// Issue 24, items 4 and 6: a stored row that fails today's schema is salvaged by every
// overview (caseload, badge, daily notice, options page's list), not dropped; and the
// daily notice (which can show on a lock screen) says ids and states only, as PRIVACY.md says.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../lib/model';
import { createCalendar } from '../../lib/calendar';
import { checkSetup } from '../../lib/verdict/checks';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { caseloadRows } from '../../lib/caseload/caseload';
import { dailyNotification, updateBadge, type NudgeDeps } from '../../lib/caseload/nudges';
import { CompanionDb, allAcknowledgements, allStored, deleteAssessment, recordKey, summarise } from '../../lib/store';
import { storedAssessments } from '../../lib/store/stored-assessments';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const setup = checkSetup(DEFAULT_SETTINGS, createCalendar())!;
let n = 0;
const fresh = () => new CompanionDb(`overviews-${++n}-${Math.random()}`);

function overdueRow() {
  const parsed = parseRecord(JSON.parse(readFileSync(join(__dirname, '../fixtures/records/derby-overdue.json'), 'utf8')));
  if (!parsed.ok) throw new Error('fixture');
  const r = parsed.record;
  return { key: recordKey(r.caseSystem, r.assessmentId), caseSystem: r.caseSystem, assessmentId: r.assessmentId, record: r, createdAt: NOW, updatedAt: NOW };
}

/** The same row as an older or newer version might have left it: one fact today's schema refuses. */
function damagedRow() {
  const row = overdueRow();
  return { ...row, record: { ...row.record, household: { ...row.record.household, homeVisited: 'perhaps' } } };
}

const nudgeDeps = (db: CompanionDb, calls: string[]): NudgeDeps => ({
  db,
  settings: async () => ({ ...DEFAULT_SETTINGS, dailyNotification: true }),
  setup: async () => setup,
  dueWords: () => '3 working days overdue',
  setBadge: async (text) => void calls.push(`badge ${text}`),
  notify: async (_id, title, message) => void calls.push(`notify ${title} | ${message}`),
  now: () => NOW,
});

describe('a salvaged row in every overview (issue 24, item 4)', () => {
  it('is listed by allStored, as the panel salvages it, and marked salvaged', async () => {
    const db = fresh();
    await db.records.put(damagedRow() as never);
    const all = await allStored(db);
    expect(all.map((s) => s.assessmentId)).toEqual(['SA-D-2004']);
    expect(all[0]?.salvaged?.dropped).toContain('household.homeVisited');
  });

  it('counts in the caseload, the badge and the daily notice', async () => {
    const db = fresh();
    await db.records.put(damagedRow() as never);
    const rows = caseloadRows(setup, await allStored(db), await allAcknowledgements(db), NOW);
    expect(rows.map((r) => r.assessmentId)).toEqual(['SA-D-2004']);
    const calls: string[] = [];
    await updateBadge(nudgeDeps(db, calls));
    expect(calls).toEqual(['badge 1']);
    expect(await dailyNotification(nudgeDeps(db, calls))).toBe(true);
    expect(calls.at(-1)).toContain('SA-D-2004');
  });

  it('is in the options page’s Stored assessments (the list agrees with the count) and can be deleted there', async () => {
    const db = fresh();
    await db.records.put(damagedRow() as never);
    const listed = storedAssessments(await allStored(db));
    expect(listed).toHaveLength((await summarise(db)).assessments);
    expect(listed[0]?.assessmentId).toBe('SA-D-2004');
    await deleteAssessment(db, listed[0]!.key);
    expect(await db.records.count()).toBe(0);
    expect(await allStored(db)).toEqual([]);
  });
});

describe('the daily notice says ids and states only (issue 24, item 6)', () => {
  it('never names the deadline, the child, initials or age: a notice can show on a lock screen', async () => {
    const db = fresh();
    const row = overdueRow();
    const child = row.record.children![0]!;
    await db.records.put({ ...row, record: { ...row.record, children: [{ ...child, initials: 'RS' }] } });
    const calls: string[] = [];
    expect(await dailyNotification(nudgeDeps(db, calls))).toBe(true);
    const message = calls.at(-1)!.split(' | ')[1]!;
    expect(message).toBe('SA-D-2004: Overdue');
    expect(message).not.toMatch(/RS|aged|subject child|Section 47|seen/i);
  });

  it('PRIVACY.md says what the notice shows, in the same words', () => {
    const privacy = readFileSync(join(__dirname, '../../PRIVACY.md'), 'utf8');
    expect(privacy).toMatch(/daily reminder[^\n]*assessment ids and each one's deadline state only/);
    expect(privacy).toContain('SA-1002: Overdue');
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalendar } from '../../lib/calendar';
import { checkSetup, runChecks } from '../../lib/verdict/checks';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { caseloadCsv, caseloadRows, filterRows, nudge, signOffText } from '../../lib/caseload/caseload';
import { applyAcknowledgements, reasonsFor, ruleKind, type Acknowledgement } from '../../lib/acknowledgements';
import { DEADLINE_STATES, stateLook } from '../../lib/verdict/deadline-states';
import { plural } from '../../lib/model/words';
import { clockTimeline } from '../../lib/verdict/timeline';
import { dailyNotification, updateBadge, nextNine, type NudgeDeps } from '../../lib/caseload/nudges';
import {
  CompanionDb,
  acceptAcknowledgement,
  acknowledge,
  acknowledgementsFor,
  clearAll,
  deleteExpired,
  mergeFacts,
  undoAcknowledgement,
  type StoredRecord,
} from '../../lib/store';
import { acknowledgementKey } from '../../lib/acknowledgements';
import { fixtureRecord, storedRecord } from '../support/records';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const calendar = createCalendar();
const setup = checkSetup(DEFAULT_SETTINGS, calendar)!;

const record = fixtureRecord;
const stored = (name: string, updatedAt = NOW): StoredRecord => storedRecord(record(name), updatedAt);
const ack = (s: StoredRecord, item: { ruleId: string; subject?: { kind: 'child' | 'adult'; id: string } }, accepted: boolean): Acknowledgement => ({
  key: acknowledgementKey(s.key, item),
  recordKey: s.key,
  item: `${item.ruleId}|${item.subject ? `${item.subject.kind}:${item.subject.id}` : '-'}`,
  ruleId: item.ruleId,
  reason: 'recorded-in-case-notes',
  role: 'worker',
  on: '2026-11-23',
  ...(accepted ? { acceptedOn: '2026-11-23' } : {}),
});

describe('one vocabulary for deadline states', () => {
  it('gives every state words, a shape and colours; shapes differ between the states a worker must tell apart', () => {
    for (const [state, look] of Object.entries(DEADLINE_STATES)) {
      expect(look.words.length, state).toBeGreaterThan(0);
      expect(look.shape.length, state).toBeGreaterThan(0);
      expect(look.colour.text, state).toMatch(/^#[0-9a-f]{6}$/);
    }
    const urgent = ['overdue', 'due-today', 'due-soon', 'on-track', 'met-on-time', 'met-late'] as const;
    expect(new Set(urgent.map((s) => DEADLINE_STATES[s].shapeName)).size).toBe(urgent.length);
    expect(DEADLINE_STATES.overdue.shapeName).toMatch(/octagon/);
    expect(stateLook('something-old').words).toBe('Not read yet');
    expect(plural(1, 'step', 'steps')).toBe('1 step');
    expect(plural(2, 'step', 'steps')).toBe('2 steps');
  });
});

describe('acknowledgements', () => {
  it('offers reasons for the kind of rule, always with the general ones', () => {
    expect(ruleKind({ kind: 'check', subject: { kind: 'child' } })).toBe('child');
    expect(ruleKind({ kind: 'check', field: 'adults[A1].seen' })).toBe('adult');
    expect(ruleKind({ kind: 'countdown' })).toBe('deadline');
    expect(reasonsFor({ kind: 'check', subject: { kind: 'child' } })).toContain('child-pre-verbal');
    expect(reasonsFor({ kind: 'check' })).toEqual(['recorded-in-case-notes', 'recorded-on-another-form', 'does-not-apply']);
    // Issue 23: "Does not apply to this family's circumstances" was offered on every step, the safety questions included.
    expect(reasonsFor({ kind: 'check', field: 'safetyAdvice.safeSleep' })).toEqual(['recorded-in-case-notes', 'recorded-on-another-form']);
    expect(ruleKind({ kind: 'check', field: 'safetyAdvice.smokeAlarms' })).toBe('safety');
  });

  it('a blocking step still blocks when acknowledged, and stops blocking once a manager accepts it', () => {
    const s = stored('derby-overdue');
    const plain = runChecks(setup, s.record, NOW);
    expect(plain.ready.ready).toBe(false);
    const blocking = plain.ready.blocking;
    const waiting = applyAcknowledgements(plain, blocking.map((b) => ack(s, b, false)));
    expect(waiting.ready.ready).toBe(false);
    expect(waiting.ready.blocking).toHaveLength(blocking.length);
    const accepted = applyAcknowledgements(plain, blocking.map((b) => ack(s, b, true)));
    expect(accepted.ready.ready).toBe(true);
    expect(accepted.ready.accepted).toHaveLength(blocking.length);
    const one = applyAcknowledgements(plain, [ack(s, blocking[0]!, true)]);
    expect(one.ready.blocking).toHaveLength(blocking.length - 1);
  });
});

describe('the caseload', () => {
  const rows = caseloadRows(setup, [stored('derby-complete'), stored('derby-overdue'), stored('derby-part-way-cin')], [], NOW);

  it('puts the overdue assessment first and the finished one last; a met deadline is never the next one', () => {
    expect(rows.map((r) => r.assessmentId)).toEqual(['SA-D-2004', expect.any(String), expect.any(String)]);
    expect(rows[0]!.next?.state).toBe('overdue');
    expect(rows.at(-1)!.next).toBeNull();
    expect(rows.find((r) => r.next?.state === 'overdue')?.ready).toBe(false);
    expect(rows.every((r) => !/Example|Sample/.test(r.child))).toBe(true);
  });

  it('filters overdue, due within N working days, not ready and ready', () => {
    expect(filterRows(rows, 'overdue', 5).map((r) => r.assessmentId)).toEqual(['SA-D-2004']);
    expect(filterRows(rows, 'due-within', 30).length).toBe(2);
    expect(filterRows(rows, 'ready', 5).every((r) => r.ready)).toBe(true);
    expect(filterRows(rows, 'not-ready', 5).every((r) => !r.ready)).toBe(true);
  });

  it('says "Ready, with 2 accepted exceptions"', () => {
    expect(signOffText({ ready: true, blocking: 0, accepted: 2, awaiting: 0 })).toBe('Ready, with 2 accepted exceptions');
    expect(signOffText({ ready: false, blocking: 3, accepted: 0, awaiting: 1 })).toBe('Not ready: 3 blocking (1 acknowledged, waiting for a manager)');
  });

  it('exports CSV with the pack and date, ids and states only, safe from spreadsheet formulas', () => {
    const csv = caseloadCsv(rows, { packName: 'Derby City', packVersion: '1.0.0', made: '23 Nov 2026 at 10:00', dueText: () => '=cmd', dateText: (d) => d.slice(0, 10) });
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('Procedure,"Derby City, rules version 1.0.0"');
    expect(lines[2]).toBe('Made,23 Nov 2026 at 10:00');
    expect(lines[4]).toMatch(/^Assessment,Child,Type,Section 47,Worker,Referral date,Next deadline,State/);
    expect(csv).toContain(",'=cmd,");
    expect(lines.filter((l) => l.startsWith('SA-D-'))).toHaveLength(3);
  });

  it('nudges: counts assessments due within the setting or overdue', () => {
    const n = nudge(rows, 5, () => 'due');
    expect(n.count).toBe(1);
    expect(n.badge).toBe('1');
    expect(n.colour).toBe(DEADLINE_STATES.overdue.colour.edge);
    expect(n.lines[0]).toMatch(/^SA-D-2004: Overdue, /);
    expect(nudge(rows, 30, () => 'due').count).toBe(2);
    expect(nextNine(Date.parse('2026-11-23T10:00:00')) - Date.parse('2026-11-24T09:00:00')).toBe(0);
  });
});

describe('the clock timeline', () => {
  it('runs from referral to the last deadline, with bank holidays, today and each milestone', () => {
    const r = record('derby-s47-siblings-baby');
    const evaluation = runChecks(setup, r, NOW);
    const t = clockTimeline(r.dates?.referral, evaluation.countdowns, evaluation.today, calendar)!;
    expect(t.start).toBe(r.dates?.referral);
    expect(t.end).toBe('2027-01-25');
    expect(t.holidays.map((h) => h.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    expect(t.milestones.some((m) => !m.happened)).toBe(true);
    const complete = record('derby-complete');
    const done = runChecks(setup, complete, NOW);
    const met = clockTimeline(complete.dates?.referral, done.countdowns, done.today, calendar)!;
    expect(met.milestones.length).toBeGreaterThan(0);
    expect(met.milestones.every((m) => m.happened && m.date <= m.due)).toBe(true);
    expect(t.todayDay).toBeLessThan(t.length);
    expect(clockTimeline(undefined, evaluation.countdowns, evaluation.today, calendar)).toBeNull();
  });
});

describe('stored acknowledgements', () => {
  let n = 0;
  const dbs: CompanionDb[] = [];
  const fresh = () => {
    const db = new CompanionDb(`caseload-${++n}`);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('keeps only the coded reason, role, dates and rule; accept, undo; retention clears them with the record', async () => {
    const db = fresh();
    const day = 24 * 60 * 60 * 1000;
    await mergeFacts(db, { caseSystem: 'c', assessmentId: 'A', pagePath: '/', facts: [], provenance: {}, now: 0 });
    await mergeFacts(db, { caseSystem: 'c', assessmentId: 'B', pagePath: '/', facts: [], provenance: {}, now: 40 * day });
    const item = { ruleId: 'derby/genogram', subject: { kind: 'child' as const, id: 'P1' } };
    const a = await acknowledge(db, { recordKey: 'c:A', item, reason: 'child-pre-verbal', role: 'worker', on: '2026-11-23' });
    expect(Object.keys(a).sort()).toEqual(['item', 'key', 'on', 'reason', 'recordKey', 'role', 'ruleId']);
    await acceptAcknowledgement(db, a.key, '2026-11-24');
    expect((await acknowledgementsFor(db, 'c:A'))[0]?.acceptedOn).toBe('2026-11-24');
    const b = await acknowledge(db, { recordKey: 'c:B', item, reason: 'does-not-apply', role: 'manager', on: '2026-11-23' });
    expect(b.acceptedOn).toBe('2026-11-23');
    await undoAcknowledgement(db, b.key);
    expect(await acknowledgementsFor(db, 'c:B')).toEqual([]);
    await acknowledge(db, { recordKey: 'c:B', item, reason: 'does-not-apply', role: 'worker', on: '2026-11-23' });
    expect(await deleteExpired(db, 30, 45 * day)).toBe(1);
    expect(await acknowledgementsFor(db, 'c:A')).toEqual([]);
    expect(await acknowledgementsFor(db, 'c:B')).toHaveLength(1);
    await clearAll(db);
    expect(await db.acknowledgements.count()).toBe(0);
  });

  it('sets the toolbar badge, and sends the daily notification only when turned on', async () => {
    const db = fresh();
    const s = stored('derby-overdue');
    await db.records.put(s);
    const calls: string[] = [];
    const deps = (on: boolean): NudgeDeps => ({
      db,
      settings: async () => ({ ...DEFAULT_SETTINGS, dailyNotification: on }),
      setup: async () => setup,
      dueWords: () => 'due',
      setBadge: async (text) => void calls.push(`badge ${text}`),
      notify: async (_id, title, message) => void calls.push(`notify ${title} | ${message}`),
      now: () => NOW,
    });
    await updateBadge(deps(false));
    expect(calls).toEqual(['badge 1']);
    expect(await dailyNotification(deps(false))).toBe(false);
    expect(await dailyNotification(deps(true))).toBe(true);
    expect(calls.at(-1)).toMatch(/^notify 1 assessment has a deadline due within 5 working days or overdue \| SA-D-2004: Overdue/);
  });
});

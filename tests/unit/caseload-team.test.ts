// Issue 23 items 6-8: a team's week in the caseload, the headline deadline shared with the
// panel, exceptions recorded in the case system, and the manager's caseload from the tray.
import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { type AssessmentRecord } from '../../lib/model';
import { createCalendar } from '../../lib/calendar';
import { checkSetup, runChecks } from '../../lib/verdict/checks';
import { deadlinesInOrder, headlineDeadline } from '../../lib/verdict/headline';
import { trayBadges } from '../../lib/background/service';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { caseloadCsv, caseloadRows, signOffText } from '../../lib/caseload/caseload';
import { acceptanceLine, acceptedLines, exceptionCode, exceptionLine, recordedLines, awaitingAcceptance } from '../../lib/acknowledgements';
import { CompanionDb, allTray, deleteExpired, mergeFacts, recordKey, saveTray, type StoredRecord, type TrayRow } from '../../lib/store';
import type { CountdownResult } from '../../lib/rules/types';
import { readWorkTray } from '../../lib/adapters/work-tray';
import { parseRaw } from '../../lib/adapters/values';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import demoMap from '../../lib/adapters/maps/lcs-demo.json';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import { fixtureRecord, storedRecord } from '../support/records';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const calendar = createCalendar();
const setup = checkSetup(DEFAULT_SETTINGS, calendar)!;

const record = fixtureRecord;
const stored = (r: AssessmentRecord, updatedAt = NOW): StoredRecord => storedRecord(r, updatedAt);
const countdown = (ruleId: string, status: CountdownResult['status'], due?: string): CountdownResult => ({
  kind: 'countdown',
  ruleId,
  severity: 'required',
  section: 'plan',
  message: ruleId,
  source: { label: 'Derby 2.3', section: '2.3', passage: 'x' },
  status,
  ...(due ? { due } : {}),
});

describe('the headline deadline (one function for the panel and the caseload)', () => {
  it('is never a met deadline: SA-1003, waiting for sign-off with every deadline met, has none', () => {
    const r = record('demo-SA-1003');
    const evaluation = runChecks(setup, r, NOW);
    expect(evaluation.countdowns.some((c) => c.status === 'met-on-time')).toBe(true);
    const headline = headlineDeadline(evaluation.countdowns);
    expect(headline === null || !/^met-/.test(headline.status)).toBe(true);
    expect(headlineDeadline([countdown('a/visit', 'met-on-time', '2026-11-20'), countdown('a/done', 'met-late', '2026-11-21')])).toBeNull();
  });

  it('puts a running deadline first (most urgent, then earliest), before one not read yet', () => {
    const list = [
      countdown('a/unread', 'unknown'),
      countdown('a/later', 'on-track', '2026-12-20'),
      countdown('a/met', 'met-on-time', '2026-11-01'),
      countdown('a/sooner', 'on-track', '2026-12-01'),
    ];
    expect(headlineDeadline(list)?.ruleId).toBe('a/sooner');
    expect(headlineDeadline([...list, countdown('a/late', 'overdue', '2026-11-20')])?.ruleId).toBe('a/late');
    expect(headlineDeadline([countdown('a/met', 'met-on-time', '2026-11-01'), countdown('a/unread', 'unknown')])?.ruleId).toBe('a/unread');
  });

  it('never puts a good-practice or Practice Trigger clock above a required one, however late it is', () => {
    // Derby gives the 12 months between assessments only "as a guide", and its seen-alone
    // clocks are Practice Triggers ("useful hints / tips"): shown, but a required clock heads.
    const guide = { ...countdown('a/twelve-months', 'overdue', '2026-08-01'), severity: 'expected' as const };
    const trigger = { ...countdown('a/seen-alone', 'overdue', '2026-11-20'), severity: 'prompt' as const };
    const required = countdown('a/assessment', 'on-track', '2027-01-20');
    expect(headlineDeadline([guide, trigger, required])?.ruleId).toBe('a/assessment');
    expect(headlineDeadline([guide, trigger])?.ruleId).toBe('a/twelve-months');
    // Still never a clock not read yet while one runs.
    expect(headlineDeadline([countdown('a/unread', 'unknown'), trigger])?.ruleId).toBe('a/seen-alone');
  });

  it('lists every deadline in the headline’s order, met ones last, so the list never opens on a Practice Trigger above a required clock', () => {
    // Issue 23: SA-1001's manager view opened its deadlines on "Child seen alone – Overdue", a
    // Practice Trigger, while the panel's headline (the required clock) said otherwise.
    const trigger = { ...countdown('a/seen-alone', 'overdue', '2026-11-20'), severity: 'prompt' as const };
    const list = [trigger, countdown('a/met', 'met-on-time', '2026-11-01'), countdown('a/unread', 'unknown'), countdown('a/assessment', 'on-track', '2027-01-20'), { ...countdown('a/gone', 'not-applicable'), severity: 'required' as const }];
    const ordered = deadlinesInOrder(list).map((c) => c.ruleId);
    expect(ordered).toEqual(['a/assessment', 'a/seen-alone', 'a/unread', 'a/met']);
    expect(ordered[0]).toBe(headlineDeadline(list)?.ruleId);
  });

  it('the work tray badge shows the same deadline the panel headlines, when it runs', async () => {
    const db = new CompanionDb('badge-same-headline');
    const deps = {
      db,
      extensionId: 'ours',
      settings: async () => DEFAULT_SETTINGS,
      calendar: async () => calendar,
      session: { get: async () => ({}), set: async () => undefined },
      now: () => NOW,
    };
    for (const name of ['derby-complete', 'derby-overdue', 'derby-part-way-cin', 'demo-SA-1002', 'demo-SA-1003']) {
      const r = record(name);
      await db.records.put(stored(r));
      const [badge] = await trayBadges(deps, DEFAULT_SETTINGS, r.caseSystem, [r.assessmentId], NOW);
      const headline = headlineDeadline(runChecks(setup, r, NOW).countdowns);
      if (headline?.due && ['overdue', 'due-today', 'due-soon', 'on-track'].includes(headline.status)) {
        expect({ name, state: badge?.state }).toEqual({ name, state: headline.status });
      }
    }
    db.close();
  });

  it('the caseload row shows the same deadline the panel headlines', () => {
    for (const name of ['derby-complete', 'derby-overdue', 'derby-part-way-cin', 'demo-SA-1003']) {
      const r = record(name);
      const [row] = caseloadRows(setup, [stored(r)], [], NOW);
      expect(row!.next?.ruleId ?? null).toBe(headlineDeadline(runChecks(setup, r, NOW).countdowns)?.ruleId ?? null);
      expect(row!.next?.state ?? 'none').not.toMatch(/^met-/);
    }
  });
});

describe('a team week: Section 47, waiting for sign-off since, the worker', () => {
  it('flags a Section 47 enquiry and says since when an assessment waits for sign-off', () => {
    const s47 = record('derby-s47-siblings-baby');
    const waiting = record('demo-SA-1003');
    const tray: TrayRow[] = [{ key: recordKey(waiting.caseSystem, waiting.assessmentId), caseSystem: waiting.caseSystem, assessmentId: waiting.assessmentId, worker: 'Demo Worker', seenAt: NOW }];
    const rows = caseloadRows(setup, [stored(s47), stored(waiting)], [], NOW, tray);
    const s47Row = rows.find((r) => r.assessmentId === s47.assessmentId)!;
    const waitingRow = rows.find((r) => r.assessmentId === waiting.assessmentId)!;
    expect(s47Row.section47).toBe(true);
    expect(waitingRow.section47).toBe(false);
    expect(waitingRow.waitingSince).toBe(waiting.dates?.submittedToManager);
    expect(waitingRow.worker).toBe('Demo Worker');
    const csv = caseloadCsv(rows, { packName: 'Derby', packVersion: '1', made: 'today', dueText: () => 'due', dateText: (d) => d.slice(0, 10) });
    expect(csv.split('\r\n')[4]).toMatch(/^Assessment,Child,Type,Section 47,Worker,Referral date,.*Waiting for sign-off since/);
  });
});

describe("a manager's caseload from the team's work tray", () => {
  const tray: TrayRow = { key: 'lcs-demo:SA-9001', caseSystem: 'lcs-demo', assessmentId: 'SA-9001', kind: 'child-in-need', referral: '2026-10-26', worker: 'A Worker', seenAt: NOW };

  it('lists an assessment the tray shows but this computer has not opened, with its statutory clock from the referral', () => {
    const rows = caseloadRows(setup, [], [], NOW, [tray]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.opened).toBe(false);
    expect(row.child).toBe('Not opened on this computer');
    expect(row.worker).toBe('A Worker');
    expect(row.kind).toBe('Child in need');
    // Derby 2.3: "Assessments should be completed within 45 working days."
    const clock = row.evaluation.countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days');
    expect(clock?.due).toBe(calendar.addWorkingDays('2026-10-26', 45));
    expect(row.next?.state).toMatch(/^(on-track|due-soon|overdue|due-today)$/);
    expect(row.next?.ruleId).toBe('derby/assessment-45-working-days');
    expect(signOffText(row)).toBe('Not opened on this computer');
  });

  it('a case opened here shows its own record, not a second tray row', () => {
    const r = record('derby-overdue');
    const rows = caseloadRows(setup, [stored(r)], [], NOW, [{ ...tray, key: recordKey(r.caseSystem, r.assessmentId), caseSystem: r.caseSystem, assessmentId: r.assessmentId }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.opened).toBe(true);
  });

  it('reads id, type, referral date and worker from the demo tray as the map names them', () => {
    const html = `<table><caption>Single Assessments (1)</caption><thead><tr><th>Child</th><th>Person ID</th><th>Assessment</th><th>Form ID</th><th>Referral date</th><th>Worker</th><th>Due</th><th>Status</th></tr></thead>
      <tbody><tr data-form-id="SA-1001"><td>Test Child Example</td><td>200101</td><td>Child and Family Assessment – Section 47</td><td><a href="/assessment/SA-1001/household">SA-1001</a></td><td>05/11/2026</td><td>Demo Worker</td><td>07/01/2027</td><td>In progress</td></tr></tbody></table>`;
    const dom = new JSDOM(html, { url: 'http://127.0.0.1/' });
    const rows = readWorkTray(dom.window.document, 'http://127.0.0.1/', demoMap as unknown as FieldMap);
    expect(rows?.map(({ assessmentId, kind, referral, worker }) => ({ assessmentId, kind, referral, worker }))).toEqual([
      { assessmentId: 'SA-1001', kind: 'section-47', referral: '2026-11-05', worker: 'Demo Worker' },
    ]);
    expect(validateFieldMap(demoMap).ok).toBe(true);
  });
});

describe('retention keeps an assessment still in the work tray', () => {
  let db: CompanionDb;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  it('a stalled case not opened for longer than the retention period stays while the tray lists it', async () => {
    db = new CompanionDb(`tray-${Math.random()}`);
    const day = 24 * 60 * 60 * 1000;
    await mergeFacts(db, { caseSystem: 'lcs-demo', assessmentId: 'SA-1', pagePath: '/assessment/SA-1/reasons', facts: [{ path: 'dates.referral', value: '2026-01-05' }], provenance: {}, now: 0 });
    await mergeFacts(db, { caseSystem: 'lcs-demo', assessmentId: 'SA-2', pagePath: '/assessment/SA-2/reasons', facts: [{ path: 'dates.referral', value: '2026-01-05' }], provenance: {}, now: 0 });
    await saveTray(db, 'lcs-demo', [{ assessmentId: 'SA-1', worker: 'A Worker' }], 40 * day);
    expect(await deleteExpired(db, 30, 45 * day)).toBe(1);
    expect((await db.records.toCollection().primaryKeys()).sort()).toEqual(['lcs-demo:SA-1']);
    // Once the tray stops listing it (a new read of the tray without it), retention takes it as usual.
    await saveTray(db, 'lcs-demo', [], 46 * day);
    expect(await allTray(db)).toEqual([]);
    expect(await deleteExpired(db, 30, 47 * day)).toBe(1);
  });
});

describe('exceptions with the case system as the shared record', () => {
  const r = record('derby-part-way-cin');
  const plain = runChecks(setup, r, NOW);
  const item = plain.ready.blocking[0]!;

  it('gives the worker one exact line to record, and reads it back as codes only', () => {
    const line = exceptionLine(item, 'parent-not-found');
    expect(line).toMatch(/^Exception AC-[2-9A-HJ-NP-Z]{6}: Parent could not be found\. Step: .+\.$/);
    expect(line).not.toContain(item.ruleId);
    const notes = `Visited on Monday, nobody in. ${line}\nOther notes about the family.`;
    expect(recordedLines(notes)).toEqual([`${exceptionCode(item)}:parent-not-found`]);
    expect(acceptedLines(`Agreed. ${acceptanceLine(item)}`)).toEqual([exceptionCode(item)]);
    // The map's parse keeps the codes and nothing of the text around them.
    const parsed = parseRaw(notes, { type: 'exception-lines', lines: 'recorded' }, { nowYear: 2026 });
    expect(parsed).toEqual({ ok: true, value: [`${exceptionCode(item)}:parent-not-found`] });
  });

  it("the manager's computer, with no notes of its own, shows the exception waiting, then accepted once she records it", () => {
    const recorded = { ...r, exceptions: { recorded: [`${exceptionCode(item)}:parent-not-found`], accepted: [] } };
    const waiting = runChecks(setup, recorded, NOW, []);
    expect(awaitingAcceptance(waiting).map((i) => i.ruleId)).toContain(item.ruleId);
    const ack = Object.values(waiting.acknowledgements ?? {}).find((a) => a.ruleId === item.ruleId);
    expect(ack?.from).toBe('case-system');
    expect(ack?.acceptedOn).toBeUndefined();
    const accepted = runChecks(setup, { ...recorded, exceptions: { ...recorded.exceptions, accepted: [exceptionCode(item)] } }, NOW, []);
    expect(accepted.ready.accepted?.map((i) => i.ruleId)).toContain(item.ruleId);
    expect(Object.values(accepted.acknowledgements ?? {}).find((a) => a.ruleId === item.ruleId)?.acceptedFrom).toBe('case-system');
  });
});

// Issue 23, what remained: the caseload's sign-off column says the stage the manager's panel
// says (progress before the worker sends the assessment, "can't judge yet" on parts not read,
// the verdict once sent); among equally urgent assessments, a Section 47 enquiry and unsafe
// answers with no advice recorded come first, and the row says so; the target date agreed in
// the plan never heads the caseload above the 45 working days.
import { describe, expect, it } from 'vitest';
import { FORM_SECTIONS, withFacts, withoutFact, type AssessmentRecord } from '../../lib/model';
import { createCalendar } from '../../lib/calendar';
import { checkSetup, runChecks } from '../../lib/verdict/checks';
import { headlineDeadline } from '../../lib/verdict/headline';
import { caseFacts, managerStage } from '../../lib/verdict/first-screen';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { caseloadCsv, caseloadRows, filterRows, signOffText, type CaseloadRow } from '../../lib/caseload/caseload';
import { type StoredRecord } from '../../lib/store';
import { stageWords } from '../../components/readiness';
import { fixtureRecord, storedRecord } from '../support/records';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const calendar = createCalendar();
const setup = checkSetup(DEFAULT_SETTINGS, calendar)!;

const record = fixtureRecord;
const stored = (r: AssessmentRecord, id = r.assessmentId): StoredRecord => storedRecord(r, NOW, id);
function rowOf(r: AssessmentRecord): CaseloadRow {
  return caseloadRows(setup, [stored(r)], [], NOW)[0]!;
}
/** The first line the manager's panel shows for the record (components/ManagerView.tsx). */
function panelTitle(r: AssessmentRecord): string {
  const evaluation = runChecks(setup, r, NOW);
  return stageWords(evaluation, managerStage(evaluation, caseFacts(r, evaluation.today, calendar, evaluation), false, FORM_SECTIONS)).title;
}

describe('the sign-off column says what the manager’s panel says first', () => {
  it('the demo’s SA-1002, not sent to the manager: in progress, never "Not ready: 26 blocking"', () => {
    const r = record('demo-SA-1002');
    const row = rowOf(r);
    expect(row.stage?.kind).toBe('in-progress');
    expect(signOffText(row)).toMatch(/^In progress: \d+ of \d+ steps done(, \d+ overdue)?$/);
    expect(signOffText(row)).toBe(panelTitle(r));
    expect(signOffText(row)).not.toMatch(/Not ready|blocking/);
  });

  it('parts with required steps not read yet: "Can’t judge yet", with the parts to open', () => {
    const r = withoutFact(record('demo-SA-1003'), 'dates.managerPlanEndorsed');
    const row = rowOf(r);
    expect(row.stage).toEqual({ kind: 'cannot-judge', open: ['plan'] });
    expect(signOffText(row)).toBe('Can’t judge yet: open Assessment plan');
    expect(panelTitle(r)).toBe('Can’t judge yet');
  });

  it('sent to the manager: the readiness verdict, as before', () => {
    const sent = record('demo-SA-1003');
    expect(rowOf(sent).stage?.kind).toBe('judged');
    expect(signOffText(rowOf(sent))).toBe(panelTitle(sent));
    const blocked = withFacts(sent, { 'dates.managerPlanEndorsed': null });
    expect(signOffText(rowOf(blocked))).toMatch(/^Not ready: \d+ blocking$/);
  });

  it('the CSV and the "Not ready for sign-off" filter go by the same stage', () => {
    const rows = caseloadRows(setup, [stored(record('demo-SA-1002')), stored(withFacts(record('demo-SA-1003'), { 'dates.managerPlanEndorsed': null }), 'SA-1003b')], [], NOW);
    const csv = caseloadCsv(rows, { packName: 'Derby', packVersion: '1', made: 'today', dueText: () => 'due', dateText: (d) => d.slice(0, 10) });
    const line = (id: string) => csv.split('\r\n').find((l) => l.startsWith(`${id},`)) ?? '';
    expect(line('SA-1002')).toMatch(/,In progress,/);
    expect(line('SA-1003b')).toMatch(/,Not ready,/);
    expect(filterRows(rows, 'not-ready', 5).map((r) => r.assessmentId)).toEqual(['SA-1003b']);
  });
});

describe('among equally urgent assessments, risks first', () => {
  // Three assessments whose headline deadline is on track: a child in need assessment with the
  // fewest working days left, a Section 47 enquiry, and the demo's SA-1002 (a Section 47, a
  // 7-month-old baby, the family answered no to safe sleep and no advice is recorded).
  const cin = withFacts(record('derby-part-way-cin'), { 'safetyAdvice.smokeAlarms': 'yes' });
  const s47 = record('derby-s47-siblings-baby');
  const sa1002 = record('demo-SA-1002');
  const rows = caseloadRows(setup, [stored(cin), stored(s47), stored(sa1002)], [], NOW);

  it('all three are on track, the child in need assessment with the fewest days left', () => {
    expect(rows.map((r) => r.next?.state)).toEqual(['on-track', 'on-track', 'on-track']);
    const days = Object.fromEntries(rows.map((r) => [r.assessmentId, r.next?.workingDaysLeft]));
    expect(days[cin.assessmentId]!).toBeLessThan(days[s47.assessmentId]!);
    expect(days[s47.assessmentId]!).toBeLessThan(days[sa1002.assessmentId]!);
  });

  it('puts a Section 47 enquiry with an unsafe answer first, then a Section 47 enquiry, then the rest', () => {
    expect(rows.map((r) => r.assessmentId)).toEqual([sa1002.assessmentId, s47.assessmentId, cin.assessmentId]);
  });

  it('says why on the row: the Section 47 enquiry and the unsafe answer with no advice recorded', () => {
    const first = rows[0]!;
    expect(first.risks).toEqual(['Section 47 enquiry', 'No to safe sleep, with a baby: no safety advice recorded']);
    expect(rows[1]!.risks).toEqual(['Section 47 enquiry']);
    expect(rows[2]!.risks).toEqual([]);
  });

  it('an unsafe answer with advice recorded as given does not move a case up', () => {
    const advised = withFacts(cin, { 'safetyAdvice.smokeAlarms': 'no', 'safetyAdvice.adviceGivenWhereNo': true });
    expect(rowOf(advised).risks).toEqual([]);
    const open = withFacts(cin, { 'safetyAdvice.smokeAlarms': 'no', 'safetyAdvice.adviceGivenWhereNo': null });
    expect(rowOf(open).risks).toEqual(['No to smoke alarms: no safety advice recorded']);
  });

  it('clock urgency still comes first: an overdue assessment heads a Section 47 enquiry on track', () => {
    const overdue = record('derby-overdue');
    const order = caseloadRows(setup, [stored(sa1002), stored(overdue)], [], NOW).map((r) => r.assessmentId);
    expect(order).toEqual([overdue.assessmentId, sa1002.assessmentId]);
  });
});

describe('the target date agreed in the plan in the caseload', () => {
  it('is shown, but never heads above the 45 working days, in the caseload and the panel alike', () => {
    // Decision to assess 19 Oct 2026: 45 working days run into December; the plan agreed 20 Nov, now past.
    const r = withFacts(record('derby-part-way-cin'), { 'planning.targetDate': '2026-11-20', 'dates.completed': null });
    const evaluation = runChecks(setup, r, NOW);
    expect(evaluation.countdowns.find((c) => c.ruleId === 'derby/plan-target-date')?.status).toBe('overdue');
    const row = rowOf(r);
    expect(row.next?.ruleId).toBe('derby/assessment-45-working-days');
    expect(row.next?.ruleId).toBe(headlineDeadline(evaluation.countdowns)?.ruleId);
  });
});

// The "done when", through the command a council's IT team runs:
// `npm run check -- rec.json --pack derby --json`, on records built for each fix.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../../scripts/check';
import { withFacts, type AssessmentRecord } from '../../../model';
import { completeDerbyRecord as complete, section47DerbyRecord as s47, SUBJECT } from '../../../../tests/fixtures/records/derby-records';

const TMP = mkdtempSync(join(tmpdir(), 'derby-check-'));

interface Report {
  countdowns: Array<{ ruleId: string; status: string; detail?: string }>;
  findings: Array<{ ruleId: string; status: string }>;
  ready: { ready: boolean; blocking: Array<{ ruleId: string }> };
}

function check(name: string, record: AssessmentRecord): Report {
  const path = join(TMP, `${name}.json`);
  writeFileSync(path, JSON.stringify(record));
  const out: string[] = [];
  const code = runCheck([path, '--pack', 'derby', '--json'], {
    out: (line) => out.push(line),
    err: () => undefined,
    readFile: (p) => readFileSync(p, 'utf8'),
    now: () => new Date('2026-11-23T10:00:00Z'),
    colour: false,
  });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as Report;
}

const S47 = 'derby/child-seen-alone-24-hours-s47';
const seenAlone = (date: string, time?: string) => ({ [`children[${SUBJECT}].seenDates`]: [time ? { date, alone: true, time } : { date, alone: true }] });
const statusOf = (report: Report, ruleId: string) =>
  report.countdowns.find((c) => c.ruleId === ruleId)?.status ?? report.findings.find((f) => f.ruleId === ruleId)?.status;

describe('check --pack derby --json', () => {
  // The enquiry began Tue 15 Sep 2026 at 14:00 BST.
  it('a visit 25 hours after the enquiry began is met late', () => {
    expect(statusOf(check('25-hours', withFacts(s47, seenAlone('2026-09-16', '15:00'))), S47)).toBe('met-late');
  });

  it('a visit before the enquiry began does not meet the clock', () => {
    expect(statusOf(check('before-start', withFacts(s47, seenAlone('2026-09-15', '09:00'))), S47)).toBe('overdue');
  });

  it('a visit on the due day with no time is not on time, and says the time is needed', () => {
    const report = check('no-time', withFacts(s47, seenAlone('2026-09-16')));
    expect(statusOf(report, S47)).toBe('overdue');
    expect(report.countdowns.find((c) => c.ruleId === S47)?.detail).toMatch(/no time is recorded/);
  });

  it('a child in need assessment with a Section 47 start gets the 24-hour clock', () => {
    const record = withFacts(complete, { 'dates.section47Start': '2026-10-05T09:00:00+01:00', ...seenAlone('2026-10-05', '12:00') });
    expect(statusOf(check('cin-with-s47', record), S47)).toBe('met-on-time');
  });

  it('a late manager’s copy with the assessment on time owes no timescale reason, and does not block', () => {
    const report = check('late-copy', withFacts(complete, { 'dates.submittedToManager': '2026-11-11' }));
    expect(statusOf(report, 'derby/manager-copy-5-working-days-before')).toBe('met-late');
    expect(statusOf(report, 'derby/timescale-exceeded-reason')).toBe('not-applicable');
    expect(report.ready.ready).toBe(true);
  });

  it('a new referral years after an earlier assessment closed has no 12-month clock', () => {
    expect(statusOf(check('new-referral', withFacts(complete, { 'dates.previousAssessmentCompleted': '2021-06-01' })), 'derby/reassessment-12-months')).toBe(
      'not-applicable',
    );
  });

  it('a strategy discussion as the outcome does not block on its date', () => {
    const record = withFacts(complete, { 'outcome.decision': 'strategy-discussion', 'outcome.significantHarmSuspected': true, 'outcome.planOfActionRecorded': null });
    expect(statusOf(check('strategy-outcome', record), 'derby/strategy-discussion-held')).toBe('not-applicable');
  });

  it('a newborn is never asked for views', () => {
    const record = withFacts(complete, { 'children[C-SIBLING].dateOfBirth': '2026-11-20', 'children[C-SIBLING].viewsRecorded': null });
    expect(statusOf(check('newborn', record), 'derby/child-views-recorded')).toBe('met');
  });
});

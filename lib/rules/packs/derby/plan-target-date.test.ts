// Derby 2.3, "Manager's endorsement of plan and timescales": "Assessments should be completed
// within 45 working days. However, sometimes a shorter deadline will be required in the
// interests of the child(ren) concerned." A target date agreed in the plan that is earlier
// than the 45 working days is shown as a deadline of its own: good practice (the procedure
// leaves the shorter deadline to the plan), never blocking, and the 45 working days still shown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecord, withFacts, withoutFact, type AssessmentRecord, type FactValue } from '../../../model';
import { evaluate } from '../../../rules/engine';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';

const TARGET = 'derby/plan-target-date';
const FORTY_FIVE = 'derby/assessment-45-working-days';

// Referral Mon 2 Nov 2026 + 45 working days: 3 Nov–24 Dec (38), [25, 28 Dec], 29–31 Dec (41),
// [1 Jan], 4–7 Jan → Thu 7 Jan 2027. The test clock is Mon 23 Nov 2026, 10:00 GMT.
function referred(target: string | null, facts: Record<string, FactValue | null> = {}): AssessmentRecord {
  return withFacts(complete, {
    'dates.assessmentDecision': null,
    'dates.referral': '2026-11-02',
    'dates.completed': null,
    'dates.submittedToManager': null,
    'planning.targetDate': target,
    ...facts,
  });
}

testRule(pack, TARGET, [
  { name: 'target agreed earlier than the 45 working days, not yet due', record: referred('2026-12-21'), expect: 'on-track', due: '2026-12-21' },
  { name: 'completed by the target date', record: referred('2026-12-21', { 'dates.completed': '2026-12-18' }), now: '2026-12-22T10:00:00Z', expect: 'met-on-time' },
  { name: 'completed after the target date (still within 45 working days)', record: referred('2026-12-21', { 'dates.completed': '2026-12-22' }), now: '2026-12-23T10:00:00Z', expect: 'met-late' },
  { name: 'past the target date, not completed', record: referred('2026-12-21'), now: '2026-12-22T10:00:00Z', expect: 'overdue' },
  { name: 'target date on the 45th working day: no shorter deadline', record: referred('2027-01-07'), expect: 'not-applicable' },
  { name: 'target date after the 45 working days: the 45 working days are the deadline', record: referred('2027-01-20'), expect: 'not-applicable' },
  { name: 'no target date recorded', record: referred(null), expect: 'not-applicable' },
  { name: 'target date not read yet', record: withoutFact(referred('2026-12-21'), 'planning.targetDate'), expect: 'unknown' },
]);

describe('the target date agreed in the plan', () => {
  it('never blocks sign-off, however late, and the 45 working days are still shown', () => {
    const { countdown, evaluation } = statusOf(pack, TARGET, referred('2026-12-21'), '2026-12-22T10:00:00Z');
    expect(countdown).toMatchObject({ severity: 'expected', status: 'overdue', name: 'Target date agreed in the plan' });
    expect(evaluation.ready.blocking.some((b) => b.ruleId === TARGET)).toBe(false);
    expect(evaluation.countdowns.find((c) => c.ruleId === FORTY_FIVE)).toMatchObject({ status: 'on-track', due: '2027-01-07' });
  });

  it('says where the date comes from and that the 45 working days still apply', () => {
    const { countdown } = statusOf(pack, TARGET, referred('2026-12-21'));
    expect(countdown?.basis).toBe('the target date agreed in the plan, 21 Dec 2026');
    expect(countdown?.detail).toBe('Earlier than the 45 working days, due 7 Jan 2027, which still apply.');
    expect(countdown?.field).toBe('dates.completed');
  });

  it('is not read yet when the 45 working days cannot be counted yet (the decision date not read)', () => {
    const record = withoutFact(referred('2026-12-21'), 'dates.assessmentDecision');
    expect(statusOf(pack, TARGET, record).countdown?.status).toBe('unknown');
  });

  it('does not apply, and is never "not read yet", where the case system records no target date', () => {
    const record = withoutFact(referred('2026-12-21'), 'planning.targetDate');
    const evaluation = evaluate(record, pack, '2026-11-23T10:00:00Z', { reads: (path) => path !== 'planning.targetDate' });
    expect(evaluation.countdowns.find((c) => c.ruleId === TARGET)?.status).toBe('not-applicable');
  });

  it('the demo’s SA-1003: 40 working days agreed in the plan and endorsed, read from the page, met on time', () => {
    // tests/fixtures/records/demo-SA-1003.json is built from the saved demo pages through the demo's field map.
    const parsed = parseRecord(JSON.parse(readFileSync(new URL('../../../../tests/fixtures/records/demo-SA-1003.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('demo-SA-1003 does not parse');
    const { countdown, evaluation } = statusOf(pack, TARGET, parsed.record);
    expect(countdown).toMatchObject({ status: 'met-on-time', due: '2026-12-07', detail: 'Earlier than the 45 working days, due 14 Dec 2026, which still apply.' });
    expect(evaluation.countdowns.find((c) => c.ruleId === FORTY_FIVE)).toMatchObject({ status: 'met-on-time', due: '2026-12-14' });
  });
});

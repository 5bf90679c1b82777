// A date that cannot be right (a referral after today, completion before the referral) is
// shown as such, never turned into a countdown ("54 working days left" on a 45-day clock).
import { describe, expect, it } from 'vitest';
import { dueText, countdownStateWords } from '../../components/format';
import { withFacts } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby';
import { inProgressDerbyRecord } from '../fixtures/records/derby-records';

const NOW = '2026-11-20T10:00:00Z';
const clock = (record: typeof inProgressDerbyRecord) => evaluate(record, derbyPack, NOW).countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days');

describe('dates that cannot be right', () => {
  it('a referral after today gives no countdown, and says the date cannot be right', () => {
    const c = clock(withFacts(inProgressDerbyRecord, { 'dates.referral': '2026-12-04' }));
    expect(c?.workingDaysLeft).toBeUndefined();
    expect(c?.due).toBeUndefined();
    expect(c?.dateProblem).toMatch(/4 Dec 2026.*after today.*cannot be right/);
    expect(c?.field).toBe('dates.referral');
    expect(c && dueText(c)).toMatch(/cannot be right/);
    expect(c && countdownStateWords(c.status)).not.toMatch(/left/);
  });

  it('completion before the referral is not "met on time"', () => {
    const c = clock(withFacts(inProgressDerbyRecord, { 'dates.completed': '2026-10-20' }));
    expect(c?.status).not.toBe('met-on-time');
    expect(c?.dateProblem).toMatch(/before the referral/);
  });

  it('an ordinary referral still counts down', () => {
    const c = clock(inProgressDerbyRecord);
    expect(c?.dateProblem).toBeUndefined();
    expect(typeof c?.workingDaysLeft).toBe('number');
  });
});

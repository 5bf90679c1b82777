// @vitest-environment jsdom
// The panel's first screen, acknowledging a step, the timeline and the caseload page, in jsdom.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../components/Panel';
import { Caseload } from '../../components/Caseload';
import { ClockTimeline } from '../../components/Timeline';
import { applyAcknowledgements, itemRef, type Acknowledgement } from '../../lib/acknowledgements';
import { createCalendar } from '../../lib/calendar';
import { checkSetup, runChecks } from '../../lib/verdict/checks';
import { caseloadRows } from '../../lib/caseload/caseload';
import { clockTimeline } from '../../lib/verdict/timeline';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord, withFacts } from '../../lib/model';
import { completeDerbyRecord, inProgressDerbyRecord } from '../fixtures/records/derby-records';
import { caseFacts, workerSteps } from '../../lib/verdict/first-screen';
import { headlineDeadline } from '../../lib/verdict/headline';
import type { CountdownResult } from '../../lib/rules/types';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const calendar = createCalendar();
const setup = checkSetup(DEFAULT_SETTINGS, calendar)!;
const partWay = parseRecord(JSON.parse(readFileSync(join(__dirname, '../fixtures/records/derby-part-way-cin.json'), 'utf8')));
if (!partWay.ok) throw new Error('derby-part-way-cin does not parse');
const inProgress = runChecks(setup, partWay.record, NOW);

let container: HTMLDivElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});
async function show(vnode: preact.ComponentChild) {
  await act(() => {
    render(vnode, container);
  });
}

function props(overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    evaluation: inProgress,
    status: 'ready',
    packName: 'Derby City',
    view: 'worker',
    onViewChange: vi.fn(),
    onShowMe: vi.fn(),
    onPrint: vi.fn(),
    ...overrides,
  };
}

describe('the panel’s first screen', () => {
  it('puts the nearest deadline on one line, then the missing steps for the open section, then the questions', async () => {
    await show(<Panel {...props({ currentSection: 'profile' })} />);
    const order = [...container.querySelectorAll('[data-next-deadline], [data-missing-steps], [data-prompts]')].map((el) =>
      el.hasAttribute('data-next-deadline') ? 'deadline' : el.hasAttribute('data-missing-steps') ? 'missing' : 'prompts',
    );
    expect(order).toEqual(['deadline', 'missing', 'prompts']);
    // Every deadline is still there, folded.
    expect(container.querySelector('[data-all-deadlines]')?.hasAttribute('open')).toBe(false);
    expect(container.querySelectorAll('[data-all-deadlines] li[data-rule-id]').length).toBeGreaterThan(0);
    // The open section's group comes first.
    const first = container.querySelector('[data-missing-steps] section[data-section]');
    const sections = [...container.querySelectorAll('[data-missing-steps] section[data-section]')].map((s) => s.getAttribute('data-section'));
    if (sections.includes('profile')) expect(first?.getAttribute('data-section')).toBe('profile');
  });

  it('folds a section’s questions once the worker has seen them and comes back', async () => {
    await show(<Panel {...props({ currentSection: 'background' })} />);
    expect(container.querySelector('[data-prompts]')?.getAttribute('data-prompts-seen')).toBe('no');
    await show(<Panel {...props({ currentSection: 'profile' })} />);
    await show(<Panel {...props({ currentSection: 'background' })} />);
    expect(container.querySelector('[data-prompts]')?.getAttribute('data-prompts-seen')).toBe('yes');
    expect(container.querySelector('[data-prompts] details')?.hasAttribute('open')).toBe(false);
  });
});

// The demo's Section 47 (issue 23): three children, a baby of 7 months; the family answered no to
// safe sleep and no advice is recorded; the strategy discussion was yesterday; nothing sent to the manager.
const demoS47 = parseRecord(JSON.parse(readFileSync(join(__dirname, '../fixtures/records/demo-SA-1002.json'), 'utf8')));
if (!demoS47.ok) throw new Error('demo-SA-1002 does not parse');
const s47 = runChecks(setup, demoS47.record, NOW);
const s47Facts = caseFacts(demoS47.record, s47.today, calendar, s47);

describe('the first screen of a Section 47 (issue 23)', () => {
  it('opens on the risk, named where it is (the baby and safe sleep), above the clocks', async () => {
    await show(<Panel {...props({ evaluation: s47, facts: s47Facts, currentSection: 'plan' })} />);
    const risks = container.querySelector('[data-risks]');
    expect(risks?.textContent).toContain('The family answered no to safe sleep, and there is a baby (PS, under 1). No safety advice is recorded yet.');
    const blocks = [...container.querySelectorAll('[data-risks], [data-deadlines], [data-missing-steps]')].map((el) =>
      el.hasAttribute('data-risks') ? 'risks' : el.hasAttribute('data-deadlines') ? 'deadlines' : 'steps',
    );
    expect(blocks).toEqual(['risks', 'deadlines', 'steps']);
  });

  it('shows the conference clock as conditional: 15 working days from the strategy discussion', async () => {
    // Working Together 2023: "within 15 working days of the strategy discussion at which section 47 enquiries were initiated".
    await show(<Panel {...props({ evaluation: s47, facts: s47Facts })} />);
    const line = container.querySelector('[data-conditional-clock]')?.textContent ?? '';
    expect(line).toContain('If a conference is needed:');
    expect(line).toContain('by 11 Dec 2026');
  });

  it('splits what is due now from what comes later, with the manager’s own steps apart', async () => {
    await show(<Panel {...props({ evaluation: s47, facts: s47Facts, currentSection: 'plan' })} />);
    const ids = (steps: string) => [...container.querySelectorAll(`[data-steps="${steps}"] li[data-rule-id]`)].map((li) => li.getAttribute('data-rule-id'));
    // Not "25 required steps still to do" on day 0: the end of the assessment is later.
    expect(ids('now')).toContain('derby/safety-advice-given');
    expect(ids('now')).toContain('derby/assessment-plan-agreed-in-writing');
    expect(ids('now')).not.toContain('derby/interpreter-for-sharing');
    expect(ids('now')).not.toContain('derby/analysis-minimum');
    expect(ids('later')).toContain('derby/interpreter-for-sharing');
    expect(ids('manager')).toEqual(['derby/manager-threshold-comment']);
    expect(container.querySelector('[data-steps="later"]')?.hasAttribute('open')).toBe(false);
    expect(container.querySelector('[data-steps-line]')?.textContent).toMatch(/^\d+ to do now, \d+ later in this assessment and 1 for your manager\.$/);
  });
});

describe('the same visit counted once (issue 23)', () => {
  it('a child not seen alone is one step, shown with its overdue clock', async () => {
    // Derby 2.3: see the child alone within 5 working days if the child may be in need.
    const notSeen = withFacts(partWay.record, { 'children[P3101].seenDates': [{ date: '2026-10-22', alone: false }] });
    const evaluation = runChecks(setup, notSeen, NOW);
    await show(<Panel {...props({ evaluation, facts: caseFacts(notSeen, evaluation.today, calendar, evaluation) })} />);
    const forSubject = [...container.querySelectorAll('[data-missing-steps] li[data-subject="P3101"]')].filter((li) =>
      /child-seen-alone/.test(li.getAttribute('data-rule-id') ?? ''),
    );
    expect(forSubject).toHaveLength(1);
    expect(forSubject[0]?.getAttribute('data-clock')).toBe('derby/child-seen-alone-5-working-days');
    expect(forSubject[0]?.closest('[data-steps]')?.getAttribute('data-steps')).toBe('now');
    expect(forSubject[0]?.textContent).toContain('Overdue');
  });
});

describe('the manager’s first line (issue 23)', () => {
  it('before the worker has sent the assessment: progress, not “Not ready”; a verdict when the manager asks', async () => {
    await show(<Panel {...props({ evaluation: s47, facts: s47Facts, view: 'manager' })} />);
    const status = container.querySelector('[data-readiness]');
    expect(status?.getAttribute('data-readiness')).toBe('in-progress');
    expect(status?.querySelector('h2')?.textContent).toMatch(/^In progress: \d+ of \d+ steps done$/);
    expect(container.querySelector('.screen-only')?.textContent).not.toContain('Not ready');
    await act(() => (container.querySelector('[data-ask-readiness]') as HTMLButtonElement).click());
    expect(container.querySelector('[data-readiness]')?.getAttribute('data-readiness')).toBe('not-ready');
  });

  it('on a case opened with parts not read: which parts to open, before any verdict; unknown conditions as conditions', async () => {
    await show(<Panel {...props({ view: 'manager' })} />);
    const status = container.querySelector('[data-readiness]');
    expect(status?.getAttribute('data-readiness')).toBe('cannot-judge');
    expect(status?.querySelector('h2')?.textContent).toBe('Can’t judge yet');
    expect(status?.querySelector('[data-parts-to-open]')?.textContent).toMatch(/^Open .*Analysis and recommendation.* in the case system first/);
    const text = container.textContent ?? '';
    expect(text).not.toContain('Not ready');
    // A rule whose condition is not read yet is never stated as a fact.
    for (const f of inProgress.ready.blocking.filter((b) => b.kind === 'check' && b.conditionUnknown)) {
      const li = container.querySelector(`[data-blocking] li[data-rule-id="${f.ruleId}"]`);
      expect(li?.querySelector('.finding__message')?.textContent).toMatch(/^If this applies to this assessment \(not read yet\): /);
    }
  });

  it('shows no rule ids or map versions in the manager’s view or the print', async () => {
    await show(<Panel {...props({ evaluation: s47, facts: s47Facts, view: 'manager' })} />);
    expect(container.textContent).not.toMatch(/derby\/|national\/|Reference:/);
    expect(container.textContent).not.toContain('sent to your manager');
  });
});

describe('people told apart (issue 23)', () => {
  it('drops initials two people share: “Mother (SS)” and “SS, aged 3” become “Mother” and “Child 2, aged 3”', () => {
    const labels = new Set([...s47.findings, ...s47.countdowns].flatMap((f) => (f.subject ? [f.subject.label] : [])));
    expect(labels).toContain('Mother');
    expect(labels).toContain('Child 2, aged 3');
    expect(labels).toContain('Father (TS)');
    expect([...labels].some((l) => l.includes('SS'))).toBe(false);
  });
});

describe('the first line of the deadlines (issue 22)', () => {
  it('is the nearest clock that runs, never a “not read yet” one while one runs', () => {
    const running = s47.countdowns.find((c) => c.status === 'on-track')!;
    const unread: CountdownResult = { ...running, ruleId: 'derby/x', status: 'unknown', due: undefined, conditionUnknown: true };
    expect(headlineDeadline([unread, running])).toBe(running);
    expect(headlineDeadline([unread])).toBe(unread);
  });

  it('an end-of-assessment step stays later where the council’s form holds its field in an early part', () => {
    // Derby 2.10: the interpreter is for sharing the finished assessment; the demo form asks about it in 2.1.
    const placed = checkSetup(DEFAULT_SETTINGS, calendar, new Map([['household.interpreterUsed', 'household' as const]]))!;
    const ev = runChecks(placed, demoS47.record, NOW);
    const step = ev.findings.find((f) => f.ruleId === 'derby/interpreter-for-sharing');
    expect(step?.section).toBe('household');
    expect(step?.ruleSection).toBe('outcomes');
    const steps = workerSteps(ev, s47Facts, ['household']);
    expect(steps.later.map((s) => s.finding.ruleId)).toContain('derby/interpreter-for-sharing');
  });

  it('a step the open part holds is due now', () => {
    const steps = workerSteps(s47, s47Facts, ['analysis']);
    expect(steps.now.map((s) => s.finding.ruleId)).toContain('derby/analysis-minimum');
  });
});

describe('acknowledging a step', () => {
  it('records a coded reason, shows it with undo; a manager can accept it; the verdict counts accepted exceptions', async () => {
    const acknowledge = vi.fn();
    const accept = vi.fn();
    const undo = vi.fn();
    await show(<Panel {...props({ view: 'manager', acknowledgements: { role: 'worker', acknowledge, accept, undo } })} />);
    const li = container.querySelector('[data-blocking] li[data-rule-id]') as HTMLElement;
    const record = li.querySelector('[data-ack-record]') as HTMLButtonElement;
    // No reason chosen: says so, records nothing.
    await act(() => record.click());
    expect(li.textContent).toContain('Choose a reason');
    expect(acknowledge).not.toHaveBeenCalled();
    const radio = li.querySelector('input[type="radio"]') as HTMLInputElement;
    await act(() => radio.click());
    await act(() => record.click());
    expect(acknowledge).toHaveBeenCalledWith(expect.objectContaining({ ruleId: li.dataset.ruleId }), radio.value);

    const item = inProgress.ready.blocking[0]!;
    const ack: Acknowledgement = { key: `k|${itemRef(item)}`, recordKey: 'k', item: itemRef(item), ruleId: item.ruleId, reason: 'recorded-in-case-notes', role: 'worker', on: '2026-11-23' };
    await show(<Panel {...props({ view: 'manager', evaluation: applyAcknowledgements(inProgress, [ack]), acknowledgements: { role: 'manager', acknowledge, accept, undo } })} />);
    const recorded = container.querySelector('[data-blocking] [data-acknowledged="awaiting"]') as HTMLElement;
    expect(recorded.textContent).toContain('Noted on this computer on 23 Nov 2026: Recorded in the case notes. Not yet accepted.');
    // With no place in the map for exceptions, the panel says plainly the note stays on this computer.
    expect(recorded.querySelector('[data-ack-local]')?.textContent).toMatch(/kept on this computer only/);
    await act(() => (recorded.querySelector('[data-ack-accept]') as HTMLButtonElement).click());
    expect(accept).toHaveBeenCalled();
    await act(() => (recorded.querySelector('[data-ack-undo]') as HTMLButtonElement).click());
    expect(undo).toHaveBeenCalled();

    const all = inProgress.ready.blocking.map((b): Acknowledgement => ({ ...ack, key: `k|${itemRef(b)}`, item: itemRef(b), ruleId: b.ruleId, acceptedOn: '2026-11-24' }));
    await show(<Panel {...props({ view: 'manager', evaluation: applyAcknowledgements(inProgress, all) })} />);
    expect(container.querySelector('[data-readiness] h2')?.textContent).toBe(`Ready, with ${all.length} accepted exceptions`);
    // Issue 24 item 8: the role is a setting, so an acceptance made in the panel is not called a manager's.
    expect(container.querySelector('[data-print-summary]')?.textContent).toContain('Accepted on this computer on 24 Nov 2026 by whoever uses this browser profile');
    expect(container.querySelector('[data-print-summary]')?.textContent).not.toMatch(/accepted by a manager/i);
  });
});

describe('the timeline', () => {
  it('is a list a screen reader reads in order; the picture is hidden from it', async () => {
    const record = withFacts(completeDerbyRecord, {});
    const e = runChecks(setup, record, NOW);
    const t = clockTimeline(record.dates?.referral, e.countdowns, e.today, calendar)!;
    await show(<ClockTimeline timeline={t} />);
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const items = [...container.querySelectorAll('ol li')].map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^Day 0Referral, /);
    expect(items.some((i) => /done \d+ \w+ 2026/.test(i))).toBe(true);
  });
});

describe('the caseload page', () => {
  it('lists rows by urgency and filters them', async () => {
    const rows = caseloadRows(
      setup,
      [completeDerbyRecord, inProgressDerbyRecord].map((r, i) => ({ key: `k${i}`, caseSystem: r.caseSystem, assessmentId: `SA-${i}`, record: r, createdAt: NOW, updatedAt: NOW })),
      [],
      NOW,
    );
    const onOpen = vi.fn();
    await show(<Caseload rows={rows} packName="Derby City" packVersion="1" now="2026-11-23T10:00:00Z" retentionDays={30} withinDays={5} onOpen={onOpen} onDownloadCsv={vi.fn()} onPrint={vi.fn()} />);
    expect(container.querySelectorAll('[data-caseload-row]').length).toBe(2);
    expect(container.textContent).toContain('Procedure: Derby City, rules version 1.');
    await act(() => (container.querySelector('[data-filter="ready"]') as HTMLInputElement).click());
    expect([...container.querySelectorAll('[data-caseload-row]')].every((tr) => tr.getAttribute('data-ready') === 'yes')).toBe(true);
    expect(container.querySelector('[data-caseload-count]')?.textContent).toMatch(/^Showing \d assessments? of 2\.$/);
  });
});

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

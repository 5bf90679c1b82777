// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm, parseOrigin, parseRetention, type OptionsFormProps } from '../../components/OptionsForm';
import { Panel, type PanelProps } from '../../components/Panel';
import { sectionsOpenNow } from '../../components/parts';
import { ReadinessSummary } from '../../components/ReadinessSummary';
import { countdownStateWords, dueText, longDate, momentText, sectionName, SECTION_NAMES, severityWords } from '../../components/format';
import { groupBySectionAndSubject } from '../../components/group';
import { formatLongDate } from '../../lib/calendar';
import { FORM_SECTION_NAMES, FORM_SECTIONS, withFacts, withoutFact, type FormSection } from '../../lib/model';
import { evaluate, readiness } from '../../lib/rules/engine';
import { completeDerbyRecord } from '../fixtures/records/derby-records';
import { derbyPack } from '../../lib/rules/packs/derby';
import { COUNTDOWN_STATES, type CountdownResult, type Evaluation, type Finding, type Prompt, type Subject } from '../../lib/rules/types';

// ---------------------------------------------------------------- builders

const CHILD_A: Subject = { kind: 'child', id: 'C1', label: 'AK (subject child), aged 7' };
const CHILD_B: Subject = { kind: 'child', id: 'C2', label: 'MK, aged 1' };
const MOTHER: Subject = { kind: 'adult', id: 'A1', label: 'Mother (EK)' };

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'section'>): Finding {
  return {
    kind: 'check',
    severity: 'required',
    status: 'missing',
    message: `Message for ${partial.ruleId}`,
    source: { label: 'Derby 2.5', section: '2.5', passage: 'Background' },
    ...partial,
  };
}

function countdown(partial: Partial<CountdownResult> & Pick<CountdownResult, 'status'>): CountdownResult {
  return {
    kind: 'countdown',
    ruleId: 'derby/assessment-45-working-days',
    severity: 'required',
    section: 'plan',
    message: 'Complete the assessment by its due date.',
    source: { label: 'Derby 2.3', section: '2.3', passage: '45 working days' },
    // The assessment's own timescale: the one clock a recorded reason excuses.
    excusedBy: 'timescale.exceededReasonRecorded',
    ...partial,
  };
}

function prompt(ruleId: string, section: FormSection, message: string): Prompt {
  return { ruleId, section, message, source: { label: 'Derby 2.5', section: '2.5', passage: 'Practice triggers' } };
}

function evaluation(parts: { findings?: Finding[]; countdowns?: CountdownResult[]; prompts?: Prompt[]; exceededReason?: boolean }): Evaluation {
  const findings = parts.findings ?? [];
  // As the engine does: a late clock is excused only by its own reason (its `excusedBy`).
  const countdowns = (parts.countdowns ?? []).map((c) =>
    parts.exceededReason && c.excusedBy === 'timescale.exceededReasonRecorded' && (c.status === 'overdue' || c.status === 'met-late') ? { ...c, excused: true as const } : c,
  );
  return {
    packId: 'derby',
    packVersion: '2026.1',
    now: '2026-11-23T10:00:00.000Z',
    today: '2026-11-23',
    countdowns,
    findings,
    prompts: parts.prompts ?? [],
    ready: readiness(findings, countdowns),
  };
}

/** A mixed evaluation: missing steps in two sections for two children and an adult, some not read yet. */
function mixed(): Evaluation {
  return evaluation({
    findings: [
      // Met, but names AK first: children are listed in the order the evaluation names them.
      finding({ ruleId: 'derby/bedroom', section: 'profile', severity: 'expected', subject: CHILD_A, status: 'met', message: 'See the bedroom of each child.' }),
      finding({ ruleId: 'derby/bedroom', section: 'profile', severity: 'expected', subject: CHILD_B, field: 'children[C2].bedroomSeen', message: 'See the bedroom of each child.' }),
      finding({ ruleId: 'derby/own-words', section: 'profile', subject: CHILD_A, field: 'children[C1].ownWordsRecorded', message: 'Record the child’s own words.' }),
      finding({ ruleId: 'derby/genogram', section: 'background', field: 'background.genogram', message: 'Complete a genogram.' }),
      finding({ ruleId: 'derby/chronology', section: 'background', status: 'unknown', field: 'background.chronologyUpdated', message: 'Update the chronology.' }),
      finding({ ruleId: 'derby/parents-views', section: 'views', status: 'unknown', subject: MOTHER, field: 'adults[A1].viewsRecorded', message: 'Record each parent’s views.' }),
      finding({ ruleId: 'derby/own-words', section: 'profile', subject: CHILD_B, field: 'children[C2].ownWordsRecorded', message: 'Record the child’s own words.' }),
      finding({ ruleId: 'derby/ecomap', section: 'background', status: 'met', message: 'Complete an ecomap.' }),
    ],
    countdowns: [
      countdown({ status: 'on-track', due: '2026-12-02', workingDaysLeft: 7, basis: '45 working days from referral on 2 Oct 2026' }),
      countdown({ ruleId: 'derby/child-seen-alone-5-working-days', status: 'unknown', section: 'reasons', field: 'dates.referral', message: 'See the child alone within 5 working days.' }),
      countdown({ ruleId: 'derby/reassessment-12-months', status: 'not-applicable', message: 'Reassess within 12 months.' }),
    ],
    prompts: [
      prompt('derby/prompt-bg', 'background', 'What is the family history telling you?'),
      prompt('derby/prompt-profile', 'profile', 'What is daily life like for this child?'),
    ],
  });
}

// ---------------------------------------------------------------- rendering

let container: HTMLDivElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function panelProps(overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    evaluation: mixed(),
    status: 'ready',
    packName: 'Derby City',
    assessmentLabel: 'SA-1001, child in need',
    view: 'worker',
    onViewChange: vi.fn(),
    onShowMe: vi.fn(),
    onPrint: vi.fn(),
    ...overrides,
  };
}

async function show(vnode: preact.ComponentChild) {
  await act(() => {
    render(vnode, container);
  });
}

function byHeading(text: string, level = 'h2'): HTMLElement {
  const heading = [...container.querySelectorAll(level)].find((h) => h.textContent?.startsWith(text));
  if (!heading) throw new Error(`No ${level} starting "${text}" in:\n${container.textContent}`);
  const section = heading.closest('section');
  if (!section) throw new Error(`Heading "${text}" is not in a section`);
  return section as HTMLElement;
}

function buttons(root: ParentNode = container): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')];
}

function buttonByText(text: string, root: ParentNode = container): HTMLButtonElement {
  const b = buttons(root).find((x) => x.textContent?.startsWith(text));
  if (!b) throw new Error(`No button "${text}"`);
  return b;
}

async function click(el: HTMLElement) {
  await act(() => {
    el.click();
  });
}

// ---------------------------------------------------------------- format helpers

describe('format helpers', () => {
  it('say the due date and working days left', () => {
    expect(dueText(countdown({ status: 'due-soon', due: '2026-12-02', workingDaysLeft: 3 }))).toBe('Due 2 Dec 2026 — 3 working days left');
    expect(dueText(countdown({ status: 'due-soon', due: '2026-12-02', workingDaysLeft: 1 }))).toBe('Due 2 Dec 2026 — 1 working day left');
    expect(dueText(countdown({ status: 'on-track', due: '2027-01-14', workingDaysLeft: 30 }))).toBe('Due 14 Jan 2027 — 30 working days left');
  });

  it('say overdue and due today', () => {
    expect(dueText(countdown({ status: 'overdue', due: '2026-11-19', workingDaysLeft: -2 }))).toBe('Overdue by 2 working days');
    expect(dueText(countdown({ status: 'overdue', due: '2026-11-19', workingDaysLeft: -1 }))).toBe('Overdue by 1 working day');
    // Due on a Friday, read on the Saturday: no working day has passed, but it is late.
    expect(dueText(countdown({ status: 'overdue', due: '2026-11-20', workingDaysLeft: 0 }))).toBe('Overdue — was due 20 Nov 2026');
    expect(dueText(countdown({ status: 'due-today', due: '2026-11-23', workingDaysLeft: 0 }))).toBe('Due today');
  });

  it('give the clock time for 24-hour deadlines', () => {
    const base = { due: '2026-11-24T14:30:00+00:00', dueIsTime: true, workingDaysLeft: 1 };
    expect(dueText(countdown({ status: 'on-track', ...base, hoursLeft: 5.4 }))).toBe('Due by 14:30 on 24 Nov 2026 — 5 hours left');
    expect(dueText(countdown({ status: 'due-soon', ...base, hoursLeft: 1 }))).toBe('Due by 14:30 on 24 Nov 2026 — 1 hour left');
    expect(dueText(countdown({ status: 'due-soon', ...base, hoursLeft: 0.4 }))).toBe('Due by 14:30 on 24 Nov 2026 — less than 1 hour left');
    expect(dueText(countdown({ status: 'overdue', ...base, hoursLeft: -3.2 }))).toBe('Overdue by 3 hours');
  });

  it('say what a deadline is waiting for, and when it was met', () => {
    expect(dueText(countdown({ status: 'unknown', section: 'reasons', field: 'dates.referral' }))).toBe(
      'Start date not read yet — open Reasons for the assessment',
    );
    expect(dueText(countdown({ status: 'missing', section: 'reasons' }))).toBe('Start date not recorded — fill it in under Reasons for the assessment');
    expect(dueText(countdown({ status: 'unknown', due: '2026-11-17' }))).toBe('Due 17 Nov 2026 — not read yet whether this has been done');
    expect(dueText(countdown({ status: 'met-on-time', due: '2026-11-17', metOn: '2026-11-04' }))).toBe('Met on time on 4 Nov 2026 (due 17 Nov 2026)');
    expect(dueText(countdown({ status: 'met-late', due: '2026-11-17', metOn: '2026-11-20' }))).toBe('Met late on 20 Nov 2026 (was due 17 Nov 2026)');
    expect(dueText(countdown({ status: 'on-track', error: 'boom' }))).toBe('Could not work out this deadline');
  });

  it('name every state, severity and section in words', () => {
    expect(COUNTDOWN_STATES.map(countdownStateWords)).toEqual(['On track', 'Due soon', 'Due today', 'Overdue', 'Met on time', 'Met late']);
    expect(countdownStateWords('unknown')).toBe('Not read yet');
    expect(severityWords('required')).toBe('Required');
    expect(severityWords('expected')).toBe('Good practice');
    expect(sectionName('background')).toBe('Background, history and safety');
    expect(sectionName('no-such-section')).toBe('no-such-section');
    expect(sectionName('toString')).toBe('toString');
  });

  it('keep its copy of the section names the same as the model’s', () => {
    expect(SECTION_NAMES).toEqual(FORM_SECTION_NAMES);
    expect(Object.keys(SECTION_NAMES)).toEqual([...FORM_SECTIONS]);
  });

  it('format dates exactly as lib/calendar does, without loading date-fns', () => {
    for (const d of ['2026-01-01', '2026-02-28', '2026-03-09', '2026-09-30', '2027-12-31', '2028-02-29']) expect(longDate(d)).toBe(formatLongDate(d));
    expect(longDate('not a date')).toBe('not a date');
  });

  it('give moments in England’s time, summer and winter', () => {
    expect(momentText('2026-11-23T10:00:00.000Z')).toBe('23 Nov 2026 at 10:00');
    expect(momentText('2026-07-01T10:00:00Z')).toBe('1 Jul 2026 at 11:00');
    expect(momentText('rubbish')).toBe('rubbish');
  });
});

// ---------------------------------------------------------------- worker view

describe('Panel, worker view', () => {
  it('groups missing steps by form section, then by child or adult, required first', async () => {
    await show(<Panel {...panelProps({ currentSection: 'background' })} />);
    const missing = byHeading('Steps still missing');
    const sections = [...missing.querySelectorAll('h4')].map((h) => h.textContent);
    // The open part's steps are to do now; the child's profile comes later in the assessment.
    expect(sections).toEqual(['Background, history and safety (open now)', 'Child’s profile and story']);
    expect(missing.querySelector('[data-steps="now"]')?.textContent).toContain('Background, history and safety');
    expect(missing.querySelector('[data-steps="later"]')?.textContent).toContain('Child’s profile and story');
    const profile = byHeading('Child’s profile and story', 'h4');
    expect([...profile.querySelectorAll('h5')].map((h) => h.textContent)).toEqual(['AK (subject child), aged 7', 'MK, aged 1']);
    // MK: the required step is listed before the good practice one.
    const mk = [...profile.querySelectorAll('.subject-group')][1] as HTMLElement;
    expect([...mk.querySelectorAll('.severity-tag')].map((t) => t.textContent)).toEqual(['Required', 'Good practice']);
    expect(mk.textContent).toContain('Derby 2.5');
  });

  it('never lists a step not read yet as missing, and says which section to open', async () => {
    await show(<Panel {...panelProps()} />);
    const missing = byHeading('Steps still missing');
    expect(missing.textContent).not.toContain('Update the chronology.');
    expect(missing.textContent).not.toContain('Record each parent’s views.');
    const notRead = byHeading('Not read yet');
    expect(notRead.textContent).toContain('Update the chronology.');
    expect(notRead.textContent).toContain('Open Background, history and safety so this can be checked.');
    expect(notRead.textContent).toContain('Open Views of the child and family so this can be checked.');
    expect(notRead.textContent).toContain('For Mother (EK)');
    // Met steps are nowhere.
    expect(container.textContent).not.toContain('Complete an ecomap.');

    // With the section open, "open it" would be no help.
    await show(<Panel {...panelProps({ currentSection: 'background' })} />);
    expect(byHeading('Not read yet').textContent).toContain('You have this section open, but this has not been found on the page yet.');
  });

  it('shows the prompts for the section the worker has open, and follows them', async () => {
    const props = panelProps({ currentSection: 'background' });
    await show(<Panel {...props} />);
    let prompts = byHeading('Things to think about');
    expect(prompts.querySelector('h2')?.textContent).toBe('Things to think about: Background, history and safety');
    expect(prompts.textContent).toContain('What is the family history telling you?');
    expect(prompts.textContent).not.toContain('daily life');

    await show(<Panel {...props} currentSection="profile" />);
    prompts = byHeading('Things to think about');
    expect(prompts.querySelector('h2')?.textContent).toBe('Things to think about: Child’s profile and story');
    expect(prompts.textContent).toContain('What is daily life like for this child?');
    expect(prompts.textContent).not.toContain('family history');

    await show(<Panel {...props} currentSection={undefined} />);
    prompts = byHeading('Things to think about');
    expect(prompts.textContent).toContain('Open a section of the assessment form');
    expect(prompts.textContent).toContain('Background, history and safety; Child’s profile and story');
  });

  it('steps the case system cannot show have their own group in both views, never "open … to see this"', async () => {
    const ev = evaluation({
      findings: [finding({ ruleId: 'derby/genogram', section: 'background', status: 'unknown', field: 'background.genogram', message: 'Complete a genogram.', notCheckedHere: true })],
    });
    await show(<Panel {...panelProps({ evaluation: ev, currentSection: 'reasons' })} />);
    expect(byHeading('Not checked with this case system (1)').textContent).toContain('Complete a genogram.');
    expect(container.querySelector('[data-not-read]')).toBeNull();
    expect(buttons().some((b) => b.textContent?.includes('genogram'))).toBe(false);
    await show(<Panel {...panelProps({ evaluation: ev, view: 'manager' })} />);
    expect(byHeading('Not checked with this case system (1)').textContent).toContain('Complete a genogram.');
  });

  it('the verdict names what the case system does not record, in the panel and the print (issue 22)', async () => {
    const ev = evaluation({
      findings: [
        finding({ ruleId: 'derby/genogram', section: 'background', status: 'unknown', field: 'background.genogram', message: 'Complete a genogram.', notCheckedHere: true }),
        finding({ ruleId: 'derby/agencies', section: 'background', status: 'unknown', message: 'Consult the agencies.', notCheckedHere: true }),
        finding({ ruleId: 'derby/icpc', section: 'child-protection', status: 'unknown', message: 'Hold the conference.', notCheckedHere: true }),
      ],
    });
    expect(ev.ready.ready).toBe(true);
    await show(<Panel {...panelProps({ evaluation: ev, view: 'manager' })} />);
    const verdict = container.querySelector('[data-readiness]');
    expect(verdict?.getAttribute('data-readiness')).toBe('ready');
    expect(verdict?.textContent).toContain('Ready, with 3 things this case system does not record: check them yourself');
    expect(byHeading('Not checked with this case system (3)').textContent).toContain('Hold the conference.');
    await show(<ReadinessSummary evaluation={ev} packName="Derby City" />);
    expect(container.textContent).toContain('Ready, with 3 things this case system does not record: check them yourself');
    expect(byHeading('Not checked with this case system (3)').textContent).toContain('Consult the agencies.');
  });

  it('a page showing several sections is all of them: Show me and prompts for each', async () => {
    await show(<Panel {...panelProps({ currentSection: 'background', openSections: ['background', 'profile'] })} />);
    // A step in the second section shown is "Show me", never "Open … to see this".
    const ownWords = buttons().find((b) => b.textContent?.includes('for MK, aged 1') && b.textContent.includes('own words'));
    expect(ownWords?.textContent).toBe('Show me: Record the child’s own words. for MK, aged 1');
    const prompts = byHeading('Things to think about');
    expect(prompts.textContent).toContain('What is the family history telling you?');
    expect(prompts.textContent).toContain('What is daily life like for this child?');
  });

  it('a page showing all ten parts with one in view: only that part is open now, and only its prompts (issue 22, item 5)', async () => {
    const ev = { ...mixed(), prompts: FORM_SECTIONS.map((s) => prompt(`derby/prompt-${s}`, s, `Think about ${s}.`)) };
    const page = { section: FORM_SECTIONS[0], sections: FORM_SECTIONS, inView: 'background' as const };
    expect(sectionsOpenNow({ ...page, inView: undefined })).toEqual(FORM_SECTIONS);
    await show(<Panel {...panelProps({ evaluation: ev, currentSection: page.section, openSections: sectionsOpenNow(page), pageSections: FORM_SECTIONS })} />);
    const missing = byHeading('Steps still missing');
    expect([...missing.querySelectorAll('h4')].map((h) => h.textContent).filter((t) => t?.includes('(open now)'))).toEqual(['Background, history and safety (open now)']);
    const prompts = byHeading('Things to think about');
    expect(prompts.textContent).toContain('Think about background.');
    for (const other of FORM_SECTIONS.filter((s) => s !== 'background')) expect(prompts.textContent).not.toContain(`Think about ${other}.`);
    // A step in another part the page shows is still "Show me" (its field is on the page).
    const ownWords = buttons().find((b) => b.textContent?.includes('for MK, aged 1') && b.textContent.includes('own words'));
    expect(ownWords?.textContent).toBe('Show me: Record the child’s own words. for MK, aged 1');
  });

  it('passes the finding to onShowMe, and names the button after the step and child', async () => {
    const props = panelProps({ currentSection: 'background' });
    await show(<Panel {...props} />);
    const here = buttonByText('Show me');
    expect(here.textContent).toBe('Show me: Complete a genogram.');
    await click(here);
    expect(props.onShowMe).toHaveBeenCalledTimes(1);
    expect(vi.mocked(props.onShowMe).mock.calls[0]?.[0]).toMatchObject({ ruleId: 'derby/genogram', field: 'background.genogram' });

    // In another section: the button says where to go, and still calls back.
    const elsewhere = buttons().find((b) => b.textContent?.includes('for MK, aged 1') && b.textContent.includes('own words'));
    expect(elsewhere?.textContent).toBe('Open Child’s profile and story to see this: Record the child’s own words. for MK, aged 1');
    await click(elsewhere as HTMLButtonElement);
    expect(vi.mocked(props.onShowMe).mock.calls[1]?.[0]).toMatchObject({ ruleId: 'derby/own-words', subject: CHILD_B });
  });

  it('shows the result of "Show me" beside the step that was pressed', async () => {
    const props = panelProps({ currentSection: 'profile' });
    await show(<Panel {...props} />);
    const mk = buttons().find((b) => b.textContent?.includes('own words') && b.textContent.includes('MK')) as HTMLButtonElement;
    await click(mk);
    await show(<Panel {...props} showMeResult={{ ruleId: 'derby/own-words', message: 'Highlighted on the page.' }} />);
    const results = [...container.querySelectorAll('.show-me__result')];
    expect(results).toHaveLength(1);
    expect(results[0]?.closest('li')?.textContent).toContain('MK');
  });

  it('shows deadlines with their state in words, the basis on demand, and hides ones that do not apply', async () => {
    await show(<Panel {...panelProps()} />);
    const deadlines = byHeading('Deadlines');
    const items = [...deadlines.querySelectorAll('li.countdown')];
    expect(items).toHaveLength(2);
    // In the headline's order (lib/verdict/headline.ts): a running clock before one whose start is not read yet.
    expect(items[1]?.textContent).toContain('Start date not read yet — open Reasons for the assessment');
    expect(items[0]?.querySelector('.state-tag')?.textContent).toBe('On track');
    expect(items[0]?.querySelector('.state-tag svg')).not.toBeNull();
    expect(items[0]?.textContent).toContain('Due 2 Dec 2026 — 7 working days left');
    const details = items[0]?.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('How this date is worked out');
    expect(details?.textContent).toContain('45 working days from referral on 2 Oct 2026.');
    expect(deadlines.textContent).not.toContain('Reassess within 12 months');
  });

  it('says clearly when everything required is done', async () => {
    const done = evaluation({ findings: [finding({ ruleId: 'derby/genogram', section: 'background', status: 'met' })] });
    await show(<Panel {...panelProps({ evaluation: done })} />);
    expect(byHeading('Steps still missing').textContent).toContain('All the required steps are done.');
  });

  it('shows a rule that failed as "Could not check this rule" and keeps going', async () => {
    const broken = evaluation({
      findings: [
        finding({ ruleId: 'derby/genogram', section: 'background', status: 'unknown', error: 'Cannot read properties of undefined' }),
        finding({ ruleId: 'derby/ecomap', section: 'background', message: 'Complete an ecomap.' }),
      ],
      countdowns: [countdown({ status: 'unknown', error: 'bad date' }), countdown({ ruleId: 'x/odd', status: 'on-track', due: 'garbage', workingDaysLeft: 2 })],
    });
    await show(<Panel {...panelProps({ evaluation: broken })} />);
    expect(byHeading('Could not check').textContent).toContain('Could not check this rule: Message for derby/genogram');
    // A failed rule is not "not read yet": opening a section would not help.
    expect(container.textContent).not.toContain('Not read yet');
    expect(byHeading('Steps still missing').textContent).toContain('Complete an ecomap.');
    expect(byHeading('Deadlines').textContent).toContain('Could not work out this deadline');
    expect(byHeading('Deadlines').textContent).toContain('Due garbage — 2 working days left');
    // No rule ids or error text in the worker's view.
    expect(container.textContent).not.toContain('Cannot read properties');
  });

  it('keeps the rest of the panel working when one block cannot be drawn', async () => {
    const bad = mixed();
    // A finding that breaks the type (no source): only the missing-steps block gives up.
    bad.findings.push({ ...finding({ ruleId: 'derby/broken', section: 'plan' }), source: undefined as never });
    await show(<Panel {...panelProps({ evaluation: bad, currentSection: 'background' })} />);
    expect(container.textContent).toContain('Something went wrong showing the missing steps.');
    expect(byHeading('Deadlines').textContent).toContain('On track');
    expect(byHeading('Things to think about').textContent).toContain('family history');
  });

  it('announces a change in the number of missing steps, and only then', async () => {
    const props = panelProps();
    await show(<Panel {...props} />);
    const live = [...container.querySelectorAll('[aria-live="polite"]')].find((el) => el.classList.contains('visually-hidden')) as HTMLElement;
    expect(live.textContent).toBe('');
    // A new evaluation with the same count: nothing to say.
    await show(<Panel {...props} evaluation={mixed()} lastReadAt="2026-11-23T10:05:00Z" />);
    expect(live.textContent).toBe('');
    const fewer = mixed();
    fewer.findings = fewer.findings.filter((f) => f.ruleId !== 'derby/genogram');
    await show(<Panel {...props} evaluation={fewer} />);
    // The same split the worker sees (issue 23: a Section 47 on day 0 was announced as "28 steps
    // still missing, 26 required" while the panel showed what is due now and what comes later).
    expect(live.textContent).toBe('Steps still missing: nothing to do now and 3 later in this assessment.');
    expect(byHeading('Steps still missing').textContent).toContain('Nothing to do now and 3 later in this assessment.');
  });

  it('renders page-derived text as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const ev = evaluation({
      findings: [finding({ ruleId: 'derby/x', section: 'profile', subject: { kind: 'child', id: 'C9', label: evil }, field: 'children[C9].viewsRecorded', message: `Record ${evil}` })],
      prompts: [prompt('derby/p', 'profile', evil)],
    });
    await show(<Panel {...panelProps({ evaluation: ev, assessmentLabel: evil, currentSection: 'profile', showMeResult: { ruleId: 'derby/x', message: evil } })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(evil);
    await show(<Panel {...panelProps({ evaluation: ev, assessmentLabel: evil, view: 'manager' })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.print-only')?.textContent).toContain(evil);
  });
});

// ---------------------------------------------------------------- panel states and tabs

describe('Panel, states and views', () => {
  it('asks for an assessment when none is open', async () => {
    await show(<Panel {...panelProps({ status: 'no-case', evaluation: null })} />);
    expect(container.querySelector('h1')?.textContent).toBe('Assessment Companion');
    expect(container.textContent).toContain('Open a Single Assessment in the case system');
    expect(container.querySelector('[role="tablist"]')).toBeNull();
  });

  it('says when checks are paused or the page is out of reach, and keeps what was read', async () => {
    await show(<Panel {...panelProps({ status: 'unrecognised-page' })} />);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Checks paused');
    expect(container.textContent).toContain('Steps still missing');
    await show(<Panel {...panelProps({ status: 'disconnected' })} />);
    expect(container.textContent).toContain('refresh the case system page');
    await show(<Panel {...panelProps({ status: 'reading', evaluation: null })} />);
    expect(container.textContent).toContain('Reading the assessment…');
  });

  it('shows how far a long first read has got, outside the live region, and says older results are from the last read', async () => {
    const readingProgress = 'Reading this page: 120 of 800 people so far.';
    await show(<Panel {...panelProps({ status: 'reading', evaluation: null, readingProgress })} />);
    const note = container.querySelector('[data-reading-progress]');
    expect(note?.textContent).toBe(readingProgress);
    expect(note?.closest('[role="status"], [aria-live]')).toBeNull();
    await show(<Panel {...panelProps({ status: 'reading', readingProgress })} />);
    expect(container.querySelector('[data-reading-progress]')?.textContent).toBe(`${readingProgress} What is shown below is from the last read.`);
    await show(<Panel {...panelProps({ status: 'ready', readingProgress })} />);
    expect(container.querySelector('[data-reading-progress]')).toBeNull();
  });

  it('switches views with tabs, by click and by arrow keys', async () => {
    const props = panelProps();
    await show(<Panel {...props} />);
    const tabs = [...container.querySelectorAll('[role="tab"]')] as HTMLButtonElement[];
    expect(tabs.map((t) => t.textContent)).toEqual(['Worker view', 'Manager view']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1]);
    const panel = container.querySelector('[role="tabpanel"]');
    expect(panel?.getAttribute('aria-labelledby')).toBe(tabs[0]?.id);
    await click(tabs[1] as HTMLButtonElement);
    expect(props.onViewChange).toHaveBeenLastCalledWith('manager');
    await act(() => {
      tabs[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(props.onViewChange).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(tabs[1]);
    // No positive tabindex anywhere.
    for (const el of container.querySelectorAll('[tabindex]')) expect(Number(el.getAttribute('tabindex'))).toBeLessThanOrEqual(0);
  });
});

// ---------------------------------------------------------------- manager view

describe('Panel, manager view', () => {
  it('says which parts to open before judging, and lists the blocking steps with child and section', async () => {
    const props = panelProps({ view: 'manager', currentSection: 'profile' });
    await show(<Panel {...props} />);
    const status = container.querySelector('.readiness[role="status"]');
    // Chronology and parents' views are not read yet: no verdict on parts not read.
    expect(status?.querySelector('h2')?.textContent).toBe('Can’t judge yet');
    expect(status?.textContent).toContain('Open Background, history and safety and Views of the child and family in the case system first');
    const blocking = byHeading('Blocking sign-off (5)');
    expect(blocking.textContent).toContain('Child MK, aged 1');
    expect(blocking.textContent).toContain('Section Child’s profile and story');
    expect(blocking.textContent).toContain('State Not read yet');
    // No rule ids in the manager's view.
    expect(blocking.textContent).not.toContain('derby/genogram');
    await click(buttonByText('Show me', blocking));
    expect(vi.mocked(props.onShowMe).mock.calls[0]?.[0]).toMatchObject({ ruleId: 'derby/own-words' });
    expect(byHeading('Good practice still open (1)').textContent).toContain('See the bedroom of each child.');
    expect(byHeading('Deadlines').textContent).toContain('On track');
  });

  it('says Ready for sign-off when nothing blocks, and an overdue deadline without a reason blocks', async () => {
    const ready = evaluation({ findings: [finding({ ruleId: 'derby/genogram', section: 'background', status: 'met' })] });
    await show(<Panel {...panelProps({ view: 'manager', evaluation: ready })} />);
    expect(container.querySelector('.readiness[role="status"] h2')?.textContent).toBe('Ready for sign-off');

    const late = evaluation({ countdowns: [countdown({ status: 'overdue', due: '2026-11-19', workingDaysLeft: -2 })] });
    await show(<Panel {...panelProps({ view: 'manager', evaluation: late })} />);
    expect(container.querySelector('.readiness h2')?.textContent).toBe('Not ready');
    expect(container.querySelector('.readiness')?.textContent).toContain('1 step blocks sign-off: 1 deadline passed without a reason.');
    expect(byHeading('Blocking sign-off').textContent).toContain('Overdue: no reason recorded for going over the timescale');

    const excused = evaluation({ exceededReason: true, countdowns: [countdown({ status: 'overdue', due: '2026-11-19', workingDaysLeft: -2 })] });
    await show(<Panel {...panelProps({ view: 'manager', evaluation: excused })} />);
    expect(container.querySelector('.readiness h2')?.textContent).toBe('Ready for sign-off');
  });

  it('prints a summary for supervision', async () => {
    const props = panelProps({ view: 'manager' });
    await show(<Panel {...props} />);
    await click(buttonByText('Print or save as PDF'));
    expect(props.onPrint).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.panel--has-summary')).not.toBeNull();
    const summary = container.querySelector('.print-only') as HTMLElement;
    expect(summary.querySelector('h1')?.textContent).toBe('Single Assessment: readiness for sign-off');
    expect(summary.textContent).toContain('Derby City, rules version 2026.1');
    expect(summary.textContent).toContain('SA-1001, child in need');
    expect(summary.textContent).toContain('23 Nov 2026 at 10:00');
    expect(summary.textContent).toContain('Can’t judge yet');
    expect(summary.textContent).not.toContain('derby/');
    expect(summary.textContent).toContain('Blocking sign-off (5)');
    expect(summary.textContent).toContain('Good practice still open (1)');
    expect(summary.textContent).toContain('Due 2 Dec 2026 — 7 working days left');
    // The worker view has no print-only summary.
    await show(<Panel {...props} view="worker" />);
    expect(container.querySelector('.print-only')).toBeNull();
  });

  it('renders the summary on its own', async () => {
    await show(<ReadinessSummary evaluation={mixed()} packName="Hertfordshire" generatedAt="2026-06-01T08:30:00Z" />);
    expect(container.textContent).toContain('1 Jun 2026 at 09:30');
    expect(container.textContent).toContain('Assessment Not known');
  });
});

// ---------------------------------------------------------------- the real engine and pack

describe('Panel with the Derby pack', () => {
  const NOW = '2026-11-23T10:00:00Z';

  it('renders a complete record as ready, with no missing steps', async () => {
    const ev = evaluate(completeDerbyRecord, derbyPack, NOW);
    await show(<Panel {...panelProps({ evaluation: ev, currentSection: 'background' })} />);
    expect(byHeading('Steps still missing').textContent).toContain('All the required steps are done.');
    expect(container.querySelector('.countdown')).not.toBeNull();
    expect(byHeading('Things to think about').querySelectorAll('li.prompt').length).toBeGreaterThan(0);
  });

  it('shows a blank genogram as missing and an unread chronology as not read yet', async () => {
    const record = withoutFact(withFacts(completeDerbyRecord, { 'background.genogram': null }), 'background.chronologyUpdated');
    const ev = evaluate(record, derbyPack, NOW);
    const genogram = ev.findings.find((f) => f.ruleId === 'derby/genogram');
    const chronology = ev.findings.find((f) => f.ruleId === 'derby/chronology');
    await show(<Panel {...panelProps({ evaluation: ev, currentSection: 'background' })} />);
    expect(byHeading('Steps still missing').textContent).toContain(genogram?.message);
    expect(byHeading('Steps still missing').textContent).not.toContain(chronology?.message);
    expect(byHeading('Not read yet').textContent).toContain(chronology?.message);
    await show(<Panel {...panelProps({ evaluation: ev, view: 'manager' })} />);
    expect(container.querySelector('.readiness h2')?.textContent).toBe('Can’t judge yet');
  });
});

// ---------------------------------------------------------------- grouping

describe('groupBySectionAndSubject', () => {
  it('puts steps about the whole assessment before children, and children before adults', () => {
    const groups = groupBySectionAndSubject([
      finding({ ruleId: 'a', section: 'views', subject: MOTHER }),
      finding({ ruleId: 'b', section: 'views', subject: CHILD_A }),
      finding({ ruleId: 'c', section: 'views' }),
      finding({ ruleId: 'd', section: 'household' }),
    ]);
    expect(groups.map((g) => g.section)).toEqual(['household', 'views']);
    expect(groups[1]?.subjects.map((s) => s.subject?.label ?? null)).toEqual([null, CHILD_A.label, MOTHER.label]);
  });
});

// ---------------------------------------------------------------- options

function optionsProps(overrides: Partial<OptionsFormProps> = {}): OptionsFormProps {
  return {
    packId: 'derby',
    packs: [
      { id: 'derby', name: 'Derby City' },
      { id: 'hertfordshire', name: 'Hertfordshire' },
    ],
    fieldMap: { id: 'lcs-demo', version: '3', inUse: true },
    origins: ['https://lcs.example.gov.uk'],
    retentionDays: 30,
    holidays: { knownUntil: '2027-12-27', source: 'bundled' },
    stored: { assessments: 4, oldestRecord: '2026-10-30' },
    onPackChange: vi.fn(),
    onImportFieldMap: vi.fn(),
    onOriginsChange: vi.fn(),
    onRetentionChange: vi.fn(),
    onImportHolidays: vi.fn(),
    onClearAll: vi.fn(),
    ...overrides,
  };
}

async function typeInto(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(form: HTMLFormElement) {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('OptionsForm', () => {
  it('shows settings set by the organisation, with disabled controls and a note', async () => {
    await show(<OptionsForm {...optionsProps({ locked: { pack: true, retention: true, origins: true, fieldMap: true, holidays: true } })} />);
    const radios = [...container.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    expect(radios.every((r) => r.disabled)).toBe(true);
    expect(radios.find((r) => r.checked)?.value).toBe('derby');
    const retention = byHeading('How long to keep').querySelector('input') as HTMLInputElement;
    expect(retention.disabled).toBe(true);
    expect(retention.value).toBe('30');
    const origins = byHeading('Case system addresses');
    expect(origins.textContent).toContain('https://lcs.example.gov.uk');
    expect(buttons(origins).every((b) => b.disabled || !b.textContent?.startsWith('Remove'))).toBe(true);
    expect(buttons(origins).some((b) => b.textContent?.startsWith('Remove'))).toBe(false);
    expect([...container.querySelectorAll('input[type="file"]')].every((i) => (i as HTMLInputElement).disabled)).toBe(true);
    expect(container.querySelectorAll('.locked-note')).toHaveLength(5);
    expect(container.querySelector('.locked-note')?.textContent).toContain('Set by your organisation');
  });

  it('lets the pack, origins and retention be changed when not locked', async () => {
    const props = optionsProps();
    await show(<OptionsForm {...props} />);
    const herts = [...container.querySelectorAll('input[type="radio"]')].find((r) => (r as HTMLInputElement).value === 'hertfordshire') as HTMLInputElement;
    await click(herts);
    expect(props.onPackChange).toHaveBeenCalledWith('hertfordshire');

    const origins = byHeading('Case system addresses');
    const input = origins.querySelector('input') as HTMLInputElement;
    await typeInto(input, 'http://evil.example.com');
    await submit(origins.querySelector('form') as HTMLFormElement);
    expect(props.onOriginsChange).not.toHaveBeenCalled();
    expect(origins.textContent).toContain('The address must start with https://');
    await typeInto(input, 'https://second.example.gov.uk/');
    await submit(origins.querySelector('form') as HTMLFormElement);
    expect(props.onOriginsChange).toHaveBeenLastCalledWith(['https://lcs.example.gov.uk', 'https://second.example.gov.uk']);
    await click(buttonByText('Remove', origins));
    expect(props.onOriginsChange).toHaveBeenLastCalledWith([]);

    const retention = byHeading('How long to keep');
    await typeInto(retention.querySelector('input') as HTMLInputElement, '0');
    await submit(retention.querySelector('form') as HTMLFormElement);
    expect(props.onRetentionChange).not.toHaveBeenCalled();
    expect(retention.textContent).toContain('Enter a whole number of days from 1 to 365');
    await typeInto(retention.querySelector('input') as HTMLInputElement, '14');
    await submit(retention.querySelector('form') as HTMLFormElement);
    expect(props.onRetentionChange).toHaveBeenCalledWith(14);
  });

  it('asks for confirmation before clearing all data', async () => {
    const props = optionsProps();
    await show(<OptionsForm {...props} />);
    await click(buttonByText('Clear all data'));
    expect(props.onClearAll).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Are you sure? This deletes 4 stored assessments from this browser.');
    expect(document.activeElement?.classList.contains('confirm')).toBe(true);
    await click(buttonByText('Cancel'));
    expect(props.onClearAll).not.toHaveBeenCalled();
    expect(container.textContent).not.toContain('Are you sure?');
    expect(document.activeElement?.textContent).toBe('Clear all data');

    await click(buttonByText('Clear all data'));
    await click(buttonByText('Confirm'));
    expect(props.onClearAll).toHaveBeenCalledTimes(1);
    expect(container.textContent).not.toContain('Are you sure?');
  });

  it('reads an imported file and passes its text up, and lists import problems', async () => {
    const props = optionsProps({ fieldMapErrors: [{ path: '$.fields[2].locator', message: 'expected a label or selector' }] });
    await show(<OptionsForm {...props} />);
    const section = byHeading('Case system field map');
    expect(section.textContent).toContain('lcs-demo');
    expect(section.textContent).toContain('In use');
    expect(section.querySelector('[role="alert"]')?.textContent).toContain('$.fields[2].locator: expected a label or selector');
    const input = section.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['{"id":"lcs-demo"}'], 'map.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(props.onImportFieldMap).toHaveBeenCalledWith('{"id":"lcs-demo"}'));
  });

  it('renders stored values as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await show(<OptionsForm {...optionsProps({ origins: [evil], packs: [{ id: 'x', name: evil }], fieldMap: { id: evil, version: evil, inUse: false } })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(evil);
  });

  it('checks origins and retention typed by hand', () => {
    expect(parseOrigin('https://lcs.example.gov.uk')).toEqual({ ok: true, origin: 'https://lcs.example.gov.uk' });
    expect(parseOrigin('http://localhost:5173')).toEqual({ ok: true, origin: 'http://localhost:5173' });
    expect(parseOrigin('http://lcs.example.gov.uk').ok).toBe(false);
    expect(parseOrigin('https://lcs.example.gov.uk/cases?id=1').ok).toBe(false);
    expect(parseOrigin('javascript:alert(1)').ok).toBe(false);
    expect(parseRetention('30')).toEqual({ ok: true, days: 30 });
    expect(parseRetention('366').ok).toBe(false);
    expect(parseRetention('2.5').ok).toBe(false);
  });
});

// The whole side panel. Presentational: props in, callbacks out; the entrypoint wires it
// to the extension. Everything read from the page or the record is rendered as text.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FormSection } from '../lib/model/section-names';
import type { Evaluation } from '../lib/rules/types';
import type { CheckedEvaluation } from '../lib/acknowledgements';
import type { Timeline } from '../lib/verdict/timeline';
import { managerStage, workerSteps, type CaseFacts } from '../lib/verdict/first-screen';
import { FORM_SECTIONS } from '../lib/model/section-names';
import type { AcknowledgeContext } from './Acknowledge';
import { momentText } from './format';
import { missingFindings } from './group';
import { ManagerView } from './ManagerView';
import { Boundary, openSectionsOf, type ShowMeContext, type ShowMeTarget } from './parts';
import { ReadinessSummary } from './ReadinessSummary';
import { WorkerView, stepsWords } from './WorkerView';

export type { ShowMeTarget } from './parts';

export type PanelStatus = 'no-case' | 'unrecognised-page' | 'reading' | 'ready' | 'disconnected';
export type PanelView = 'worker' | 'manager';

export interface PanelProps {
  evaluation: CheckedEvaluation | null;
  /** The assessment's clock, when its referral date is known. */
  timeline?: Timeline | null;
  /** What the record says beyond the evaluation: whether it was sent to the manager, risks, conditional clocks. */
  facts?: CaseFacts;
  /** Who uses this browser (settings), and how acknowledgements are recorded; absent: no acknowledging. */
  acknowledgements?: Omit<AcknowledgeContext, 'evaluation'>;
  /** Opens the caseload page. */
  onOpenCaseload?(): void;
  /** The form section the worker has open, when the page says. */
  currentSection?: FormSection;
  /** The sections open now (sectionsOpenNow in components/parts.tsx): the one in view on a page showing several. */
  openSections?: readonly FormSection[];
  /** Every section the page shows, when it shows several (currentSection is the first). */
  pageSections?: readonly FormSection[];
  status: PanelStatus;
  /** e.g. "SA-1001, child in need". */
  assessmentLabel?: string;
  /** The pack's name, e.g. "Derby City". */
  packName: string;
  view: PanelView;
  onViewChange(view: PanelView): void;
  /** "Show me" on a finding or deadline: the wiring scrolls the page to its field. */
  onShowMe(target: ShowMeTarget): void;
  /** What happened after the last "Show me", e.g. "This field is not on the page you have open". */
  showMeResult?: { ruleId: string; message: string };
  onPrint(): void;
  /** When the page was last read (ISO). */
  lastReadAt?: string;
  /** While a page's first read is still going: what has been read so far (components/reading-progress.ts). */
  readingProgress?: string;
}

const VIEWS: ReadonlyArray<{ id: PanelView; label: string }> = [
  { id: 'worker', label: 'Worker view' },
  { id: 'manager', label: 'Manager view' },
];

/** What the live region says when the number of missing steps changes: the same split the worker view shows. */
export function missingAnnouncement(evaluation: Evaluation, facts: CaseFacts | undefined, open: readonly FormSection[]): string {
  if (missingFindings(evaluation).length === 0) return 'No steps missing.';
  return `Steps still missing: ${stepsWords(workerSteps(evaluation, facts, open))}.`;
}

function StatusNotice({ status, hasEvaluation }: { status: PanelStatus; hasEvaluation: boolean }) {
  switch (status) {
    case 'no-case':
      return (
        <div class="notice">
          <h2>No assessment open</h2>
          <p>Open a Single Assessment in the case system. The checks start when the Companion can read it.</p>
        </div>
      );
    case 'unrecognised-page':
      return (
        <div class="notice notice--warning">
          <h2>Checks paused</h2>
          <p>The Companion does not know how to read this page, so it is not checking it. Go back to the assessment form to carry on.</p>
          {hasEvaluation ? <p>Below is what was read before.</p> : null}
        </div>
      );
    case 'disconnected':
      return (
        <div class="notice notice--warning">
          <h2>Lost contact with the page</h2>
          <p>Save your work, then refresh the case system page to reconnect.</p>
          {hasEvaluation ? <p>What is shown below may be out of date.</p> : null}
        </div>
      );
    case 'reading':
      return <p class="notice notice--quiet">Reading the assessment…</p>;
    default:
      return hasEvaluation ? null : <p class="notice notice--quiet">Nothing to show yet.</p>;
  }
}

function Tabs({ view, onViewChange, panelId, children }: { view: PanelView; onViewChange(v: PanelView): void; panelId: string; children: ComponentChildren }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const selected = Math.max(
    0,
    VIEWS.findIndex((v) => v.id === view),
  );
  const tabId = (i: number) => `${panelId}-tab-${i}`;

  function select(i: number) {
    const target = VIEWS[i];
    if (!target) return;
    refs.current[i]?.focus();
    if (target.id !== view) onViewChange(target.id);
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = VIEWS.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = selected === last ? 0 : selected + 1;
    else if (event.key === 'ArrowLeft') next = selected === 0 ? last : selected - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === null) return;
    event.preventDefault();
    select(next);
  }

  return (
    <>
      <div class="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(i)}
            class="tabs__tab"
            aria-selected={i === selected ? 'true' : 'false'}
            aria-controls={panelId}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => select(i)}
            onKeyDown={onKeyDown}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div class="tabs__panel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}

export function Panel(props: PanelProps) {
  const { evaluation, currentSection, openSections, pageSections, status, assessmentLabel, packName, view, onViewChange, onShowMe, showMeResult, onPrint, lastReadAt, timeline, acknowledgements, onOpenCaseload, readingProgress, facts } = props;
  const panelId = useId();
  // The manager asked for a verdict before the worker sent the assessment: for this assessment only.
  const [askedFor, setAskedFor] = useState<string | undefined>(undefined);
  const stage = evaluation ? managerStage(evaluation, facts, askedFor !== undefined && askedFor === (assessmentLabel ?? ''), FORM_SECTIONS) : undefined;
  const [lastShown, setLastShown] = useState<string | null>(null);

  // Announce a change in the number of missing steps, not every re-render: the page is re-read often.
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);
  const missingCount = evaluation ? missingFindings(evaluation).length : null;
  useEffect(() => {
    if (missingCount === null || !evaluation) return;
    if (previous.current !== null && previous.current !== missingCount) setAnnouncement(missingAnnouncement(evaluation, facts, openSectionsOf({ currentSection, openSections })));
    previous.current = missingCount;
  }, [missingCount]); // Only the count matters here, not each new evaluation object.


  // Sections whose questions the worker has seen: folded when the section is opened again.
  const [seenSections, setSeenSections] = useState<ReadonlySet<string>>(new Set());
  const shownSection = useRef<string | undefined>(undefined);
  useEffect(() => {
    const left = shownSection.current;
    shownSection.current = currentSection;
    if (left !== undefined && left !== currentSection && !seenSections.has(left)) setSeenSections(new Set([...seenSections, left]));
  }, [currentSection]); // Only a change of section marks the one left as seen.

  const ctx: ShowMeContext = {
    currentSection,
    ...(openSections ? { openSections } : {}),
    ...(pageSections ? { pageSections } : {}),
    onShowMe,
    showMeResult,
    lastShown,
    setLastShown,
    ...(acknowledgements && evaluation ? { ack: { ...acknowledgements, evaluation } } : {}),
  };
  const showViews = status !== 'no-case' && evaluation !== null;
  const printable = showViews && view === 'manager' && evaluation !== null;

  return (
    <div class={`panel${printable ? ' panel--has-summary' : ''}`}>
      <div class="screen-only">
        <header class="panel-header">
          <h1>Assessment Companion</h1>
          {assessmentLabel && status !== 'no-case' ? <p class="panel-header__case">{assessmentLabel}</p> : null}
          <p class="panel-header__meta">
            {packName ? `Procedure: ${packName}` : 'Procedure not chosen yet'}
            {lastReadAt && status !== 'no-case' ? <span class="panel-header__read"> · Last read {momentText(lastReadAt)}</span> : null}
          </p>
          {onOpenCaseload ? (
            <p class="panel-header__links">
              <button type="button" class="link-button" data-open-caseload="" onClick={() => onOpenCaseload()}>
                Open the caseload<span class="visually-hidden"> (every assessment read on this computer, in a new tab)</span>
              </button>
            </p>
          ) : null}
        </header>

        <div role="status" class="status-region">
          <StatusNotice status={status} hasEvaluation={evaluation !== null} />
        </div>
        {readingProgress && status === 'reading' ? (
          // Not a live region: the count moves several times a second, the status above says it once.
          <p class="notice notice--quiet" data-reading-progress="">
            {readingProgress}
            {evaluation ? ' What is shown below is from the last read.' : ''}
          </p>
        ) : null}
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">
          {showMeResult?.message ?? ''}
        </div>

        {showViews && evaluation ? (
          <Tabs view={view} onViewChange={onViewChange} panelId={panelId}>
            <Boundary what="this view">
              {view === 'manager' ? (
                <ManagerView evaluation={evaluation} ctx={ctx} onPrint={onPrint} stage={stage ?? { kind: 'judged' }} onAsk={() => setAskedFor(assessmentLabel ?? '')} />
              ) : (
                <WorkerView
                  evaluation={evaluation}
                  currentSection={currentSection}
                  ctx={ctx}
                  timeline={timeline}
                  facts={facts}
                  promptsSeen={currentSection !== undefined && seenSections.has(currentSection)}
                />
              )}
            </Boundary>
          </Tabs>
        ) : null}
      </div>
      {printable && evaluation ? (
        <div class="print-only">
          <Boundary what="the printable summary">
            <ReadinessSummary evaluation={evaluation} packName={packName} assessmentLabel={assessmentLabel} stage={stage} />
          </Boundary>
        </div>
      ) : null}
    </div>
  );
}

// The caseload page: every assessment read on this computer or listed in the work tray,
// most urgent first, for a worker or a manager planning a team's week. Presentational:
// rows in, callbacks out.
import { useId, useState } from 'preact/hooks';
import { filterRows, signOffText, type CaseloadFilter, type CaseloadRow } from '../lib/caseload/caseload';
import { workingDaysText } from '../lib/verdict/deadline-states';
import { plural } from '../lib/model/words';
import { dueText, longDate, momentText } from './format';
import { Boundary, StateTag } from './parts';

export interface CaseloadProps {
  rows: readonly CaseloadRow[] | null;
  packName: string;
  packVersion: string;
  /** When the caseload was worked out (ISO). */
  now: string;
  retentionDays: number;
  /** The nudge setting: "due within N working days". */
  withinDays: number;
  onOpen(row: CaseloadRow): void;
  onDownloadCsv(rows: readonly CaseloadRow[]): void;
  onPrint(): void;
}

const FILTERS: ReadonlyArray<{ id: CaseloadFilter; label: (days: number) => string }> = [
  { id: 'all', label: () => 'All assessments' },
  { id: 'overdue', label: () => 'Overdue' },
  { id: 'due-within', label: (d) => `Due within ${workingDaysText(d)}, or overdue` },
  { id: 'not-ready', label: () => 'Not ready for sign-off' },
  { id: 'ready', label: () => 'Ready for sign-off' },
  { id: 'waiting', label: () => 'Waiting for sign-off' },
];

function exceptionsText(row: CaseloadRow): string {
  const parts = [row.accepted ? `${row.accepted} accepted` : '', row.awaiting ? `${row.awaiting} waiting for a manager` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'None';
}

/** The sign-off stage as a data attribute: the manager's panel's first line (lib/verdict/first-screen.ts managerStage). */
function signOffState(row: CaseloadRow): string {
  if (!row.opened) return 'not-opened';
  if (row.stage?.kind === 'in-progress' || row.stage?.kind === 'cannot-judge') return row.stage.kind;
  return row.ready ? 'ready' : 'not-ready';
}

/** Why a row comes before others equally urgent: a Section 47 enquiry, unsafe answers with no advice recorded. */
function RiskCell({ row }: { row: CaseloadRow }) {
  if (row.risks.length === 0) return <td data-risks="">{row.opened ? 'None recorded' : 'Not read yet'}</td>;
  return (
    <td data-risks={row.risks.join('; ')}>
      <ul class="plain-list caseload__risks">
        {row.risks.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </td>
  );
}

function Row({ row, onOpen }: { row: CaseloadRow; onOpen(row: CaseloadRow): void }) {
  const next = row.next;
  return (
    <tr
      data-caseload-row={row.assessmentId}
      data-state={next?.state ?? 'none'}
      data-ready={row.ready ? 'yes' : 'no'}
      data-opened={row.opened ? 'yes' : 'no'}
      {...(row.section47 ? { 'data-section-47': '' } : {})}
    >
      <th scope="row">
        {row.pageUrl ? (
          <button type="button" class="link-button" data-open-case={row.assessmentId} onClick={() => onOpen(row)}>
            {row.assessmentId}
            <span class="visually-hidden"> (open the case page and the panel)</span>
          </button>
        ) : (
          row.assessmentId
        )}
      </th>
      <td>{row.child}</td>
      <td>
        {row.kind}
        {row.section47 && row.kind !== 'Section 47 enquiry' ? <strong class="caseload__flag">Section 47 enquiry</strong> : null}
      </td>
      <RiskCell row={row} />
      <td data-worker="">{row.worker ?? 'Not in the work tray'}</td>
      <td>{row.referral ? longDate(row.referral) : 'Not read yet'}</td>
      <td>
        {next ? (
          <>
            <StateTag countdown={next.countdown} />
            <span class="caseload__deadline">{next.name}</span>
            <span class="caseload__due">{dueText(next.countdown)}</span>
          </>
        ) : (
          'All met, or none running'
        )}
      </td>
      <td data-sign-off={signOffState(row)}>
        {signOffText(row)}
        {row.waitingSince ? (
          <span class="caseload__waiting" data-waiting-since={row.waitingSince}>
            Waiting for sign-off since {longDate(row.waitingSince)}
          </span>
        ) : null}
      </td>
      <td data-exceptions="">{exceptionsText(row)}</td>
      <td>{row.lastRead !== null ? momentText(new Date(row.lastRead).toISOString()) : 'Not opened on this computer'}</td>
    </tr>
  );
}

export function Caseload({ rows, packName, packVersion, now, retentionDays, withinDays, onOpen, onDownloadCsv, onPrint }: CaseloadProps) {
  const id = useId();
  const [filter, setFilter] = useState<CaseloadFilter>('all');
  const shown = rows ? filterRows(rows, filter, withinDays) : [];
  return (
    <main class="caseload" data-caseload={rows === null ? 'loading' : 'ready'}>
      <h1>Caseload</h1>
      <p>
        Every Single Assessment the work tray lists, and every one this computer has read in the last {plural(retentionDays, 'day', 'days')}, most
        urgent first. Among assessments as urgent as each other, a Section 47 enquiry and unsafe answers with no safety advice recorded come
        first (see Risks). It shows ids, dates and states only: open an assessment to see its steps. An assessment not opened on this computer
        shows the clock worked out from what the work tray shows.
      </p>
      <p class="caseload__meta">
        Procedure: {packName}, rules version {packVersion}. Worked out {momentText(now)}.
      </p>

      <div class="screen-only">
        <fieldset class="fieldset caseload__filters">
          <legend class="fieldset__legend">Show</legend>
          {FILTERS.map((f) => (
            <div class="radios__item" key={f.id}>
              <input
                class="radios__input"
                type="radio"
                id={`${id}-${f.id}`}
                name={`${id}-filter`}
                value={f.id}
                checked={filter === f.id}
                onChange={() => setFilter(f.id)}
                data-filter={f.id}
              />
              <label class="radios__label" for={`${id}-${f.id}`}>
                {f.label(withinDays)}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="caseload__actions">
          <button type="button" class="button button--secondary" data-download-csv="" onClick={() => onDownloadCsv(shown)} disabled={rows === null}>
            Download as CSV
          </button>
          <button type="button" class="button button--secondary" data-print="" onClick={() => onPrint()}>
            Print or save as PDF
          </button>
        </div>
      </div>

      <p role="status" class="caseload__count" data-caseload-count={shown.length}>
        {rows === null ? 'Working out the caseload…' : `Showing ${plural(shown.length, 'assessment', 'assessments')} of ${rows.length}.`}
      </p>

      <Boundary what="the caseload">
        {rows !== null && rows.length === 0 ? (
          <p class="muted">No assessments yet. Open the work tray in the case system, or an assessment with the panel open.</p>
        ) : shown.length > 0 ? (
          <div class="caseload__scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <table class="summary-table caseload__table">
              <caption id={`${id}-caption`} class="visually-hidden">
                Assessments, most urgent first; among those as urgent, risks first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Assessment</th>
                  <th scope="col">Child</th>
                  <th scope="col">Type</th>
                  <th scope="col">Risks</th>
                  <th scope="col">Worker</th>
                  <th scope="col">Referral</th>
                  <th scope="col">Next deadline</th>
                  <th scope="col">Sign-off</th>
                  <th scope="col">Exceptions</th>
                  <th scope="col">Last read</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <Row key={r.key} row={r} onOpen={onOpen} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Boundary>
      <p class="summary-footer print-only">
        Made by Assessment Companion from the facts read from the case system. It holds no names and no case notes.
      </p>
    </main>
  );
}

// The options page's list of stored assessments, for IT, a data protection officer or a
// subject access request: everything held about each one (its facts, initials where a
// council's map reads them, where each fact was read, the case page's address, the
// acknowledged findings; never names or case notes), a file of it all (JSON), and a
// Delete button with a confirm step.
import type { StoredAssessment, StoredFact } from '../lib/store/stored-assessments';
import { dateOrTimeText, momentText, sectionName } from './format';
import { plural } from '../lib/model/words';
import { ConfirmStep } from './ConfirmStep';
import './stored-assessments.css';

export interface StoredAssessmentsProps {
  assessments: readonly StoredAssessment[];
  onDelete(key: string): void;
  /** Saves everything held about one assessment as a file (JSON), exactly as stored. */
  onExport(key: string): void;
}

/** A stored value in words: Yes, No, "Blank", a date as "2 Nov 2026", a code or id as it is. */
export function storedValueText(value: StoredFact['value']): string {
  if (value === null) return 'Blank (seen empty)';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'number') return String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.replace(/\d{4}-\d{2}-\d{2}(T[^,]*)?/g, (d) => dateOrTimeText(d)) : value;
}

/** A fact path that may wrap after each dot in a narrow window (never inside a word). */
function breakable(path: string) {
  return path.split('.').map((part, i) => (i === 0 ? part : [<wbr key={i} />, `.${part}`]));
}

/** Where a fact was read, in words: the page path, the part of the form, how it was found and when. */
export function readFromText(f: StoredFact): string {
  const p = f.readFrom;
  if (!p) return 'Not recorded';
  return [p.page, p.section ? sectionName(p.section) : null, p.locator, p.mapEntry ? `map entry ${p.mapEntry}` : null, momentText(p.readAt)].filter((x) => x !== null).join(', ');
}

function Assessment({ a, onDelete, onExport }: { a: StoredAssessment; onDelete(key: string): void; onExport(key: string): void }) {
  const headingId = `stored-${a.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class="stored-assessment" data-stored-assessment={a.assessmentId} data-case-system={a.caseSystem}>
      <h3 id={headingId}>
        Assessment {a.assessmentId} <span class="muted">({a.caseSystem})</span>
      </h3>
      <p class="hint">
        First read {momentText(new Date(a.createdAt).toISOString())}, last read {momentText(new Date(a.updatedAt).toISOString())}.
      </p>
      <dl class="stored-assessment__about">
        <dt>Case page address</dt>
        <dd data-stored-address="">{a.pageUrl ? <code>{a.pageUrl}</code> : 'Not stored'}</dd>
        <dt>Part of the form last read</dt>
        <dd>{a.lastSection ? sectionName(a.lastSection) : 'Not stored'}</dd>
      </dl>
      {a.setAside.length > 0 ? (
        <p data-stored-salvaged="">
          This stored assessment was saved by a different version of the extension. {plural(a.setAside.length, 'fact', 'facts')} could
          not be used and {a.setAside.length === 1 ? 'counts' : 'count'} as not read yet: {a.setAside.join(', ')}. The file below holds the
          row exactly as stored.
        </p>
      ) : null}
      <details class="details">
        <summary>Show its {plural(a.facts.length, 'stored fact', 'stored facts')}</summary>
        <table class="summary-table" aria-labelledby={headingId} data-stored-facts="">
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Stored value</th>
              <th scope="col">Where it was read</th>
            </tr>
          </thead>
          <tbody>
            {a.facts.map((f) => (
              <tr key={f.path} data-fact={f.path}>
                <td>
                  <code>{breakable(f.path)}</code>
                </td>
                <td>{storedValueText(f.value)}</td>
                <td>{readFromText(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {a.acknowledgements.length > 0 ? (
        <details class="details" data-stored-acknowledgements="">
          <summary>Show its {plural(a.acknowledgements.length, 'acknowledged finding', 'acknowledged findings')}</summary>
          <ul>
            {a.acknowledgements.map((k) => (
              <li key={k.item}>
                <code>{k.item}</code>: {k.reason}, by a {k.role} on {dateOrTimeText(k.on)}
                {k.acceptedOn ? `, accepted by a manager on ${dateOrTimeText(k.acceptedOn)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p class="hint">No acknowledged findings.</p>
      )}
      {a.notFound.length > 0 ? (
        <details class="details">
          <summary>Show the map entries that found nothing</summary>
          <ul>
            {a.notFound.map((n) => (
              <li key={n.page}>
                <code>{n.page}</code>: {n.entries.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="button-group">
        <button type="button" class="button button--secondary" data-export-assessment="" onClick={() => onExport(a.key)}>
          Save as a file (JSON)<span class="visually-hidden"> for assessment {a.assessmentId}</span>
        </button>
      </div>
      <ConfirmStep
        label={
          <>
            Delete<span class="visually-hidden"> assessment {a.assessmentId}</span>
          </>
        }
        question={`Delete everything stored about assessment ${a.assessmentId}, and any steps marked as not applying? This cannot be undone.`}
        confirmLabel={`Confirm: delete ${a.assessmentId}`}
        onConfirm={() => onDelete(a.key)}
        buttonData={{ 'data-delete-assessment': '' }}
        confirmData={{ 'data-confirm-delete': '' }}
      />
    </li>
  );
}

export function StoredAssessments({ assessments, onDelete, onExport }: StoredAssessmentsProps) {
  return (
    <section class="block" aria-labelledby="options-stored-list" data-stored-assessments="">
      <h2 id="options-stored-list">Stored assessments</h2>
      <p>
        Everything this browser holds about each assessment: ids, dates, yes or no answers, initials where your council’s field
        map reads them, where each was read, the case page’s address and any acknowledged findings. Never names or case notes.
        For IT, a data protection officer or a subject access request: each can be saved as a file.
      </p>
      {assessments.length === 0 ? (
        <p>No assessments are stored in this browser.</p>
      ) : (
        <ul class="plain-list">
          {assessments.map((a) => (
            <Assessment key={a.key} a={a} onDelete={onDelete} onExport={onExport} />
          ))}
        </ul>
      )}
    </section>
  );
}

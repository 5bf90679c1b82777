// The options page's list of stored assessments, for IT, a data protection officer or a
// subject access request: each one's facts as the store holds them (ids, dates, codes,
// yes/no; never names or case notes) and a Delete button with a confirm step.
import type { StoredAssessment, StoredFact } from '../lib/store/stored-assessments';
import { dateOrTimeText, momentText } from './format';
import { plural } from '../lib/verdict/deadline-states';
import { ConfirmStep } from './ConfirmStep';
import './stored-assessments.css';

export interface StoredAssessmentsProps {
  assessments: readonly StoredAssessment[];
  onDelete(key: string): void;
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

function Assessment({ a, onDelete }: { a: StoredAssessment; onDelete(key: string): void }) {
  const headingId = `stored-${a.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class="stored-assessment" data-stored-assessment={a.assessmentId} data-case-system={a.caseSystem}>
      <h3 id={headingId}>
        Assessment {a.assessmentId} <span class="muted">({a.caseSystem})</span>
      </h3>
      <p class="hint">
        First read {momentText(new Date(a.createdAt).toISOString())}, last read {momentText(new Date(a.updatedAt).toISOString())}.
      </p>
      <details class="details">
        <summary>Show its {plural(a.facts.length, 'stored fact', 'stored facts')}</summary>
        <table class="summary-table" aria-labelledby={headingId} data-stored-facts="">
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Stored value</th>
            </tr>
          </thead>
          <tbody>
            {a.facts.map((f) => (
              <tr key={f.path} data-fact={f.path}>
                <td>
                  <code>{breakable(f.path)}</code>
                </td>
                <td>{storedValueText(f.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
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

export function StoredAssessments({ assessments, onDelete }: StoredAssessmentsProps) {
  return (
    <section class="block" aria-labelledby="options-stored-list" data-stored-assessments="">
      <h2 id="options-stored-list">Stored assessments</h2>
      <p>
        What this browser holds about each assessment, exactly as stored: ids, dates and yes or no answers, never names or case
        notes. For IT, a data protection officer or a subject access request.
      </p>
      {assessments.length === 0 ? (
        <p>No assessments are stored in this browser.</p>
      ) : (
        <ul class="plain-list">
          {assessments.map((a) => (
            <Assessment key={a.key} a={a} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </section>
  );
}

// A printable summary for the supervision record. Holds no narrative: the model has none.
import { NotCheckedHere } from './NotCheckedHere';
import { acknowledgementOf, type CheckedEvaluation } from '../lib/acknowledgements';
import { acknowledgementText } from './Acknowledge';
import { dueText, momentText, sectionName, severityWords } from './format';
import { bySection, countdownsInForce, itemKey } from './group';
import { itemStateWords, stageWords, type BlockingItem } from './readiness';
import { conditionalWords, type ManagerStage } from '../lib/verdict/first-screen';
import { StateTag } from './parts';

export interface ReadinessSummaryProps {
  evaluation: CheckedEvaluation;
  /** The pack's name, e.g. "Derby City". */
  packName: string;
  /** e.g. "SA-1001, child in need". */
  assessmentLabel?: string;
  /** When the summary was made (ISO); defaults to the evaluation's moment. */
  generatedAt?: string;
  /** Progress, "can't judge yet" or the verdict, as the manager's view shows it; absent: the verdict. */
  stage?: ManagerStage;
}

function ItemsTable({ items, caption, evaluation }: { items: readonly BlockingItem[]; caption: string; evaluation: CheckedEvaluation }) {
  if (items.length === 0) return <p>None.</p>;
  return (
    <table class="summary-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Child or adult</th>
          <th scope="col">Step</th>
          <th scope="col">State</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {bySection(items).map((item) => (
          <tr key={itemKey(item)} data-rule-id={item.ruleId} data-section={item.section} data-subject={item.subject?.id}>
            <td>{sectionName(item.section)}</td>
            <td>{item.subject ? item.subject.label : 'Whole assessment'}</td>
            <td>{conditionalWords(item)}</td>
            <td>
              {itemStateWords(item)}
              {(() => {
                const ack = acknowledgementOf(evaluation, item);
                return ack ? <span class="for-whom" data-print-ack="">{acknowledgementText(ack)}</span> : null;
              })()}
            </td>
            <td>
              {item.source.label}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReadinessSummary({ evaluation, packName, assessmentLabel, generatedAt, stage }: ReadinessSummaryProps) {
  const result = stageWords(evaluation, stage);
  const countdowns = countdownsInForce(evaluation);
  return (
    <article class="summary" aria-labelledby="summary-title" data-print-summary={evaluation.ready.ready ? 'ready' : 'not-ready'}>
      <h1 id="summary-title">Single Assessment: readiness for sign-off</h1>
      <dl class="summary-facts">
        <div>
          <dt>Assessment</dt>{' '}
          <dd>{assessmentLabel ?? 'Not known'}</dd>
        </div>
        <div>
          <dt>Procedure</dt>{' '}
          <dd>
            {packName}, rules version {evaluation.packVersion}
          </dd>
        </div>
        <div>
          <dt>Generated</dt>{' '}
          <dd>{momentText(generatedAt ?? evaluation.now)}</dd>
        </div>
        <div>
          <dt>Result</dt>{' '}
          <dd>
            <strong>{result.title}</strong>. {result.summary}
          </dd>
        </div>
      </dl>

      <h2>Blocking sign-off ({evaluation.ready.blocking.length})</h2>
      <ItemsTable items={evaluation.ready.blocking} caption="Steps blocking sign-off" evaluation={evaluation} />

      {(evaluation.ready.accepted?.length ?? 0) > 0 ? (
        <>
          <h2>Accepted exceptions ({evaluation.ready.accepted?.length ?? 0})</h2>
          <ItemsTable items={evaluation.ready.accepted ?? []} caption="Accepted exceptions (each says by whom)" evaluation={evaluation} />
        </>
      ) : null}

      <h2>
        {severityWords('expected')} still open ({evaluation.ready.expected.length})
      </h2>
      <ItemsTable items={evaluation.ready.expected} caption="Good practice steps still open" evaluation={evaluation} />

      <h2>Deadlines</h2>
      {countdowns.length === 0 ? (
        <p>None apply yet.</p>
      ) : (
        <table class="summary-table">
          <caption class="visually-hidden">Deadlines</caption>
          <thead>
            <tr>
              <th scope="col">Deadline</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
              <th scope="col">Worked out as</th>
            </tr>
          </thead>
          <tbody>
            {countdowns.map((c) => (
              <tr key={itemKey(c)}>
                <td>
                  {c.message}
                  {c.subject ? <span class="for-whom">For {c.subject.label}</span> : null}
                </td>
                <td>
                  <StateTag countdown={c} />
                </td>
                <td>{dueText(c)}</td>
                <td>
                  {c.basis ?? ''}
                  {c.calendarNote ? `. ${c.calendarNote}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NotCheckedHere evaluation={evaluation} />
      <p class="summary-footer">
        Made by Assessment Companion from the facts read from the case system. It holds no case notes. Check the case record
        before signing off.
      </p>
    </article>
  );
}

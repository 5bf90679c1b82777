// The manager's view: ready for sign-off or not, what blocks it, good practice still open, deadlines.
import type { CheckedEvaluation } from '../lib/acknowledgements';
import { AcknowledgeControl } from './Acknowledge';
import { CountdownCompactList } from './Countdowns';
import { sectionName } from './format';
import { bySection, countdownsInForce, itemKey } from './group';
import { NotCheckedHere } from './NotCheckedHere';
import { Boundary, Citation, ShowMeButton, StateIcon, type ShowMeContext } from './parts';
import { blockingSummary, itemStateWords, partsToOpenText, readinessTitle, stageWords, type BlockingItem } from './readiness';
import { conditionalWords, type ManagerStage } from '../lib/verdict/first-screen';

function ItemList({ items, ctx }: { items: readonly BlockingItem[]; ctx: ShowMeContext }) {
  return (
    <ul class="findings plain-list">
      {bySection(items).map((item) => (
        <li
          key={itemKey(item)}
          class={`finding finding--${item.severity}`}
          data-rule-id={item.ruleId}
          data-status={item.error ? 'error' : item.status}
          data-section={item.section}
          data-subject={item.subject?.id}
        >
          <p class="finding__message">{conditionalWords(item)}</p>
          <dl class="finding__facts">
            <div>
              <dt>Section</dt>{' '}
              <dd>{sectionName(item.section)}</dd>
            </div>
            {item.subject ? (
              <div>
                <dt>{item.subject.kind === 'child' ? 'Child' : 'Adult'}</dt>{' '}
                <dd>{item.subject.label}</dd>
              </div>
            ) : null}
            <div>
              <dt>State</dt>{' '}
              <dd>{itemStateWords(item)}</dd>
            </div>
          </dl>
          <p class="finding__head">
            <Citation label={item.source.label} />
          </p>
          {item.error ? null : <ShowMeButton item={item} ctx={ctx} />}
          <AcknowledgeControl item={item} ctx={ctx.ack} />
        </li>
      ))}
    </ul>
  );
}

export interface ManagerViewProps {
  evaluation: CheckedEvaluation;
  ctx: ShowMeContext;
  onPrint(): void;
  /** Progress, "can't judge yet" or the verdict (lib/verdict/first-screen.ts managerStage). */
  stage: ManagerStage;
  /** The manager asks for a verdict before the worker has sent the assessment. */
  onAsk(): void;
}

/** The first line: progress before the worker has sent the assessment, "cannot judge yet" on parts not read, else the verdict. */
function Verdict({ evaluation, stage, onAsk }: { evaluation: CheckedEvaluation; stage: ManagerStage; onAsk(): void }) {
  const { ready } = evaluation.ready;
  const accepted = evaluation.ready.accepted ?? [];
  if (stage.kind === 'in-progress') {
    return (
      <div class="readiness readiness--in-progress" role="status" data-readiness="in-progress">
        <h2 class="readiness__title">
          <StateIcon shape="on-track" />
          <span>{stageWords(evaluation, stage).title}</span>
        </h2>
        <p class="readiness__count">{stageWords(evaluation, stage).summary}</p>
        <button type="button" class="button button--secondary" data-ask-readiness="" onClick={() => onAsk()}>
          Check readiness now
        </button>
      </div>
    );
  }
  if (stage.kind === 'cannot-judge') {
    return (
      <div class="readiness readiness--cannot-judge" role="status" data-readiness="cannot-judge">
        <h2 class="readiness__title">
          <StateIcon shape="unknown" />
          <span>Can’t judge yet</span>
        </h2>
        <p class="readiness__count" data-parts-to-open="">
          {partsToOpenText(stage.open)}
        </p>
      </div>
    );
  }
  return (
    <div class={`readiness ${ready ? 'readiness--ready' : 'readiness--not-ready'}`} role="status" data-readiness={ready ? 'ready' : 'not-ready'} data-accepted-count={accepted.length}>
      <h2 class="readiness__title">
        <StateIcon shape={ready ? 'met-on-time' : 'overdue'} />
        <span>{readinessTitle(evaluation)}</span>
      </h2>
      <p class="readiness__count">{blockingSummary(evaluation)}</p>
    </div>
  );
}

export function ManagerView({ evaluation, ctx, onPrint, stage, onAsk }: ManagerViewProps) {
  const { blocking, expected } = evaluation.ready;
  const accepted = evaluation.ready.accepted ?? [];
  const lists = (
    <>
      <section class="block" aria-labelledby="blocking-heading" data-blocking="">
        <h2 id="blocking-heading">Blocking sign-off ({blocking.length})</h2>
        <Boundary what="the blocking steps">
          {blocking.length === 0 ? <p class="muted">Nothing blocks sign-off.</p> : <ItemList items={blocking} ctx={ctx} />}
        </Boundary>
      </section>

      {accepted.length > 0 ? (
        <section class="block" aria-labelledby="accepted-heading" data-accepted="">
          <h2 id="accepted-heading">Accepted exceptions ({accepted.length})</h2>
          <p class="muted">Accepted as exceptions (each says by whom, as far as this extension can tell): they no longer block sign-off. Undo brings a step back.</p>
          <Boundary what="the accepted exceptions">
            <ItemList items={accepted} ctx={ctx} />
          </Boundary>
        </section>
      ) : null}

      <section class="block" aria-labelledby="expected-heading" data-expected="">
        <h2 id="expected-heading">Good practice still open ({expected.length})</h2>
        <Boundary what="the good practice steps">
          {expected.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <>
              <p class="muted">These do not block sign-off.</p>
              <ItemList items={expected} ctx={ctx} />
            </>
          )}
        </Boundary>
      </section>

    </>
  );
  return (
    <>
      <Verdict evaluation={evaluation} stage={stage} onAsk={onAsk} />
      {stage.kind === 'in-progress' ? (
        <details class="details" data-open-steps="">
          <summary>Steps still open ({blocking.length + expected.length})</summary>
          <div class="details__body">{lists}</div>
        </details>
      ) : (
        lists
      )}

      <section class="block" aria-labelledby="manager-deadlines-heading">
        <h2 id="manager-deadlines-heading">Deadlines</h2>
        <Boundary what="the deadlines">
          <CountdownCompactList countdowns={countdownsInForce(evaluation)} />
        </Boundary>
      </section>

      <Boundary what="the steps not checked with this case system">
        <NotCheckedHere evaluation={evaluation} />
      </Boundary>

      <section class="block" aria-labelledby="print-heading">
        <h2 id="print-heading">Supervision record</h2>
        <p>Print a summary of this check, or save it as a PDF, for the supervision record. It holds no case notes.</p>
        <button type="button" class="button" onClick={() => onPrint()}>
          Print or save as PDF
        </button>
      </section>
    </>
  );
}

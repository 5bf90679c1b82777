// Deadlines in force: due date, time left, state in words, colour and shape; the basis on demand.
import type { CountdownResult } from '../lib/rules/types';
import { dueDateText, dueText, sentence } from './format';
import { AcknowledgeControl } from './Acknowledge';
import { ShowMeButton, StateTag, stateShape, stateStyle, type ShowMeContext } from './parts';

function fullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function CountdownItem({ countdown: c, ctx }: { countdown: CountdownResult; ctx: ShowMeContext }) {
  const line = dueText(c);
  const dueDate = dueDateText(c);
  // "Overdue by 2 working days" and "Due today" do not say the date: give it on its own line.
  const sayDate = dueDate !== '' && !line.includes(dueDate);
  const openStart = c.status === 'unknown' || c.status === 'missing';
  return (
    <li
      class="countdown"
      style={stateStyle(stateShape(c))}
      data-rule-id={c.ruleId}
      data-status={c.error ? 'error' : c.status}
      data-due={c.due}
      data-section={c.section}
      data-subject={c.subject?.id}
    >
      <StateTag countdown={c} />
      {c.name ? (
        <>
          <p class="countdown__title">{c.name}</p>
          <p class="countdown__message">{c.message}</p>
        </>
      ) : (
        <p class="countdown__title">{c.message}</p>
      )}
      {c.subject ? <p class="countdown__who">For {c.subject.label}</p> : null}
      <p class="countdown__due">{line}</p>
      {sayDate ? <p class="countdown__date">Due date: {dueDate}</p> : null}
      {c.error ? <p class="muted">Could not check this rule. The other checks still work.</p> : null}
      {!c.error && c.detail && !openStart ? <p class="muted">{fullStop(sentence(c.detail))}</p> : null}
      {c.basis || c.calendarNote || c.figureNote ? (
        <details class="details">
          <summary>How this date is worked out</summary>
          <div class="details__body">
            {c.basis ? <p>{fullStop(sentence(c.basis))}</p> : null}
            {c.calendarNote ? <p>{fullStop(c.calendarNote)}</p> : null}
            {c.figureNote ? <p>{fullStop(c.figureNote)}</p> : null}
            <p class="citation-line">From {c.source.label}.</p>
          </div>
        </details>
      ) : null}
      {openStart && !c.error ? <ShowMeButton item={c} ctx={ctx} /> : null}
      {c.status === 'overdue' || c.status === 'met-late' ? <AcknowledgeControl item={c} ctx={ctx.ack} /> : null}
    </li>
  );
}

/** The worker's list of deadlines, most urgent first. */
export function CountdownList({ countdowns, ctx }: { countdowns: readonly CountdownResult[]; ctx: ShowMeContext }) {
  if (countdowns.length === 0) return <p class="muted">No deadlines apply to this assessment yet.</p>;
  return (
    <ul class="countdowns plain-list">
      {countdowns.map((c) => (
        <CountdownItem key={`${c.ruleId}|${c.subject?.id ?? ''}`} countdown={c} ctx={ctx} />
      ))}
    </ul>
  );
}

/** One line per deadline, for the manager view and the printed summary. */
export function CountdownCompactList({ countdowns }: { countdowns: readonly CountdownResult[] }) {
  if (countdowns.length === 0) return <p class="muted">No deadlines apply to this assessment yet.</p>;
  return (
    <ul class="countdowns-compact plain-list">
      {countdowns.map((c) => (
        <li key={`${c.ruleId}|${c.subject?.id ?? ''}`} class="countdown-compact" data-rule-id={c.ruleId} data-status={c.error ? 'error' : c.status}>
          <StateTag countdown={c} />
          <span class="countdown-compact__text">
            {c.name ?? c.message}
            {c.subject ? <span class="for-whom">For {c.subject.label}</span> : null}
            <span class="countdown-compact__due">{dueText(c)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

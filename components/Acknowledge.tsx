// Acknowledge a finding with a coded reason; undo it; accept it as an exception. The case
// system is the shared record: the panel gives the exact line to record there, and shows
// what a council's map reads back from it (lib/acknowledgements/exception-lines.ts).
import { useId, useState } from 'preact/hooks';
import {
  acceptanceLine,
  acknowledgementOf,
  exceptionLine,
  reasonsFor,
  reasonWords,
  REASONS,
  type Acknowledgement,
  type CheckedEvaluation,
  type Item,
  type ReasonCode,
  type Role,
} from '../lib/acknowledgements';
import { aboutText, longDate } from './format';

export interface AcknowledgeContext {
  evaluation: CheckedEvaluation;
  role: Role;
  /** Where the council's case system records exceptions (its field map says); none: notes stay on this computer. */
  places?: { recordIn: string; acceptIn: string };
  acknowledge(item: Item, reason: ReasonCode): void;
  undo(item: Item): void;
  accept(item: Item, reason: ReasonCode): void;
}

/** Who accepted it, as far as the extension can tell. */
function acceptanceText(ack: Acknowledgement): string {
  if (!ack.acceptedOn) return ack.from === 'case-system' ? ' Waiting for a manager to accept it.' : ' Not yet accepted.';
  if (ack.acceptedFrom === 'case-system') return ' Accepted by a manager in the case system.';
  if (ack.acceptedBy === 'policy-manager') return ` Accepted by a manager on ${longDate(ack.acceptedOn)} (the council’s policy sets this role).`;
  return ` Accepted on this computer on ${longDate(ack.acceptedOn)} by whoever uses this browser profile: a note, not a manager’s sign-off.`;
}

/**
 * "Noted on this computer on 23 Nov 2026: Parent could not be found. Not yet accepted."
 * "Recorded in the case system: Parent could not be found. Accepted by a manager in the case system."
 * Nothing claims a manager's act unless it was read from the case system or the council's policy says so.
 */
export function acknowledgementText(ack: Acknowledgement): string {
  const noted = ack.from === 'case-system' ? 'Recorded in the case system' : `Noted on this computer on ${longDate(ack.on)}`;
  return `${noted}: ${reasonWords(ack.reason)}.${acceptanceText(ack)}`;
}

/** A line to copy into the case system, selectable as a whole. */
function LineToRecord({ label, line, kind }: { label: string; line: string; kind: 'exception' | 'acceptance' }) {
  const id = useId();
  return (
    <div class="ack__line">
      <label class="ack__line-label" for={id}>
        {label}
      </label>
      <input id={id} class="ack__line-text" type="text" readOnly value={line} data-ack-line={kind} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
    </div>
  );
}

function Recorded({ item, ack, ctx }: { item: Item; ack: Acknowledgement; ctx: AcknowledgeContext }) {
  const local = ack.from !== 'case-system';
  const places = ctx.places;
  return (
    <div class="ack ack--recorded" data-acknowledged={ack.acceptedOn ? 'accepted' : 'awaiting'} data-ack-from={local ? 'this-computer' : 'case-system'}>
      <p class="ack__text">{acknowledgementText(ack)}</p>
      {local && places ? (
        <LineToRecord label={`So your manager sees it on her own computer, record this line in ${places.recordIn}:`} line={exceptionLine(item, ack.reason)} kind="exception" />
      ) : null}
      {local && !places ? (
        <p class="ack__local" data-ack-local="">
          This note is kept on this computer only: a manager on another computer will not see it. Record the reason in the case system as well.
        </p>
      ) : null}
      {ctx.role === 'manager' && places && ack.acceptedFrom !== 'case-system' ? (
        <LineToRecord label={`To accept it as an exception, record this line in ${places.acceptIn}:`} line={acceptanceLine(item)} kind="acceptance" />
      ) : null}
      <div class="ack__actions">
        {ctx.role === 'manager' && !ack.acceptedOn ? (
          <button type="button" class="button button--secondary" data-ack-accept="" onClick={() => ctx.accept(item, ack.reason)}>
            Accept on this computer<span class="visually-hidden">: {aboutText(item)}</span>
          </button>
        ) : null}
        {local ? (
          <button type="button" class="button button--secondary" data-ack-undo="" onClick={() => ctx.undo(item)}>
            Undo<span class="visually-hidden"> acknowledgement: {aboutText(item)}</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Form({ item, ctx }: { item: Item; ctx: AcknowledgeContext }) {
  const id = useId();
  const reasons = reasonsFor(item);
  const [chosen, setChosen] = useState<ReasonCode | null>(null);
  const [problem, setProblem] = useState(false);
  return (
    <details class="details ack" data-ack-form="">
      <summary>
        Does not apply, or recorded elsewhere?<span class="visually-hidden"> {aboutText(item)}</span>
      </summary>
      <form
        class="details__body"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) {
            setProblem(true);
            return;
          }
          ctx.acknowledge(item, chosen);
        }}
      >
        <fieldset class="fieldset ack__reasons" aria-describedby={problem ? `${id}-problem` : undefined}>
          <legend class="fieldset__legend">Choose a reason. Only the reason, your role and today’s date are kept, on this computer.</legend>
          {problem ? (
            <p class="error-message" id={`${id}-problem`}>
              Choose a reason
            </p>
          ) : null}
          {reasons.map((code) => (
            <div class="radios__item" key={code}>
              <input
                type="radio"
                class="radios__input"
                id={`${id}-${code}`}
                name={`${id}-reason`}
                value={code}
                checked={chosen === code}
                onChange={() => {
                  setChosen(code);
                  setProblem(false);
                }}
              />
              <label class="radios__label" for={`${id}-${code}`}>{REASONS[code]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button--secondary" data-ack-record="">
          Record reason<span class="visually-hidden">: {aboutText(item)}</span>
        </button>
      </form>
    </details>
  );
}

/** The control under a finding: the form, or what was recorded with undo (and accept, for a manager). */
export function AcknowledgeControl({ item, ctx }: { item: Item; ctx: AcknowledgeContext | undefined }) {
  if (!ctx || item.error) return null;
  const ack = acknowledgementOf(ctx.evaluation, item);
  return ack ? <Recorded item={item} ack={ack} ctx={ctx} /> : <Form item={item} ctx={ctx} />;
}

// Acknowledge a finding with a coded reason; undo it; a manager accepts it as an exception.
import { useId, useState } from 'preact/hooks';
import { acknowledgementOf, reasonsFor, reasonWords, REASONS, type Acknowledgement, type CheckedEvaluation, type Item, type ReasonCode, type Role } from '../lib/acknowledgements';
import { aboutText, longDate } from './format';

export interface AcknowledgeContext {
  evaluation: CheckedEvaluation;
  role: Role;
  acknowledge(item: Item, reason: ReasonCode): void;
  undo(item: Item): void;
  accept(item: Item): void;
}

/** "Acknowledged by the worker on 23 Nov 2026: Recorded in the case notes. Accepted by a manager on 24 Nov 2026." */
export function acknowledgementText(ack: Acknowledgement): string {
  const who = ack.role === 'manager' ? 'a manager' : 'the worker';
  const accepted = ack.acceptedOn ? ` Accepted by a manager on ${longDate(ack.acceptedOn)}.` : ' Not yet accepted by a manager.';
  return `Acknowledged by ${who} on ${longDate(ack.on)}: ${reasonWords(ack.reason)}.${accepted}`;
}

function Recorded({ item, ack, ctx }: { item: Item; ack: Acknowledgement; ctx: AcknowledgeContext }) {
  return (
    <div class="ack ack--recorded" data-acknowledged={ack.acceptedOn ? 'accepted' : 'awaiting'}>
      <p class="ack__text">{acknowledgementText(ack)}</p>
      <div class="ack__actions">
        {ctx.role === 'manager' && !ack.acceptedOn ? (
          <button type="button" class="button button--secondary" data-ack-accept="" onClick={() => ctx.accept(item)}>
            Accept as an exception<span class="visually-hidden">: {aboutText(item)}</span>
          </button>
        ) : null}
        <button type="button" class="button button--secondary" data-ack-undo="" onClick={() => ctx.undo(item)}>
          Undo<span class="visually-hidden"> acknowledgement: {aboutText(item)}</span>
        </button>
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
          <legend class="fieldset__legend">Choose a reason. Only the reason, your role and today’s date are kept.</legend>
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

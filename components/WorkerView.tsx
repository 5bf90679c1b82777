// The social worker's view: deadlines, this section's prompts, missing steps per child, not read yet.
import type { FormSection } from '../lib/model/section-names';
import type { CountdownResult, Evaluation, Finding } from '../lib/rules/types';
import { conditionNotRead, conditionalWords, workerSteps, type CaseFacts, type Step, type WorkerSteps } from '../lib/verdict/first-screen';
import type { CheckedEvaluation } from '../lib/acknowledgements';
import type { Timeline } from '../lib/verdict/timeline';
import { AcknowledgeControl } from './Acknowledge';
import { CountdownList } from './Countdowns';
import { ClockTimeline } from './Timeline';
import { dueText, longDate, sectionName, sentence } from './format';
import {
  countdownsInForce,
  failedFindings,
  groupBySectionAndSubject,
  itemKey,
  missingFindings,
  notReadFindings,
  sectionRank,
} from './group';
import { NotCheckedHere } from './NotCheckedHere';
import { Boundary, Citation, SeverityTag, ShowMeButton, StateTag, openSectionsOf, sectionIsOpen, stateShape, stateStyle, type ShowMeContext } from './parts';
import { plural } from '../lib/model/words';
import { headlineDeadline } from '../lib/verdict/headline';

function Prompts({ evaluation, open, seen }: { evaluation: Evaluation; open: readonly FormSection[]; seen: boolean }) {
  if (open.length === 0) {
    const withPrompts = [...new Set(evaluation.prompts.map((p) => p.section))].sort((a, b) => sectionRank(a) - sectionRank(b));
    return (
      <section class="block" aria-labelledby="prompts-heading">
        <h2 id="prompts-heading">Things to think about</h2>
        <p>Open a section of the assessment form to see the questions to think about there.</p>
        {withPrompts.length > 0 ? (
          <p class="muted">
            There are questions for: {withPrompts.map(sectionName).join('; ')}.
          </p>
        ) : null}
      </section>
    );
  }
  const prompts = evaluation.prompts.filter((p) => open.includes(p.section));
  const list = (
    <ul class="prompts plain-list">
      {prompts.map((p) => (
        <li key={p.ruleId} class="prompt" data-rule-id={p.ruleId}>
          <p>{p.message}</p>
          <Citation label={p.source.label} />
        </li>
      ))}
    </ul>
  );
  return (
    <section class="block" aria-labelledby="prompts-heading" data-prompts={open.join(' ')} data-prompts-seen={seen ? 'yes' : 'no'}>
      <h2 id="prompts-heading">Things to think about: {open.map(sectionName).join('; ')}</h2>
      {prompts.length === 0 ? (
        <p class="muted">There are no questions for this section.</p>
      ) : seen ? (
        // Seen on an earlier visit to this section: folded, so the steps stay in view.
        <details class="details" key={open.join(' ')}>
          <summary>Show the {plural(prompts.length, 'question', 'questions')} you have seen</summary>
          <div class="details__body">{list}</div>
        </details>
      ) : (
        list
      )}
    </section>
  );
}

function MissingItem({ finding, clock, ctx }: { finding: Finding; clock?: CountdownResult; ctx: ShowMeContext }) {
  return (
    <li
      class={`finding finding--${finding.severity}`}
      data-rule-id={finding.ruleId}
      data-status={finding.status}
      data-section={finding.section}
      data-subject={finding.subject?.id}
      data-clock={clock?.ruleId}
    >
      <p class="finding__head">
        <SeverityTag severity={finding.severity} />
        <Citation label={finding.source.label} />
      </p>
      <p class="finding__message">{finding.message}</p>
      {clock ? (
        // The same visit, counted by a clock: shown once, with the clock's state.
        <p class="finding__clock" style={stateStyle(stateShape(clock))}>
          <StateTag countdown={clock} />
          <span>
            {clock.name ?? clock.message}
            {clock.subject ? `, for ${clock.subject.label}` : ''}: {dueText(clock)}
          </span>
        </p>
      ) : null}
      {finding.detail ? <p class="muted">{sentence(finding.detail)}</p> : null}
      <ShowMeButton item={finding} ctx={ctx} />
      <AcknowledgeControl item={finding} ctx={ctx.ack} />
    </li>
  );
}

function StepGroups({ steps, evaluation, ctx, idPrefix }: { steps: readonly Step[]; evaluation: Evaluation; ctx: ShowMeContext; idPrefix: string }) {
  const clocks = new Map(steps.map((s) => [itemKey(s.finding), s.clock]));
  // The part of the form that is open comes first; the rest follow in form order.
  const groups = groupBySectionAndSubject(
    steps.map((s) => s.finding),
    evaluation.findings,
  ).sort((a, b) => Number(sectionIsOpen(ctx, b.section)) - Number(sectionIsOpen(ctx, a.section)));
  return (
    <>
      {groups.map((g) => (
        <section key={g.section} class="group" aria-labelledby={`${idPrefix}-${g.section}`} data-section={g.section}>
          <h4 id={`${idPrefix}-${g.section}`}>
            {g.name}
            {sectionIsOpen(ctx, g.section) ? <span class="here"> (open now)</span> : null}
          </h4>
          {g.subjects.map((s) => (
            <div key={s.key} class="subject-group">
              {s.subject ? <h5>{s.subject.label}</h5> : g.subjects.length > 1 ? <h5>The assessment as a whole</h5> : null}
              <ul class="findings plain-list">
                {s.items.map((f) => (
                  <MissingItem key={itemKey(f)} finding={f} clock={clocks.get(itemKey(f))} ctx={ctx} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** "5 to do now, 18 later in this assessment and 1 for your manager": the panel's line and the screen reader's announcement. */
export function stepsWords(steps: WorkerSteps): string {
  const parts = [
    steps.now.length ? `${steps.now.length} to do now` : 'nothing to do now',
    steps.later.length ? `${steps.later.length} later in this assessment` : '',
    steps.manager.length ? `${steps.manager.length} for your manager` : '',
  ].filter(Boolean);
  const last = parts.pop() ?? '';
  return parts.length ? `${parts.join(', ')} and ${last}` : last;
}

function stepsLine(steps: WorkerSteps): string {
  return `${sentence(stepsWords(steps))}.`;
}

function MissingSteps({ evaluation, ctx, facts }: { evaluation: Evaluation; ctx: ShowMeContext; facts?: CaseFacts }) {
  const missing = missingFindings(evaluation);
  const notRead = notReadFindings(evaluation);
  const required = missing.filter((f) => f.severity === 'required').length;
  const requiredNotRead = notRead.filter((f) => f.severity === 'required' && !conditionNotRead(f)).length;
  const steps = workerSteps(evaluation, facts, openSectionsOf(ctx));
  return (
    <section class="block" aria-labelledby="missing-heading" data-missing-steps="">
      <h2 id="missing-heading">Steps still missing</h2>
      {required === 0 ? (
        requiredNotRead === 0 ? (
          <p class="notice notice--success">
            All the required steps are done.
            {evaluation.ready.ready || countdownsInForce(evaluation).every((c) => c.status !== 'overdue' && c.status !== 'met-late')
              ? ''
              : ' A deadline has passed with no reason recorded: see Deadlines.'}
          </p>
        ) : (
          <p class="notice notice--success">
            Nothing required is missing from what has been read so far.
            {requiredNotRead > 0 ? ` ${plural(requiredNotRead, 'required step is', 'required steps are')} not read yet (see below).` : ''}
          </p>
        )
      ) : (
        <p data-steps-line="">{stepsLine(steps)}</p>
      )}
      {steps.now.length > 0 ? (
        <section class="steps" aria-labelledby="steps-now-heading" data-steps="now">
          <h3 id="steps-now-heading">To do now</h3>
          <StepGroups steps={steps.now} evaluation={evaluation} ctx={ctx} idPrefix="now" />
        </section>
      ) : null}
      {steps.later.length > 0 ? (
        <details class="details steps" data-steps="later">
          <summary>
            Later in this assessment ({steps.later.length})
            {steps.laterBy?.due ? `: by ${longDate(steps.laterBy.due)}, when it is due` : ''}
          </summary>
          <div class="details__body">
            <StepGroups steps={steps.later} evaluation={evaluation} ctx={ctx} idPrefix="later" />
          </div>
        </details>
      ) : null}
      {steps.manager.length > 0 ? (
        <details class="details steps" data-steps="manager">
          <summary>For your manager ({steps.manager.length})</summary>
          <div class="details__body">
            <p class="muted">Your manager does these when they authorise the assessment.</p>
            <StepGroups steps={steps.manager} evaluation={evaluation} ctx={ctx} idPrefix="manager" />
          </div>
        </details>
      ) : null}
    </section>
  );
}

/** What the record says is unsafe, named where it is: above the clocks. */
function Risks({ evaluation, facts, ctx }: { evaluation: Evaluation; facts?: CaseFacts; ctx: ShowMeContext }) {
  const risks = facts?.risks ?? [];
  if (risks.length === 0) return null;
  return (
    <section class="block block--risk" aria-labelledby="risks-heading" data-risks="">
      <h2 id="risks-heading">Safety</h2>
      <ul class="plain-list risks">
        {risks.map((r) => {
          const step = evaluation.findings.find((f) => f.field === r.field && f.status !== 'met') ?? evaluation.findings.find((f) => f.field === r.field);
          return (
            <li key={r.key} class="risk" data-risk={r.key}>
              <p>{r.words}</p>
              {step ? <ShowMeButton item={step} ctx={ctx} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function NotReadYet({ evaluation, open }: { evaluation: Evaluation; open: readonly FormSection[] }) {
  const groups = groupBySectionAndSubject(notReadFindings(evaluation), evaluation.findings);
  if (groups.length === 0) return null;
  return (
    <section class="block block--quiet" aria-labelledby="not-read-heading" data-not-read="">
      <h2 id="not-read-heading">Not read yet</h2>
      <p class="muted">The Companion has not seen these parts of the form yet, so it cannot tell whether these steps are done.</p>
      {groups.map((g) => (
        <section key={g.section} class="group" aria-labelledby={`not-read-${g.section}`} data-section={g.section}>
          <h3 id={`not-read-${g.section}`}>{g.name}</h3>
          <p class="open-hint">
            {open.includes(g.section)
              ? `You have this section open, but ${g.count === 1 ? 'this has' : 'these have'} not been found on the page yet.`
              : `Open ${g.name} so ${g.count === 1 ? 'this' : 'these'} can be checked.`}
          </p>
          <ul class="quiet-list">
            {g.subjects.flatMap((s) =>
              s.items.map((f) => (
                <li key={itemKey(f)} data-rule-id={f.ruleId} data-subject={s.subject?.id} data-condition-not-read={conditionNotRead(f) ? '' : undefined}>
                  {conditionalWords(f)}
                  {s.subject ? <span class="for-whom">For {s.subject.label}</span> : null}
                </li>
              )),
            )}
          </ul>
        </section>
      ))}
    </section>
  );
}

function CouldNotCheck({ evaluation }: { evaluation: Evaluation }) {
  const failed = failedFindings(evaluation);
  if (failed.length === 0) return null;
  return (
    <section class="block block--quiet" aria-labelledby="failed-heading">
      <h2 id="failed-heading">Could not check</h2>
      <p class="muted">Something went wrong with these checks. Check these steps yourself; the other checks still work.</p>
      <ul class="quiet-list">
        {failed.map((f) => (
          <li key={itemKey(f)}>
            Could not check this rule: {f.message}
            {f.subject ? <span class="for-whom">For {f.subject.label}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface WorkerViewProps {
  evaluation: CheckedEvaluation;
  currentSection?: FormSection;
  ctx: ShowMeContext;
  /** The assessment's clock, when its referral date is known. */
  timeline?: Timeline | null;
  /** The worker has seen this section's questions before: they are folded. */
  promptsSeen?: boolean;
  /** What the record says beyond the evaluation: submitted, risks, conditional clocks. */
  facts?: CaseFacts;
}

/** The nearest deadline on one line; every deadline and the timeline folded beneath it. */
function Deadlines({ evaluation, ctx, timeline, facts }: { evaluation: Evaluation; ctx: ShowMeContext; timeline?: Timeline | null; facts?: CaseFacts }) {
  const countdowns = countdownsInForce(evaluation);
  // The same headline deadline as the caseload: running before not read yet, never a met one.
  const next = headlineDeadline(countdowns);
  const conditional = facts?.conditionalClocks ?? [];
  return (
    <section class="block" aria-labelledby="deadlines-heading" data-deadlines="">
      <h2 id="deadlines-heading" class="visually-hidden">
        Deadlines
      </h2>
      {next ? (
        <p class="next-deadline" data-next-deadline={next.ruleId} data-status={next.error ? 'error' : next.status} style={stateStyle(stateShape(next))}>
          <StateTag countdown={next} />
          <span class="next-deadline__text">
            {next.name ?? next.message}
            {next.subject ? `, for ${next.subject.label}` : ''}: {dueText(next)}
          </span>
        </p>
      ) : countdowns.length > 0 ? (
        <p class="muted" data-next-deadline="none" data-status="none">
          Every deadline has been met.
        </p>
      ) : (
        <p class="muted">No deadlines apply to this assessment yet.</p>
      )}
      {conditional.map((c) => (
        <p key={c.key} class="conditional-clock" data-conditional-clock={c.key}>
          <strong>{c.condition}:</strong> {c.name.charAt(0).toLowerCase()}
          {c.name.slice(1)} by {longDate(c.due)} <span class="muted">({c.basis})</span>
        </p>
      ))}
      {countdowns.length > 0 ? (
        <details class="details" data-all-deadlines="">
          <summary>
            {countdowns.length > 1 ? `All ${countdowns.length} deadlines` : 'This deadline'}
            {timeline ? ' and the timeline' : ''}
          </summary>
          <div class="details__body">
            {timeline ? (
              <Boundary what="the timeline">
                <ClockTimeline timeline={timeline} />
              </Boundary>
            ) : null}
            <CountdownList countdowns={countdowns} ctx={ctx} />
          </div>
        </details>
      ) : null}
    </section>
  );
}

export function WorkerView({ evaluation, currentSection, ctx, timeline, promptsSeen = false, facts }: WorkerViewProps) {
  return (
    <>
      <Boundary what="the safety answers">
        <Risks evaluation={evaluation} facts={facts} ctx={ctx} />
      </Boundary>
      <Boundary what="the deadlines">
        <Deadlines evaluation={evaluation} ctx={ctx} timeline={timeline} facts={facts} />
      </Boundary>
      <Boundary what="the missing steps">
        <MissingSteps evaluation={evaluation} ctx={ctx} facts={facts} />
      </Boundary>
      <Boundary what="the questions for this section">
        <Prompts evaluation={evaluation} open={openSectionsOf({ ...ctx, currentSection })} seen={promptsSeen} />
      </Boundary>
      <Boundary what="the steps not read yet">
        <NotReadYet evaluation={evaluation} open={openSectionsOf({ ...ctx, currentSection })} />
      </Boundary>
      <Boundary what="the steps not checked with this case system">
        <NotCheckedHere evaluation={evaluation} />
      </Boundary>
      <Boundary what="the checks that failed">
        <CouldNotCheck evaluation={evaluation} />
      </Boundary>
    </>
  );
}

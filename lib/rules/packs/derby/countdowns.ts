// Derby's deadlines (2.3, 2.10). Those the shared England base expresses (the assessment's 45
// working days, the 5-working-day seen-alone clock, the reasons for exceeding the timescale) are
// in derby.json; Derby's own coded ones are here. The engine works out due dates, states and the
// "45 working days from …" wording from each clock.
import type { Child } from '../../../model';
import { formatLongDate, ukLocalDateTime } from '../../../calendar';
import { both, either, firstSeenAlone, isYes, not } from '../../conditions';
import { fromPack } from '../../council/load';
import { englishDay } from '../../engine';
import { defineRule } from '../../pack';
import type { Applies, Clock } from '../../types';
import { assessmentClockStart, assessmentDueDate, kindIn, recorded, section47ClockStart, isUnborn, type ClockStart, type Ctx } from './helpers';
import type { DerbyParams } from './params';

function seenAloneClockFor(child: Child, start: ClockStart, span: { workingDays: number } | { hours: number }): Clock {
  const seen = 'hours' in span ? seenAloneWithinHours(child, start.start, span.hours) : { met: firstSeenAlone(child) };
  return {
    ...start,
    span,
    ...seen,
    metField: `children[${child.id}].seenDates`,
    subject: { kind: 'child', id: child.id },
  };
}

/** A child subject to the enquiry: the subject child or another child included in the assessment, and born. */
function inEnquiry(child: Child): Applies {
  return both(either(isYes(child.isSubject), isYes(child.includedInAssessment)), not(isUnborn(child)));
}

/** Some child is subject to the enquiry (with no children recorded, the clock applies and says so). */
function anyChildInEnquiry(ctx: Ctx): Applies {
  if (ctx.record.children === undefined) return 'unknown';
  if (ctx.children.length === 0) return true;
  return either(...ctx.children.map(inEnquiry));
}

/** Derby 2.3's 24 hours run for each child subject to the enquiry, not only the subject child (issue 23). */
function section47Clocks(ctx: Ctx): Clock | Clock[] {
  const start = section47ClockStart(ctx.record);
  if ('status' in start) return start;
  if (ctx.record.children === undefined) return { status: 'unknown', field: 'children[].isSubject', detail: 'The children in the household have not been read yet.' };
  const children = ctx.children.filter((c) => inEnquiry(c) !== false);
  if (children.length === 0) return { status: 'missing', field: 'children[].isSubject', detail: 'No child is recorded as the child the enquiry is about.' };
  return children.map((child): Clock =>
    inEnquiry(child) === true
      ? seenAloneClockFor(child, start, { hours: 24 })
      : {
          status: 'unknown',
          field: `children[${child.id}].includedInAssessment`,
          detail: 'Not read yet whether this child is included in the assessment.',
          subject: { kind: 'child', id: child.id },
        },
  );
}

/**
 * When the child was first seen alone for an hour clock (Derby 2.3's 24 hours), judged to
 * the hour. Visits before the clock started do not count. A visit recorded with a date but
 * no time on the first or last day of the clock cannot be placed inside or outside it, so it
 * is never called on time: the worker is told the time is needed.
 */
function seenAloneWithinHours(child: Child, start: string, hours: number): { met: string | null | undefined; detail?: string } {
  if (child.seenDates === undefined) return { met: undefined };
  const startMs = Date.parse(start);
  const dueMs = startMs + hours * 3_600_000;
  const startDay = englishDay(start);
  const dueDay = englishDay(new Date(dueMs).toISOString());
  let onTime: string | undefined;
  let late: string | undefined;
  let timeNeeded: string | undefined;
  const earliest = (a: string | undefined, b: string) => (a === undefined || Date.parse(b) < Date.parse(a) ? b : a);
  for (const visit of child.seenDates ?? []) {
    if (!visit.alone) continue;
    if (visit.time !== undefined) {
      const at = ukLocalDateTime(visit.date, visit.time);
      const ms = Date.parse(at);
      if (ms < startMs) continue;
      if (ms <= dueMs) onTime = earliest(onTime, at);
      else late = earliest(late, at);
      continue;
    }
    if (visit.date < startDay) continue;
    if (visit.date === startDay || visit.date === dueDay) timeNeeded ??= visit.date;
    else if (visit.date > dueDay) late = late === undefined || visit.date < englishDay(late) ? visit.date : late;
    else onTime = earliest(onTime, `${visit.date}T12:00:00Z`);
  }
  if (onTime) return { met: onTime };
  if (timeNeeded) {
    return {
      met: null,
      detail: `Seen alone on ${formatLongDate(timeNeeded)}, but no time is recorded. Record the time of the visit to show it was within ${hours} hours.`,
    };
  }
  return { met: late ?? null };
}

export const managerCopy5WorkingDaysBefore = defineRule<DerbyParams>({
  id: 'derby/manager-copy-5-working-days-before',
  name: 'Assessment sent to the manager',
  kind: 'countdown',
  // A Practice Trigger in 2.3 ("be aware that your manager will need the assessment"): a date
  // shown to the worker, never a blocker, and missing it owes no timescale reason.
  severity: 'prompt',
  section: 'manager',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Be aware that your manager will need the assessment 5 working days prior to the final deadline' },
  message: 'Send the assessment to your manager in good time before it is due, so they can read it and authorise it.',
  dueSoonWithin: (p) => p.dueSoonWorkingDays,
  clock: (ctx) => {
    const due = assessmentDueDate(ctx);
    if ('status' in due) return due;
    return {
      start: due.due,
      startLabel: 'the assessment due date',
      startField: due.start.startField,
      span: { workingDaysBefore: ctx.params.managerCopyWorkingDaysBefore, anchorLabel: 'the assessment due date' },
      met: ctx.record.dates?.submittedToManager,
      metField: 'dates.submittedToManager',
    };
  },
});

export const childSeenAlone24HoursS47 = defineRule<DerbyParams>({
  id: 'derby/child-seen-alone-24-hours-s47',
  name: 'Child seen alone (Section 47)',
  kind: 'countdown',
  // A Practice Trigger ("useful hints / tips"): shown, never blocks. What blocks is 2.4's body
  // text, the threshold considered when the child is not seen in time (threshold-considered-not-seen),
  // and seeing the child alone at all (child-seen-alone).
  severity: 'prompt',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'See the child alone … within 24 hours if subject to S47 enquiry' },
  message: 'Practice Trigger: in a Section 47 enquiry, see the child alone within 24 hours, and record the visit as seen alone with its time.',
  // Whenever a Section 47 enquiry has started, also one that begins during a child in need
  // assessment. One clock for each child in the enquiry; an unborn child cannot be seen alone and has none.
  appliesWhen: (ctx) => both(either(kindIn(ctx.record, ['section-47']), recorded(ctx.record.dates?.section47Start)), anyChildInEnquiry(ctx)),
  dueSoonWithin: (p) => p.dueSoonHours,
  clock: section47Clocks,
});

export const reassessment12Months = defineRule<DerbyParams>({
  id: 'derby/reassessment-12-months',
  name: '12 months since the last assessment',
  kind: 'countdown',
  // "As a guide" (2.3): good practice, never a blocker.
  severity: 'expected',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'As a guide this would be no more than every 12 months for CiN or CP' },
  message:
    'As a guide, re-assess a child in need or on a child protection plan every 12 months (a settled LAC placement may go longer). Shows if this re-assessment began within 12 months of the last.',
  // A re-assessment of an open case: a new referral years after an earlier assessment closed has no 12-month clock.
  appliesWhen: ({ record }) => both(kindIn(record, ['reassessment']), recorded(record.dates?.previousAssessmentCompleted)),
  dueSoonWithin: (p) => p.reassessmentDueSoonWorkingDays,
  // The re-assessment under way is the new assessment: the guide is met when it began
  // (the decision to assess, else the referral), not when it is completed.
  clock: ({ record, params, reads, calendar }) => {
    const previous = record.dates?.previousAssessmentCompleted;
    if (typeof previous !== 'string') return { status: 'unknown', field: 'dates.previousAssessmentCompleted' };
    const began = assessmentClockStart(record, reads);
    const met = 'status' in began ? (began.status === 'unknown' ? undefined : null) : began.start;
    const guide = calendar.addCalendarMonths(englishDay(previous), params.reassessmentMonths);
    const late = typeof met === 'string' && englishDay(met) > guide;
    return {
      start: previous,
      startLabel: 'the last assessment',
      startField: 'dates.previousAssessmentCompleted',
      span: { months: params.reassessmentMonths },
      met,
      metField: 'status' in began ? began.field : began.startField,
      detail: late
        ? `${params.reassessmentMonths} months since the last assessment: this re-assessment began later than the guide. The guide never blocks sign-off.`
        : `Measures the time from the last assessment to the start of this re-assessment (a guide, never blocks sign-off).`,
    };
  },
});

// The assessment's 45 working days, the 5-working-day seen-alone clock and the reasons for
// exceeding the timescale are in derby.json, over the shared England base.
export const countdownRules = [
  fromPack('assessment-45-working-days'),
  managerCopy5WorkingDaysBefore,
  childSeenAlone24HoursS47,
  fromPack('child-seen-alone-5-working-days'),
  reassessment12Months,
  fromPack('timescale-exceeded-reason'),
];

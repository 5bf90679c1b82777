// Derby's deadlines (2.3, 2.10) and the reason a missed one needs. The engine works out
// due dates, states and the "45 working days from …" wording from each clock.
import { firstSeenAlone, has } from '../../conditions';
import { defineRule } from '../../pack';
import type { Clock, CountdownStatus, Outcome } from '../../types';
import { assessmentClockStart, assessmentDueDate, both, kindIn, recorded, section47ClockStart, subjectChild, subjectIsBorn, type Ctx } from './helpers';
import type { DerbyParams } from './params';

function seenAloneClock(ctx: Ctx, start: ReturnType<typeof assessmentClockStart>, span: { workingDays: number } | { hours: number }): Clock {
  if ('status' in start) return start;
  const child = subjectChild(ctx);
  if ('status' in child) return { status: child.status, field: 'children[].isSubject', detail: child.detail };
  return {
    ...start,
    span,
    met: firstSeenAlone(child),
    metField: `children[${child.id}].seenDates`,
    subject: { kind: 'child', id: child.id },
  };
}

export const assessment45WorkingDays = defineRule<DerbyParams>({
  id: 'derby/assessment-45-working-days',
  name: 'Assessment completed',
  kind: 'countdown',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3 and 2.10', section: '2.3, 2.10', passage: 'Assessments should be completed within 45 working days; 2.10 maximum time frame' },
  message: 'Complete the assessment by its due date, counted in working days from the referral or from the decision to assess.',
  dueSoonWithin: (p) => p.dueSoonWorkingDays,
  clock: ({ record, params, reads }) => {
    const start = assessmentClockStart(record, reads);
    if ('status' in start) return start;
    return { ...start, span: { workingDays: params.assessmentWorkingDays }, met: record.dates?.completed, metField: 'dates.completed' };
  },
});

export const managerCopy5WorkingDaysBefore = defineRule<DerbyParams>({
  id: 'derby/manager-copy-5-working-days-before',
  name: 'Assessment sent to your manager',
  kind: 'countdown',
  // A practice trigger in 2.3, but a late copy blocks sign-off until the timescale reason is
  // recorded (catalogue readiness), so it is shown as required.
  severity: 'required',
  section: 'manager',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Practice Triggers: your manager will need the assessment 5 working days prior to the final deadline' },
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
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Practice Triggers: see the child alone within 24 hours if subject to S47 enquiry' },
  message: 'In a Section 47 enquiry, see the child alone within 24 hours and record the visit as seen alone.',
  // An unborn subject child cannot be seen alone: the clock does not apply.
  appliesWhen: (ctx) => both(kindIn(ctx.record, ['section-47']), subjectIsBorn(ctx)),
  dueSoonWithin: (p) => p.dueSoonHours,
  clock: (ctx) => seenAloneClock(ctx, section47ClockStart(ctx.record), { hours: 24 }),
});

export const childSeenAlone5WorkingDays = defineRule<DerbyParams>({
  id: 'derby/child-seen-alone-5-working-days',
  name: 'Child seen alone',
  kind: 'countdown',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Practice Triggers: see the child alone within 5 working days if the child may be in need' },
  message: 'See the child alone early in the assessment, by the date shown, and record the visit as seen alone.',
  appliesWhen: (ctx) => both(kindIn(ctx.record, ['child-in-need', 'reassessment', 'pre-birth']), subjectIsBorn(ctx)),
  dueSoonWithin: (p) => p.seenAloneDueSoonWorkingDays,
  clock: (ctx) => seenAloneClock(ctx, assessmentClockStart(ctx.record, ctx.reads), { workingDays: ctx.params.childSeenAloneWorkingDays }),
});

export const reassessment12Months = defineRule<DerbyParams>({
  id: 'derby/reassessment-12-months',
  name: 'New assessment within 12 months',
  kind: 'countdown',
  // "As a guide" in 2.3, but as for every countdown a late one needs the timescale reason
  // before sign-off (catalogue readiness), so it is shown as required.
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'As a guide this would be no more than every 12 months for CiN or CP' },
  message: 'Complete a new single assessment within a year of the last one, or sooner if something significant happens.',
  appliesWhen: ({ record }) => recorded(record.dates?.previousAssessmentCompleted),
  dueSoonWithin: (p) => p.reassessmentDueSoonWorkingDays,
  clock: ({ record, params }) => {
    const previous = record.dates?.previousAssessmentCompleted;
    if (typeof previous !== 'string') return { status: 'unknown', field: 'dates.previousAssessmentCompleted' };
    return {
      start: previous,
      startLabel: 'the last assessment',
      startField: 'dates.previousAssessmentCompleted',
      span: { months: params.reassessmentMonths },
      met: record.dates?.completed,
      metField: 'dates.completed',
    };
  },
});

const LATE: ReadonlySet<CountdownStatus> = new Set(['overdue', 'met-late']);
// A countdown that cannot run (start not read, or blank) leaves open whether a deadline was missed.
const UNSETTLED: ReadonlySet<CountdownStatus> = new Set(['unknown', 'missing']);

export const timescaleExceededReason = defineRule<DerbyParams>({
  id: 'derby/timescale-exceeded-reason',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Assessment Plan: timescales; 2.10 record the reasons for exceeding the time limit' },
  message: 'If a deadline is missed, record the reasons the timescale was exceeded, as discussed with the family and the professionals involved.',
  check: ({ record, countdowns }): Outcome => {
    const field = 'timescale.exceededReasonRecorded';
    const late = countdowns.filter((c) => LATE.has(c.status));
    if (late.length > 0) {
      return { ...has(record.timescale?.exceededReasonRecorded, field), detail: `Past due: ${late.map((c) => c.name ?? c.message).join('; ')}.` };
    }
    const unsettled = countdowns.filter((c) => UNSETTLED.has(c.status));
    if (unsettled.length > 0) {
      if (record.timescale?.exceededReasonRecorded === true) return { status: 'met', field };
      return {
        status: 'unknown',
        field: unsettled[0]?.field ?? field,
        detail: `Cannot tell yet whether a deadline was missed: ${unsettled.map((c) => c.name ?? c.message).join('; ')}.`,
      };
    }
    return { status: 'not-applicable' };
  },
});

export const countdownRules = [
  assessment45WorkingDays,
  managerCopy5WorkingDaysBefore,
  childSeenAlone24HoursS47,
  childSeenAlone5WorkingDays,
  reassessment12Months,
  timescaleExceededReason,
];

// Derby 2.3: the target date agreed in the plan, where it is shorter than the 45 working days.
// A coded rule of its own (issue 23 item 6), beside the assessment's own clock in countdowns.ts.
import { formatLongDate } from '../../../calendar';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { assessmentDueDate, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const FACT = 'planning.targetDate';

/**
 * The plan's target date is a deadline of its own only when it is earlier than the 45 working
 * days. Not read yet, or the 45 working days not countable yet: not known whether it applies.
 * A case system that records no target date: it does not apply (never "not read yet").
 */
function shorterThanFortyFive(ctx: Ctx): Applies {
  const target = ctx.record.planning?.targetDate;
  if (target === undefined) return ctx.reads(FACT) ? 'unknown' : false;
  if (target === null) return false;
  const due = assessmentDueDate(ctx);
  if ('status' in due) return due.status === 'unknown' ? 'unknown' : false;
  return target < due.due;
}

export const planTargetDate = defineRule<DerbyParams>({
  id: 'derby/plan-target-date',
  name: 'Target date agreed in the plan',
  kind: 'countdown',
  // "Sometimes a shorter deadline will be required": the procedure leaves the shorter deadline to
  // the plan and the manager, so it is good practice, shown and never blocking. What blocks is
  // the 45 working days (derby/assessment-45-working-days), still shown beside it.
  severity: 'expected',
  section: 'plan',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'Sometimes a shorter deadline will be required in the interests of the child(ren) concerned' },
  message: 'Complete the assessment by the target date agreed in the plan. It is earlier than the 45 working days, in the interests of the children.',
  appliesWhen: shorterThanFortyFive,
  dueSoonWithin: (p) => p.dueSoonWorkingDays,
  clock: (ctx) => {
    const target = ctx.record.planning?.targetDate;
    if (typeof target !== 'string') return { status: target === null ? 'missing' : 'unknown', field: FACT };
    const due = assessmentDueDate(ctx);
    return {
      start: target,
      startLabel: 'the target date agreed in the plan',
      startField: FACT,
      span: { onTheDate: true },
      met: ctx.record.dates?.completed,
      metField: 'dates.completed',
      ...('status' in due ? {} : { detail: `Earlier than the 45 working days, due ${formatLongDate(due.due)}, which still apply.` }),
    };
  },
});

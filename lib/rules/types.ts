import { z } from 'zod';
import type { AssessmentRecord, Child, Adult, FactPath, FormSection } from '../model';
import { FormSectionSchema } from '../model';
import type { WorkingDayCalendar } from '../calendar';

export const SeveritySchema = z.enum(['required', 'expected', 'prompt']);
export type Severity = z.infer<typeof SeveritySchema>;

export const CHECK_STATUSES = ['met', 'missing', 'unknown', 'not-applicable'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const COUNTDOWN_STATES = ['on-track', 'due-soon', 'due-today', 'overdue', 'met-on-time', 'met-late'] as const;
export type CountdownState = (typeof COUNTDOWN_STATES)[number];
/** A countdown whose clock cannot start yet is `unknown` (start not read) or `missing` (start blank). */
export type CountdownStatus = CountdownState | 'unknown' | 'missing' | 'not-applicable';

export const SourceSchema = z.strictObject({
  /** Short citation shown to users, e.g. "Derby 2.5". */
  label: z.string().min(1),
  /** The procedure's section number, e.g. "2.5" or "6". */
  section: z.string().min(1),
  /** A pointer to the passage (its heading or first words), not the passage itself. */
  passage: z.string().min(1).max(160),
});
export type Source = z.infer<typeof SourceSchema>;

/** Who a finding concerns. Labels never hold names: initials (if the council's map reads them) or a number and age. */
export interface Subject {
  kind: 'child' | 'adult';
  id: string;
  label: string;
}

/** What a check says about the record, or about one child or adult in it. */
export interface Outcome {
  status: CheckStatus;
  subject?: { kind: 'child' | 'adult'; id: string };
  /** The fact to show the worker ("Show me"): the first one missing or not read yet. */
  field?: FactPath;
  /** What the check looked for, when it is a heuristic or when it helps say what is missing. */
  detail?: string;
  /** The rule's message in other words where its usual ones would be wrong (e.g. for an unborn baby). */
  message?: string;
}

/** The tri-state answer to "does this rule apply?". */
export type Applies = boolean | 'unknown';

export interface RuleContext<P = Record<string, unknown>> {
  record: AssessmentRecord;
  /** Today's date in England (YYYY-MM-DD) and the moment of evaluation. */
  today: string;
  now: string;
  calendar: WorkingDayCalendar;
  params: P;
  /** Other countdowns of the same pack, already evaluated (for "timescale exceeded" checks). */
  countdowns: readonly CountdownResult[];
  children: readonly Child[];
  adults: readonly Adult[];
  subjectChild: Child | undefined;
  /**
   * Can the council's case system give this fact (a generic path, `children[].seenDates`)?
   * False when its field map never reads it: a rule may then use its procedure's documented
   * fallback (Derby's clock from the referral when there is no decision date).
   */
  reads: (genericPath: string) => boolean;
}

interface RuleBase<P> {
  /** Stable forever: `<pack>/<name>`. */
  id: string;
  section: FormSection;
  source: Source;
  /** Plain English, the project's own words; says what to do. */
  message: string;
  appliesWhen?: (ctx: RuleContext<P>) => Applies;
}

/**
 * The recorded reason a rule accepts in place of its step, named on the rule so a reason
 * excuses only the duty it is written for (never another rule or another clock).
 */
export interface AcceptedReason {
  /** The reason's fact, as a generic path: `timescale.exceededReasonRecorded`, `adults[].notInvolvedReason`. */
  fact: string;
  /** Where the procedure allows it, e.g. "Hertfordshire 4: if this is not possible … the reason should be recorded". */
  allowedBy: string;
}

export interface CheckRule<P = Record<string, unknown>> extends RuleBase<P> {
  kind: 'check';
  severity: 'required' | 'expected';
  /** The one recorded reason that meets this check in place of its step (read by the check itself). */
  acceptsReason?: AcceptedReason;
  check: (ctx: RuleContext<P>) => Outcome | Outcome[];
}

/** How a countdown's clock runs: from a start, for a span, until it is met. */
export type Clock =
  | { status: 'unknown' | 'missing'; field: FactPath; detail?: string; subject?: { kind: 'child' | 'adult'; id: string } }
  | {
      /** Date (YYYY-MM-DD) or date-time the clock starts from. */
      start: string;
      /** Words for the start, e.g. "referral" → "45 working days from referral on 2 Nov 2026". */
      startLabel: string;
      startField: FactPath;
      span:
        | { workingDays: number }
        | { days: number }
        | { hours: number }
        | { months: number }
        | { workingDaysBefore: number; anchorLabel: string }
        /** Due on the start date itself: a date agreed and recorded (the target date in the plan). */
        | { onTheDate: true };
      /** When the duty was met: a date, null (not yet), or undefined (not read yet). */
      met: string | null | undefined;
      metField: FactPath;
      subject?: { kind: 'child' | 'adult'; id: string };
      /** Said beside the deadline, e.g. that a visit's time is needed to judge a 24-hour clock. */
      detail?: string;
    };

export interface CountdownRule<P = Record<string, unknown>> extends RuleBase<P> {
  kind: 'countdown';
  /** A short name for the deadline, e.g. "Assessment completed", used where the message is too long. */
  name?: string;
  /**
   * Only a `required` deadline blocks sign-off when it is missed. An `expected` one ("as a
   * guide") and a `prompt` one (a Practice Trigger) are shown to the worker and never block.
   */
  severity: Severity;
  /**
   * The recorded reason that excuses this clock when it is missed (only a required clock
   * blocks): without one here, no reason excuses it. Another clock's reason never does.
   */
  excusedBy?: AcceptedReason;
  /** Working days (or hours for hour clocks) left at which the state turns to "due soon". */
  dueSoonWithin?: (params: P) => number;
  /** Where the deadline's figure comes from and who may change it, shown under "How this date is worked out". */
  figureNote?: (params: P) => string;
  /** One clock, or one for each person it runs for (each with its `subject`; none: not applicable). */
  clock: (ctx: RuleContext<P>) => Clock | Clock[];
}

export interface PromptRule<P = Record<string, unknown>> extends RuleBase<P> {
  kind: 'prompt';
  severity: 'prompt';
}

export type Rule<P = Record<string, unknown>> = CheckRule<P> | CountdownRule<P> | PromptRule<P>;

export interface FindingBase {
  ruleId: string;
  severity: Severity;
  section: FormSection;
  message: string;
  source: Source;
  subject?: Subject;
  field?: FactPath;
  detail?: string;
  /** Set when the rule itself failed: shown as "could not check", never crashes the panel. */
  error?: string;
  /** The fact it needs is one the case system's field map never reads: "not checked with this case system". */
  notCheckedHere?: true;
  /** The rule's own section in the procedure, when the council's form holds the step's field elsewhere (lib/verdict/checks.ts). */
  ruleSection?: FormSection;
  /** Unknown because the rule's condition (appliesWhen) is not read yet: it may not apply at all. */
  conditionUnknown?: true;
  /** With `notCheckedHere`: the facts (generic paths) it waits for that the map never reads. */
  needs?: string[];
}

export interface Finding extends FindingBase {
  kind: 'check';
  status: CheckStatus;
}

export interface CountdownResult extends FindingBase {
  kind: 'countdown';
  /** The reason fact that excuses this clock when missed (from the rule), if any. */
  excusedBy?: string;
  /** Set when a missed required clock is excused by its own recorded reason. */
  excused?: true;
  /** The deadline's short name, e.g. "Assessment completed". */
  name?: string;
  status: CountdownStatus;
  /** Due date (YYYY-MM-DD) or, for clock-time deadlines, date-time. */
  due?: string;
  dueIsTime?: boolean;
  /** Working days from today to the due date (negative when overdue). */
  workingDaysLeft?: number;
  /** Hours left, for clock-time deadlines. */
  hoursLeft?: number;
  /** e.g. "45 working days from referral on 2 Nov 2026". */
  basis?: string;
  /** When the duty was met. */
  metOn?: string;
  /** e.g. "Bank holidays not known after 31 Dec 2027: weekends only counted after that." */
  calendarNote?: string;
  /** e.g. "5 working days is the figure in Hertfordshire's procedure, section 6; it can be changed in the pack settings." */
  figureNote?: string;
  /**
   * Set when a date the clock needs cannot be right (a referral after today, completion
   * before the referral): what is wrong, in words. No countdown is given then.
   */
  dateProblem?: string;
}

export interface Prompt {
  ruleId: string;
  section: FormSection;
  message: string;
  source: Source;
}

export interface Readiness {
  ready: boolean;
  /** Required items missing or not read yet, and countdowns past due with no reason recorded. */
  blocking: Array<Finding | CountdownResult>;
  /** Expected (good practice) items still open: shown, do not block. */
  expected: Finding[];
}

export interface Evaluation {
  packId: string;
  packVersion: string;
  now: string;
  today: string;
  countdowns: CountdownResult[];
  findings: Finding[];
  prompts: Prompt[];
  ready: Readiness;
}

/** A pack: one authority's procedure as data. */
export interface Pack<P = Record<string, unknown>> {
  id: string;
  name: string;
  /** Title and version of the procedure the pack implements. */
  procedure: string;
  version: string;
  paramsSchema: z.ZodType<P>;
  rules: ReadonlyArray<Rule<P>>;
}

/** A message saying the worker did something wrong ("You shared …"): neutral words say what to record instead. */
const BLAMING = /\byou (shared|failed|forgot|missed|did not|didn’t|didn't|have not|haven’t|haven't|should have)\b/i;

/** What of a pack is plain data, checked by the meta-test and at load. */
export const RuleMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'rule ids are `<pack>/<kebab-case-name>`'),
  kind: z.enum(['check', 'countdown', 'prompt']),
  severity: SeveritySchema,
  section: FormSectionSchema,
  source: SourceSchema,
  message: z
    .string()
    .min(10)
    .max(240)
    .refine((m) => !/\b(item|data|info)\b/i.test(m), 'use the procedure’s own words, not generic ones')
    .refine((m) => !BLAMING.test(m), 'say what to record, never who is to blame'),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;

export function ruleMeta(rule: Rule<never> | Rule): RuleMeta {
  return { id: rule.id, kind: rule.kind, severity: rule.severity, section: rule.section, source: rule.source, message: rule.message };
}

// The shared England base: the obligations most Single Assessment procedures share (Working
// Together to Safeguard Children 2023), written once as rules with parameters. A council pack
// (format.ts) says which apply, with its own figures, weight, section and words.
import type { AssessmentKind, AssessmentRecord, Child, FactPath } from '../../model';
import { ageInYears, allOf, anyOf, both, eachChild, either, firstSeenAlone, has, isYes, not, recorded } from '../conditions';
import type { AcceptedReason, Applies, Clock, CountdownRule, CountdownStatus, CheckRule, Outcome, Rule, RuleContext, Source } from '../types';
import type { FormSection } from '../../model';
import type { BaseRuleName, Figure, Figures, StartEvent } from './format';

/** A council pack's parameters: its settings, by name. */
export type CouncilParams = Record<string, number>;
type Ctx = RuleContext<CouncilParams>;

/** A figure's value: written in the pack, or the council's setting. */
export function figure(f: Figure, params: CouncilParams): number {
  if (typeof f === 'number') return f;
  const value = params[f.setting];
  if (typeof value !== 'number') throw new Error(`the setting "${f.setting}" has no value`);
  return value;
}

interface ClockStart {
  start: string;
  startLabel: string;
  startField: FactPath;
}
type ClockProblem = Extract<Clock, { status: 'unknown' | 'missing' }>;

/**
 * Where a clock starts. "decision-or-referral": the decision to assess, else the referral (a
 * blank decision date means the referral; one not read yet leaves the start unknown, never a
 * guess that could call a case overdue that is not). A case system that records no decision
 * date runs the clock from the referral.
 */
export function clockStart(record: AssessmentRecord, from: StartEvent, reads: (genericPath: string) => boolean): ClockStart | ClockProblem {
  if (from === 'section-47-or-strategy') {
    const enquiry = record.dates?.section47Start;
    if (typeof enquiry === 'string') return { start: enquiry, startLabel: 'the start of the Section 47 enquiry', startField: 'dates.section47Start' };
    if (enquiry === undefined) return { status: 'unknown', field: 'dates.section47Start', detail: 'Not read yet when the Section 47 enquiry began.' };
    const strategy = record.dates?.strategyDiscussion;
    if (typeof strategy === 'string') return { start: strategy, startLabel: 'the strategy discussion', startField: 'dates.strategyDiscussion' };
    return strategy === undefined
      ? { status: 'unknown', field: 'dates.strategyDiscussion', detail: 'The strategy discussion date has not been read yet.' }
      : { status: 'missing', field: 'dates.strategyDiscussion', detail: 'Record when the Section 47 enquiry began or the strategy discussion was held.' };
  }
  if (from === 'decision-or-referral') {
    const read = record.dates?.assessmentDecision;
    const decision = read === undefined && !reads('dates.assessmentDecision') ? null : read;
    if (typeof decision === 'string') return { start: decision, startLabel: 'the decision to assess', startField: 'dates.assessmentDecision' };
    if (decision === undefined) {
      return { status: 'unknown', field: 'dates.assessmentDecision', detail: 'Not read yet when it was decided an assessment is needed, so the clock start is not known.' };
    }
  }
  const referral = record.dates?.referral;
  if (typeof referral === 'string') return { start: referral, startLabel: 'referral', startField: 'dates.referral' };
  return referral === undefined
    ? { status: 'unknown', field: 'dates.referral', detail: 'The referral date has not been read yet.' }
    : { status: 'missing', field: 'dates.referral', detail: 'Record the referral date (or the date it was decided to assess).' };
}

function kindIn(record: AssessmentRecord, kinds: readonly AssessmentKind[] | undefined): Applies {
  if (!kinds) return true;
  if (record.kind === undefined) return 'unknown';
  return record.kind !== null && kinds.includes(record.kind);
}

function isUnborn(child: Child): Applies {
  if (child.unborn === true) return true;
  if (child.unborn === false || child.unborn === null) return false;
  return typeof child.dateOfBirth === 'string' ? false : 'unknown';
}

function subjectChild(ctx: Ctx): Child | { status: 'unknown' | 'missing'; detail: string } {
  if (ctx.record.children === undefined) return { status: 'unknown', detail: 'The children in the household have not been read yet.' };
  if (ctx.subjectChild) return ctx.subjectChild;
  if (ctx.children.some((c) => c.isSubject === undefined)) return { status: 'unknown', detail: 'Not read yet which child the assessment is about.' };
  return { status: 'missing', detail: 'No child is marked as the child the assessment is about.' };
}

function subjectIsBorn(ctx: Ctx): Applies {
  const child = subjectChild(ctx);
  if ('status' in child) return child.status === 'missing' ? true : 'unknown';
  return not(isUnborn(child));
}

/** The working day a span of `workingDays` from the clock's start falls on; or why it cannot be told. */
function dayAfter(ctx: Ctx, from: StartEvent, workingDays: number): { day: string; start: ClockStart } | ClockProblem {
  const start = clockStart(ctx.record, from, ctx.reads);
  if ('status' in start) return start;
  return { day: ctx.calendar.addWorkingDays(start.start.slice(0, 10), workingDays), start };
}

/** What one pack entry gives a base rule: its id, weight, words and figures. */
export interface BaseEntry<N extends BaseRuleName> {
  id: string;
  severity: 'required' | 'expected' | 'prompt';
  section?: FormSection;
  source: Source;
  message?: string;
  name?: string;
  figures: Figures<N>;
  /** The pack's settings' words, for "How this date is worked out". */
  settingWords: (setting: string) => string | undefined;
  /** A setting's own note for a figure, when the council words it (as written, or as changed). */
  settingNote?: (setting: string, value: number) => string | undefined;
  /** Checks: the recorded reason that meets the duty in place of its step (format.ts ACCEPTED_REASONS). */
  acceptsReason?: AcceptedReason;
  /** The council's words for lines the base rule says under its message (format.ts DETAIL_NAMES); false: none. */
  details?: Readonly<Record<string, string | false>>;
  /** The id of another rule of the pack, from its name (for "timescale-exceeded-reason"). */
  ruleId: (name: string) => string;
  /** Deadlines: the recorded reason that excuses this one when missed. */
  excusedBy?: AcceptedReason;
  /** Deadlines: false leaves out the note on where the figure comes from. */
  showFigureNote?: boolean;
}

function checkSeverity(s: BaseEntry<BaseRuleName>['severity']): 'required' | 'expected' {
  if (s === 'prompt') throw new Error('a check is required or expected');
  return s;
}

/** What every check built from the base starts with: the pack entry's id, weight, section, source and words (or the base's). */
function checkHead(e: BaseEntry<BaseRuleName>, section: FormSection, message: string) {
  return { id: e.id, kind: 'check' as const, severity: checkSeverity(e.severity), section: e.section ?? section, source: e.source, message: e.message ?? message };
}

/** What every deadline of the base starts from: its id, weight, name, part of the form, source and words. */
function countdownHead(e: BaseEntry<BaseRuleName>, name: string, section: FormSection, message: string) {
  return { id: e.id, kind: 'countdown' as const, name: e.name ?? name, severity: e.severity, section: e.section ?? section, source: e.source, message: e.message ?? message };
}

function figureNote(f: Figure | undefined, e: BaseEntry<BaseRuleName>, unit: string): ((p: CouncilParams) => string) | undefined {
  if (f === undefined) return undefined;
  return (params) => {
    const n = figure(f, params);
    if (typeof f === 'number') return `${n} ${unit} is the figure in ${e.source.label}.`;
    const own = e.settingNote?.(f.setting, n);
    if (own !== undefined) return own;
    const said = e.settingWords(f.setting);
    return `${n} ${unit}: ${said ?? `the council’s setting ${f.setting}`}. It can be changed in the pack settings.`;
  };
}

/** A line under the message: the council's words for it when given (none when false), else the base's. */
function detail(e: BaseEntry<BaseRuleName>, name: string, base: string): { detail?: string } {
  const own = e.details?.[name];
  if (own === false) return {};
  return { detail: own ?? base };
}

const LATE: ReadonlySet<CountdownStatus> = new Set(['overdue', 'met-late']);
const UNSETTLED: ReadonlySet<CountdownStatus> = new Set(['unknown', 'missing']);

const REASON: FactPath = 'timescale.exceededReasonRecorded';

type Builder<N extends BaseRuleName> = (e: BaseEntry<N>) => Rule<CouncilParams>;

const BUILDERS: { [N in BaseRuleName]: Builder<N> } = {
  'assessment-timescale': (e): CountdownRule<CouncilParams> => {
    const span = e.figures.days ?? e.figures.workingDays;
    if (span === undefined) throw new Error('give the timescale as "workingDays" or "days"');
    const unit = e.figures.days !== undefined ? 'days' : 'working days';
    return {
      ...countdownHead(e, 'Assessment completed', 'plan', 'Complete the assessment by its due date.'),
      dueSoonWithin: (p) => (e.figures.dueSoonWorkingDays !== undefined ? figure(e.figures.dueSoonWorkingDays, p) : 5),
      figureNote: figureNote(span, e, unit),
      clock: ({ record, params, reads }) => {
        const start = clockStart(record, e.figures.from, reads);
        if ('status' in start) return start.status === 'missing' ? { ...start, ...detail(e, 'startBlank', start.detail ?? '') } : start;
        const n = figure(span, params);
        return { ...start, span: e.figures.days !== undefined ? { days: n } : { workingDays: n }, met: record.dates?.completed, metField: 'dates.completed' };
      },
    };
  },
  'review-point': (e): CountdownRule<CouncilParams> => ({
    ...countdownHead(e, 'Management review', 'manager', 'Hold the management review by the date shown and record it.'),
    dueSoonWithin: (p) => (e.figures.dueSoonWorkingDays !== undefined ? figure(e.figures.dueSoonWorkingDays, p) : 2),
    figureNote: figureNote(e.figures.workingDays, e, 'working days'),
    clock: ({ record, params, reads }) => {
      const start = clockStart(record, e.figures.from, reads);
      if ('status' in start) return start;
      const fact = e.figures.recordedIn;
      const key = fact.slice('dates.'.length) as keyof NonNullable<AssessmentRecord['dates']>;
      return { ...start, span: { workingDays: figure(e.figures.workingDays, params) }, met: record.dates?.[key], metField: fact };
    },
  }),
  'review-if-beyond': (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'plan', 'The assessment has gone on longer than the review point: record why, and the impact on the child and family.'),
    // Owed once the assessment runs past the point: not completed by then (today is later), or completed later.
    check: (ctx): Outcome => {
      const n = figure(e.figures.workingDays, ctx.params);
      const point = dayAfter(ctx, e.figures.from, n);
      if ('status' in point) {
        if (ctx.record.timescale?.exceededReasonRecorded === true) return { status: 'met', field: REASON };
        return { status: 'unknown', field: point.field, detail: `Cannot tell yet whether the assessment has gone past ${n} working days.` };
      }
      const completed = ctx.record.dates?.completed;
      if (completed === undefined) {
        if (ctx.today <= point.day) return { status: 'not-applicable' };
        if (ctx.record.timescale?.exceededReasonRecorded === true) return { status: 'met', field: REASON };
        return { status: 'unknown', field: 'dates.completed', detail: `Not read yet whether the assessment was completed within ${n} working days.` };
      }
      const beyond = completed === null ? ctx.today > point.day : completed > point.day;
      if (!beyond) return { status: 'not-applicable' };
      return { ...has(ctx.record.timescale?.exceededReasonRecorded, REASON), detail: `Past ${n} working days from ${point.start.startLabel}.` };
    },
  }),
  'timescale-exceeded-reason': (e): CheckRule<CouncilParams> => {
    const deadline = e.ruleId(e.figures.deadline);
    return {
      ...checkHead(e, 'plan', 'The assessment has gone past its timescale. Record the reasons.'),
      // Owed only when that deadline is missed, not when any other is.
      check: ({ record, countdowns }): Outcome => {
        const clock = countdowns.find((c) => c.ruleId === deadline);
        if (!clock) return { status: 'not-applicable' };
        if (LATE.has(clock.status)) return { ...has(record.timescale?.exceededReasonRecorded, REASON), ...detail(e, 'late', `Past due: ${clock.name ?? 'the assessment'}.`) };
        if (UNSETTLED.has(clock.status)) {
          if (record.timescale?.exceededReasonRecorded === true) return { status: 'met', field: REASON };
          return { status: 'unknown', field: clock.field ?? REASON, detail: `Cannot tell yet whether ${e.figures.deadlineWords ?? 'the timescale was'} exceeded.` };
        }
        return { status: 'not-applicable' };
      },
    };
  },
  'child-seen-within': (e): CountdownRule<CouncilParams> => ({
    ...countdownHead(e, 'Child seen', 'plan', 'See the child by the date shown and record the visit.'),
    appliesWhen: (ctx) => both(kindIn(ctx.record, e.figures.kinds), subjectIsBorn(ctx)),
    dueSoonWithin: () => 2,
    figureNote: figureNote(e.figures.workingDays, e, 'working days'),
    clock: (ctx): Clock => {
      const start = clockStart(ctx.record, e.figures.from, ctx.reads);
      if ('status' in start) return start;
      const child = subjectChild(ctx);
      if ('status' in child) return { status: child.status, field: 'children[].isSubject', detail: child.detail };
      const seen = child.seenDates === undefined ? undefined : child.seenDates === null ? null : ([...child.seenDates].map((v) => v.date).sort()[0] ?? null);
      return { ...start, span: { workingDays: figure(e.figures.workingDays, ctx.params) }, met: seen, metField: `children[${child.id}].seenDates`, subject: { kind: 'child', id: child.id } };
    },
  }),
  'child-seen-alone-within': (e): CountdownRule<CouncilParams> => {
    const days = e.figures.workingDays;
    if (days === undefined && e.figures.hours === undefined) throw new Error('give "workingDays" or "hours"');
    return {
      ...countdownHead(e, 'Child seen alone', 'plan', 'See the child alone by the date shown and record the visit as seen alone.'),
      appliesWhen: (ctx) => both(kindIn(ctx.record, e.figures.kinds), subjectIsBorn(ctx)),
      dueSoonWithin: (p) => (days === undefined ? 6 : e.figures.dueSoonWorkingDays !== undefined ? figure(e.figures.dueSoonWorkingDays, p) : 2),
      figureNote: figureNote(days, e, 'working days'),
      clock: (ctx): Clock => {
        const start = clockStart(ctx.record, e.figures.from, ctx.reads);
        if ('status' in start) return start;
        const child = subjectChild(ctx);
        if ('status' in child) return { status: child.status, field: 'children[].isSubject', detail: child.detail };
        const span = days === undefined ? { hours: 24 } : { workingDays: figure(days, ctx.params) };
        return { ...start, span, met: firstSeenAlone(child), metField: `children[${child.id}].seenDates`, subject: { kind: 'child', id: child.id } };
      },
    };
  },
  'manager-endorsement': (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'plan', 'Your manager endorses the assessment plan: record the date.'),
    check: ({ record }) => has(record.dates?.managerPlanEndorsed, 'dates.managerPlanEndorsed'),
  }),
  'plan-agreed': (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'plan', 'Agree the assessment plan with the family and record the date.'),
    check: ({ record }) => has(record.dates?.planAgreedWithFamily, 'dates.planAgreedWithFamily'),
  }),
  'child-views': (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'views', 'Record each child’s views, wishes and feelings, as their age and understanding allow.'),
    check: (ctx) => {
      const fromAge = figure(e.figures.fromAge, ctx.params);
      return eachChild(
        ctx,
        (child) => {
          const age = ageInYears(child, ctx.today);
          return both(isYes(child.includedInAssessment), age === undefined ? 'unknown' : age >= fromAge);
        },
        (child) => has(child.viewsRecorded, `children[${child.id}].viewsRecorded`),
      );
    },
  }),
  consent: (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'household', 'Record the family’s consent to the assessment and to sharing information, or why it is shared without consent.'),
    check: ({ record }): Outcome => {
      const c = record.consent;
      // Shared without consent: met when the reason is recorded; otherwise consent itself.
      if (c?.sharedWithoutConsent === true) return has(c.withoutConsentReasonRecorded, 'consent.withoutConsentReasonRecorded');
      return anyOf(has(c?.obtained, 'consent.obtained'), c?.sharedWithoutConsent === undefined ? { status: 'unknown', field: 'consent.sharedWithoutConsent' } : { status: 'missing', field: 'consent.obtained' });
    },
  }),
  'outcome-shared': (e): CheckRule<CouncilParams> => ({
    ...checkHead(e, 'outcomes', 'Share the outcome of the assessment with the family, in writing, and record the date.'),
    appliesWhen: ({ record }) =>
      e.figures.after === 'authorised' ? recorded(record.dates?.authorised) : either(recorded(record.dates?.completed), recorded(record.outcome?.decision)),
    check: ({ record }) => {
      const shared = allOf(has(record.outcome?.sharedWithFamilyInWriting, 'outcome.sharedWithFamilyInWriting'));
      // The one reason the procedure allows (e.g. sharing could put the child at risk) meets it instead.
      return e.acceptsReason ? anyOf(shared, has(record.outcome?.notSharedWithFamilyReason, 'outcome.notSharedWithFamilyReason')) : shared;
    },
  }),
};

/** The rule a base name makes for one pack entry. */
export function buildBaseRule<N extends BaseRuleName>(name: N, entry: BaseEntry<N>): Rule<CouncilParams> {
  const rule = (BUILDERS[name] as Builder<N>)(entry);
  if (rule.kind === 'check') return entry.acceptsReason ? { ...rule, acceptsReason: entry.acceptsReason } : rule;
  if (rule.kind !== 'countdown') return rule;
  const { figureNote: _note, ...withoutNote } = rule;
  const shown = entry.showFigureNote === false ? withoutNote : rule;
  return entry.excusedBy ? { ...shown, excusedBy: entry.excusedBy } : shown;
}

// The council pack format (docs/council-packs.md): one council's procedure as JSON, over the
// shared England base (base.ts). It says which base rules apply, with their weight, figures,
// section and the council's own words; which are switched off and why; the practice prompts
// per part of the form; and the settings a council may change. Checked here with zod.
import { z } from 'zod';
import { AssessmentKindSchema, FormSectionSchema } from '../../model';

export const COUNCIL_PACK_FORMAT = 'assessment-companion/council-pack/v1' as const;

/** The names of the shared England base's rules, in the order docs/council-packs.md lists them. */
export const BASE_RULE_NAMES = [
  'assessment-timescale',
  'review-point',
  'review-if-beyond',
  'timescale-exceeded-reason',
  'child-seen-within',
  'child-seen-alone-within',
  'manager-endorsement',
  'plan-agreed',
  'child-views',
  'consent',
  'outcome-shared',
] as const;
export type BaseRuleName = (typeof BASE_RULE_NAMES)[number];

export const MAX_QUOTE_WORDS = 25;

export function wordsIn(text: string): number {
  return text.replace(/…/g, ' ').split(/\s+/).filter(Boolean).length;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const SETTING_NAME = /^[a-z][A-Za-z0-9]*$/;

/** A figure: a number written in the pack, or the name of one of its settings (which a council may change). */
export const FigureSchema = z.union([
  z.number().int('expected a whole number').min(0, 'expected 0 or more').max(366, 'expected at most 366'),
  z.strictObject({ setting: z.string().regex(SETTING_NAME, 'expected a setting name such as assessmentWorkingDays') }),
]);
export type Figure = z.infer<typeof FigureSchema>;

/** The event a clock runs from. */
export const StartEventSchema = z.enum(['referral', 'decision-or-referral', 'section-47-or-strategy']);
export type StartEvent = z.infer<typeof StartEventSchema>;

/** Date facts a review may be recorded in (see docs/council-packs.md). */
export const REVIEW_DATE_FACTS = ['dates.managerPlanEndorsed', 'dates.submittedToManager', 'dates.planAgreedWithFamily', 'dates.authorised'] as const;

/** Reasons a deadline can be excused by (docs/council-packs.md). */
export const REASON_FACTS = ['timescale.exceededReasonRecorded'] as const;

/** Where the rule comes from: a section and at most 25 words of the council's own text, or why the text is not to hand. */
export const CouncilSourceSchema = z
  .strictObject({
    /** The document, when it is not the council's procedure (e.g. "Working Together 2023"). */
    document: z.string().min(1).max(80).optional(),
    section: z.string().min(1, 'expected a section, e.g. "2.3" or "Timescales"').max(60),
    quote: z
      .string()
      .min(3)
      .refine((q) => wordsIn(q) <= MAX_QUOTE_WORDS, `quote at most ${MAX_QUOTE_WORDS} words of the council’s own text`)
      .optional(),
    /** Said instead of a quote when the council's text is not to hand: what is not held, in a sentence. */
    textNotHeld: z.string().min(10).max(300).optional(),
    /** How the citation reads in the panel, when not "<council> <section>" (e.g. "Derby 2.3 and 2.10"). */
    label: z.string().min(3).max(80).optional(),
  })
  .refine((s) => s.quote !== undefined || s.textNotHeld !== undefined, 'give a "quote" of the council’s words, or "textNotHeld" saying why there is none');
export type CouncilSource = z.infer<typeof CouncilSourceSchema>;

const MessageSchema = z
  .string()
  .min(10, 'expected a message of at least 10 characters')
  .max(240, 'too long: at most 240 characters')
  .refine((m) => !/\b(item|data|info)\b/i.test(m), 'use the procedure’s own words, not generic ones (item, data, info)');

/**
 * The lines a base rule may say under its message, by name, that a council may word itself
 * (`false`: say nothing there). docs/council-packs.md lists them.
 */
export const DETAIL_NAMES: Partial<Record<BaseRuleName, readonly string[]>> = {
  'assessment-timescale': ['startBlank'],
  'timescale-exceeded-reason': ['late'],
};

/** Checks only: the recorded reason a base rule may accept in place of its step, where the procedure allows it. */
export const ACCEPTED_REASONS: Partial<Record<BaseRuleName, readonly string[]>> = {
  'outcome-shared': ['outcome.notSharedWithFamilyReason'],
};

const DetailSchema = z.union([
  z.string().min(10, 'expected a sentence of at least 10 characters').max(240, 'too long: at most 240 characters'),
  z.literal(false),
]);

export const RuleEntrySchema = z.strictObject({
  /** The rule's own name in this pack (kebab-case); its id is `<pack id>/<name>`. Never change it once used. */
  id: z.string().regex(NAME, 'expected a kebab-case name such as assessment-30-days'),
  /** Which rule of the shared England base. */
  use: z.enum(BASE_RULE_NAMES),
  /** required blocks sign-off; expected (good practice) and prompt (a Practice Trigger's date) never do. */
  severity: z.enum(['required', 'expected', 'prompt']),
  /** The figures the base rule takes (docs/council-packs.md lists them for each). */
  figures: z.record(z.string(), z.unknown()).default({}),
  source: CouncilSourceSchema,
  /** What to do, in the council's words; the base rule's own wording when left out. */
  message: MessageSchema.optional(),
  /**
   * Checks only: the recorded reason that meets the duty in place of its step (ACCEPTED_REASONS),
   * and where the procedure allows it. Without it no reason meets the duty.
   */
  acceptsReason: z
    .strictObject({
      fact: z.string().min(3),
      allowedBy: z.string().min(10, 'say where the procedure allows it, in a sentence').max(200),
    })
    .optional(),
  /** What the base rule says under the message in a given case, in the council's words (DETAIL_NAMES). */
  details: z.record(z.string(), DetailSchema).optional(),
  /** A short name for a deadline, e.g. "Assessment completed". */
  name: z.string().min(3).max(60).optional(),
  /** Where on the form it belongs, when not the base rule's usual part. */
  section: FormSectionSchema.optional(),
  /** Deadlines only: false leaves out the note on where the figure comes from ("How this date is worked out"). Shown when left out. */
  showFigureNote: z.boolean().optional(),
  /**
   * Deadlines only: the recorded reason that excuses this deadline when it is missed, and where
   * the procedure allows it. Without it no reason excuses the deadline; a reason never excuses another.
   */
  excusedBy: z
    .strictObject({
      fact: z.enum(REASON_FACTS),
      allowedBy: z.string().min(10, 'say where the procedure allows it, in a sentence').max(200),
    })
    .optional(),
});
export type RuleEntry = z.infer<typeof RuleEntrySchema>;

export const SwitchedOffSchema = z.strictObject({
  use: z.enum(BASE_RULE_NAMES),
  reason: z.string().min(10, 'say why, in a sentence').max(300),
});

export const PromptEntrySchema = z.strictObject({
  id: z.string().regex(NAME, 'expected a kebab-case name such as prompt-smart-plan'),
  section: FormSectionSchema,
  message: MessageSchema,
  source: CouncilSourceSchema,
  /** Shown only for these kinds of assessment. */
  kinds: z.array(AssessmentKindSchema).min(1).optional(),
});

export const SettingSchema = z.strictObject({
  default: z.number().int().min(0).max(366),
  min: z.number().int().min(0).max(366),
  max: z.number().int().min(0).max(366),
  /** What the figure is and where it comes from, shown under "How this date is worked out". */
  says: z.string().min(10).max(240),
  /**
   * The council's own note under a deadline using this figure, instead of the one made from `says`:
   * one while the figure is as written (the default), one once a council has changed it ("{n}" is the figure).
   */
  figureNote: z
    .strictObject({
      asWritten: z.string().min(10).max(240),
      changed: z.string().min(10).max(240).refine((t) => t.includes('{n}'), 'say the figure a council has set with "{n}"'),
    })
    .optional(),
});

export const CouncilPackSchema = z.strictObject({
  format: z.literal(COUNCIL_PACK_FORMAT),
  /** Lower-case letters only, e.g. "wirral": rule ids start with it. */
  id: z.string().regex(/^[a-z]{2,30}$/, 'expected lower-case letters only, e.g. "wirral"'),
  /** The council's name, as users see it. */
  name: z.string().min(2).max(80),
  /** This pack's own version: change it with every edit. */
  version: z.string().min(1).max(40),
  procedure: z.strictObject({
    title: z.string().min(3).max(160),
    version: z.string().min(1).max(60),
    address: z.url({ protocol: /^https$/, error: 'expected an https:// address' }).optional(),
  }),
  /** What of the council's text is not to hand, in sentences: said in the pack and in the coverage table. */
  notHeld: z.array(z.string().min(10).max(400)).default([]),
  /** The settings a council may change, by name, with their defaults and bounds. */
  settings: z.record(z.string().regex(SETTING_NAME, 'expected a setting name such as assessmentWorkingDays'), SettingSchema).default({}),
  rules: z.array(RuleEntrySchema).min(1, 'expected at least one rule'),
  off: z.array(SwitchedOffSchema).default([]),
  prompts: z.array(PromptEntrySchema).default([]),
  /** The national layer (Working Together 2023, the census) sits under every pack unless this is false. */
  national: z.boolean().default(true),
});
export type CouncilPackDoc = z.infer<typeof CouncilPackSchema>;

// ---- Figures of each base rule ---------------------------------------------------------

const TimeSpan = {
  workingDays: FigureSchema.optional(),
  days: FigureSchema.optional(),
};

export const FIGURE_SCHEMAS = {
  'assessment-timescale': z.strictObject({ ...TimeSpan, from: StartEventSchema.default('decision-or-referral'), dueSoonWorkingDays: FigureSchema.optional() }),
  'review-point': z.strictObject({
    workingDays: FigureSchema,
    from: StartEventSchema.default('decision-or-referral'),
    recordedIn: z.enum(REVIEW_DATE_FACTS),
    dueSoonWorkingDays: FigureSchema.optional(),
  }),
  'review-if-beyond': z.strictObject({ workingDays: FigureSchema, from: StartEventSchema.default('decision-or-referral') }),
  'timescale-exceeded-reason': z.strictObject({
    deadline: z.string().regex(NAME, 'expected the name of a deadline in this pack'),
    /** What "Cannot tell yet whether … exceeded." calls the deadline, e.g. "the 45 working days were"; "the timescale was" when left out. */
    deadlineWords: z.string().min(3).max(60).optional(),
  }),
  'child-seen-within': z.strictObject({ workingDays: FigureSchema, from: StartEventSchema.default('decision-or-referral'), kinds: z.array(AssessmentKindSchema).min(1).optional() }),
  'child-seen-alone-within': z.strictObject({
    workingDays: FigureSchema.optional(),
    hours: z.literal(24, 'only 24 hours is supported for an hour clock').optional(),
    from: StartEventSchema.default('decision-or-referral'),
    kinds: z.array(AssessmentKindSchema).min(1).optional(),
    /** Working days left at which a working-day clock shows "due soon" (2 when left out). */
    dueSoonWorkingDays: FigureSchema.optional(),
  }),
  'manager-endorsement': z.strictObject({}),
  'plan-agreed': z.strictObject({}),
  'child-views': z.strictObject({ fromAge: FigureSchema }),
  consent: z.strictObject({}),
  /** Owed once the assessment is completed or its outcome decided; or, with "authorised", once the manager has authorised it. */
  'outcome-shared': z.strictObject({ after: z.enum(['completed-or-decided', 'authorised']).default('completed-or-decided') }),
} satisfies Record<BaseRuleName, z.ZodType>;

export type Figures<N extends BaseRuleName> = z.infer<(typeof FIGURE_SCHEMAS)[N]>;

/** The kind of rule each base rule makes, and the weights it may carry. */
export const BASE_KINDS: Record<BaseRuleName, 'check' | 'countdown'> = {
  'assessment-timescale': 'countdown',
  'review-point': 'countdown',
  'review-if-beyond': 'check',
  'timescale-exceeded-reason': 'check',
  'child-seen-within': 'countdown',
  'child-seen-alone-within': 'countdown',
  'manager-endorsement': 'check',
  'plan-agreed': 'check',
  'child-views': 'check',
  consent: 'check',
  'outcome-shared': 'check',
};

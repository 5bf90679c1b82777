/**
 * The one way to evaluate a stored assessment: the pack, its council parameters and the
 * working-day calendar from the settings in force, each step placed in the part of this
 * council's form where its field is, and the assessment's acknowledgements laid over it.
 * The background (badges, nudges), the panel and the caseload all call this.
 */
import { evaluate, getPack, resolveParams, type AnyPack } from '../rules';
import { councilPackFrom } from '../rules/council/load';
import type { CountdownResult, Evaluation, Finding } from '../rules/types';
import type { WorkingDayCalendar } from '../calendar';
import type { AssessmentRecord } from '../model';
import type { FormSection } from '../model/section-names';
import type { Settings } from '../settings';
import { sectionOfFact } from '../adapters/fact-sections';
import { applyAcknowledgements, caseSystemAcknowledgements, mergeAcknowledgements, type Acknowledgement, type CheckedEvaluation } from '../acknowledgements';
import { recordKey } from '../store/records';

export interface CheckSetup {
  pack: AnyPack;
  calendar: WorkingDayCalendar;
  params?: Record<string, unknown>;
  /** Generic fact path → the section this council's map finds it in (see factSections). */
  sections?: ReadonlyMap<string, FormSection>;
  /** Which facts this council's map can read: rules needing others are "not checked with this case system". */
  reads?: (genericPath: string) => boolean;
}

/**
 * The pack the settings choose: the council's own pack when `packId` is its id (it wins over a
 * shipped pack of the same id, so a council can try a changed copy), else a shipped pack.
 */
export function packFor(settings: Pick<Settings, 'packId' | 'councilPack'>): AnyPack | undefined {
  const own = settings.councilPack !== undefined ? councilPackFrom(settings.councilPack) : undefined;
  if (own && own.id === settings.packId) return own as unknown as AnyPack;
  return getPack(settings.packId);
}

/** Null when the settings name no known pack. */
export function checkSetup(
  settings: Pick<Settings, 'packId' | 'packParams' | 'councilPack'>,
  calendar: WorkingDayCalendar,
  sections?: ReadonlyMap<string, FormSection>,
  reads?: (genericPath: string) => boolean,
): CheckSetup | null {
  const pack = packFor(settings);
  if (!pack) return null;
  const params = resolveParams(pack, settings.packParams);
  return { pack, calendar, ...(params.ok ? { params: params.params } : {}), ...(sections ? { sections } : {}), ...(reads ? { reads } : {}) };
}

export function runChecks(setup: CheckSetup, record: AssessmentRecord, now: Date | number, acks: readonly Acknowledgement[] = []): CheckedEvaluation {
  const result = evaluate(record, setup.pack, new Date(now), {
    calendar: setup.calendar,
    ...(setup.params !== undefined ? { params: setup.params } : {}),
    ...(setup.reads ? { reads: setup.reads } : {}),
  });
  const sections = setup.sections;
  const placed = !sections
    ? result
    : (() => {
        const place = <T extends Finding | CountdownResult>(f: T): T => {
          const where = f.field ? sectionOfFact(sections, f.field) : undefined;
          // The procedure's own order still comes from the rule's section (what is due now, what later).
          return where && where !== f.section ? { ...f, section: where, ruleSection: f.section } : f;
        };
        return {
          ...result,
          findings: result.findings.map(place),
          countdowns: result.countdowns.map(place),
          ready: { ...result.ready, blocking: result.ready.blocking.map(place), expected: result.ready.expected.map(place) },
        };
      })();
  // Exceptions recorded in the case system (the shared record) are laid over this computer's notes.
  const read = record.exceptions
    ? caseSystemAcknowledgements(recordKey(record.caseSystem, record.assessmentId), [...placed.ready.blocking, ...placed.findings, ...placed.countdowns], record.exceptions, placed.today)
    : [];
  return applyAcknowledgements(placed, read.length > 0 ? mergeAcknowledgements(acks, read) : acks);
}

/**
 * Steps and deadlines that wait only for facts this council's case system never records:
 * "not checked with this case system". They never block; the manager checks them in the
 * case record. The one count of them: the panel, the printed summary, inspect mode and
 * `npm run extract -- --pack` all call this.
 */
export function notCheckedHereItems(evaluation: Evaluation): Array<Finding | CountdownResult> {
  return [...evaluation.countdowns, ...evaluation.findings].filter((f) => f.notCheckedHere === true && f.severity !== 'prompt');
}

/** "3 things this case system does not record: check them yourself" (the verdict names them). */
export function notRecordedWords(count: number): string {
  return `${count} ${count === 1 ? 'thing' : 'things'} this case system does not record: check ${count === 1 ? 'it' : 'them'} yourself`;
}

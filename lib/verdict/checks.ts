/**
 * The one way to evaluate a stored assessment: the pack, its council parameters and the
 * working-day calendar from the settings in force, each step placed in the part of this
 * council's form where its field is, and the assessment's acknowledgements laid over it.
 * The background (badges, nudges), the panel and the caseload all call this.
 */
import { evaluate, getPack, resolveParams, type AnyPack } from '../rules';
import { councilPackFrom } from '../rules/council/load';
import type { CountdownResult, Finding } from '../rules/types';
import type { WorkingDayCalendar } from '../calendar';
import type { AssessmentRecord } from '../model';
import type { FormSection } from '../model/section-names';
import type { Settings } from '../settings';
import { sectionOfFact } from '../adapters/fact-sections';
import { applyAcknowledgements, type Acknowledgement, type CheckedEvaluation } from '../acknowledgements';

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
        const place = <T extends Finding | CountdownResult>(f: T): T => (f.field ? { ...f, section: sectionOfFact(sections, f.field) ?? f.section } : f);
        return {
          ...result,
          findings: result.findings.map(place),
          countdowns: result.countdowns.map(place),
          ready: { ...result.ready, blocking: result.ready.blocking.map(place), expected: result.ready.expected.map(place) },
        };
      })();
  return applyAcknowledgements(placed, acks);
}

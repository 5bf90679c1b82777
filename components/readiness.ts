// Words for readiness and blocking items, shared by the manager view and the printed summary.
import type { CountdownResult, Finding } from '../lib/rules/types';
import { awaitingAcceptance, type CheckedEvaluation } from '../lib/acknowledgements';
import { countdownStateWords } from './format';
import { partsList, progressTitle, type ManagerStage } from '../lib/verdict/first-screen';
import type { FormSection } from '../lib/model/section-names';
import { plural } from '../lib/model/words';
import { notCheckedHereItems, notRecordedWords } from '../lib/verdict/checks';

export type BlockingItem = Finding | CountdownResult;

/**
 * "Ready for sign-off", "Ready, with 2 accepted exceptions", "Ready, with 3 things this case
 * system does not record: check them yourself" (both, joined by "and") or "Not ready".
 */
export function readinessTitle(evaluation: CheckedEvaluation): string {
  if (!evaluation.ready.ready) return 'Not ready';
  const accepted = evaluation.ready.accepted?.length ?? 0;
  const unrecorded = notCheckedHereItems(evaluation).length;
  const withs = [accepted ? plural(accepted, 'accepted exception', 'accepted exceptions') : '', unrecorded ? notRecordedWords(unrecorded) : ''].filter(Boolean);
  return withs.length === 0 ? 'Ready for sign-off' : `Ready, with ${withs.join(' and ')}`;
}

/** e.g. "3 steps block sign-off: 2 missing, 1 not read yet." */
export function blockingSummary(evaluation: CheckedEvaluation): string {
  const blocking = evaluation.ready.blocking;
  const accepted = evaluation.ready.accepted?.length ?? 0;
  if (blocking.length === 0) {
    return accepted === 0
      ? 'Nothing required is missing or not read yet, and no deadline has passed without a reason.'
      : `Nothing else blocks sign-off. ${plural(accepted, 'exception has', 'exceptions have')} been accepted: see below for by whom.`;
  }
  const awaiting = awaitingAcceptance(evaluation).length;
  const counts = { missing: 0, notRead: 0, deadline: 0, failed: 0 };
  for (const b of blocking) {
    if (b.error) counts.failed += 1;
    else if (b.kind === 'countdown') counts.deadline += 1;
    else if (b.status === 'unknown') counts.notRead += 1;
    else counts.missing += 1;
  }
  const parts = [
    counts.missing ? `${counts.missing} missing` : '',
    counts.notRead ? `${counts.notRead} not read yet` : '',
    counts.deadline ? plural(counts.deadline, 'deadline passed without a reason', 'deadlines passed without a reason') : '',
    counts.failed ? `${counts.failed} could not be checked` : '',
  ].filter(Boolean);
  const waiting = awaiting ? ` ${awaiting} of them ${awaiting === 1 ? 'is' : 'are'} acknowledged, waiting for a manager to accept.` : '';
  const unrecorded = notCheckedHereItems(evaluation).length;
  const besides = unrecorded ? ` Besides, ${notRecordedWords(unrecorded)}.` : '';
  return `${plural(blocking.length, 'step blocks', 'steps block')} sign-off: ${parts.join(', ')}.${waiting}${besides}`;
}

/** What is wrong with one blocking or expected item, in words. */
export function itemStateWords(item: BlockingItem): string {
  if (item.error) return 'Could not check this rule';
  // Only a clock with its own reason (the assessment's timescale) can be excused by one.
  if (item.kind === 'countdown') return item.excusedBy ? `${countdownStateWords(item.status)}: no reason recorded for going over the timescale` : countdownStateWords(item.status);
  if (item.status === 'unknown') return item.conditionUnknown ? 'Not read yet whether this applies' : 'Not read yet';
  return 'Missing';
}

/** "Open Assessment plan and Outcomes in the case system first, so the Companion can read them." */
export function partsToOpenText(open: readonly FormSection[]): string {
  return `Open ${partsList(open)} in the case system first, so the Companion can read ${open.length === 1 ? 'it' : 'them'}.`;
}

/** The manager's first line in words: progress, "can't judge yet", or the verdict, with its summary. */
export function stageWords(evaluation: CheckedEvaluation, stage: ManagerStage | undefined): { title: string; summary: string } {
  if (stage?.kind === 'in-progress') {
    return { title: progressTitle(stage), summary: 'The worker has not sent this assessment to the manager yet. Readiness for sign-off is judged once they have.' };
  }
  if (stage?.kind === 'cannot-judge') return { title: 'Can’t judge yet', summary: partsToOpenText(stage.open) };
  return { title: readinessTitle(evaluation), summary: blockingSummary(evaluation) };
}

// Words for readiness and blocking items, shared by the manager view and the printed summary.
import type { CountdownResult, Evaluation, Finding } from '../lib/rules/types';
import { countdownStateWords } from './format';

export type BlockingItem = Finding | CountdownResult;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Ready for sign-off" or "Not ready". */
export function readinessTitle(evaluation: Evaluation): string {
  return evaluation.ready.ready ? 'Ready for sign-off' : 'Not ready';
}

/** e.g. "3 steps block sign-off: 2 missing, 1 not read yet." */
export function blockingSummary(evaluation: Evaluation): string {
  const blocking = evaluation.ready.blocking;
  if (blocking.length === 0) return 'Nothing required is missing or not read yet, and no deadline has passed without a reason.';
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
  return `${plural(blocking.length, 'step blocks', 'steps block')} sign-off: ${parts.join(', ')}.`;
}

/** What is wrong with one blocking or expected item, in words. */
export function itemStateWords(item: BlockingItem): string {
  if (item.error) return 'Could not check this rule';
  if (item.kind === 'countdown') return `${countdownStateWords(item.status)}: no reason recorded for going over the timescale`;
  if (item.status === 'unknown') return 'Not read yet';
  return 'Missing';
}

// Acknowledgements laid over an evaluation: pure, so the panel, the caseload and tests agree.
import type { CountdownResult, Evaluation, Finding, Readiness } from '../rules/types';
import type { Acknowledgement } from './schema';

export type Item = Finding | CountdownResult;

/** The item an acknowledgement is about: the rule, and the child or adult it concerns. */
export function itemRef(item: { ruleId: string; subject?: { kind: string; id: string } }): string {
  return `${item.ruleId}|${item.subject ? `${item.subject.kind}:${item.subject.id}` : '-'}`;
}

export function acknowledgementKey(recordKey: string, item: { ruleId: string; subject?: { kind: string; id: string } }): string {
  return `${recordKey}|${itemRef(item)}`;
}

export interface CheckedReadiness extends Readiness {
  /** Blocking items a manager has accepted as exceptions: no longer block. */
  accepted?: Item[];
}

/** An evaluation with the assessment's acknowledgements: a plain Evaluation is one with none. */
export interface CheckedEvaluation extends Evaluation {
  ready: CheckedReadiness;
  /** By item ref. */
  acknowledgements?: Readonly<Record<string, Acknowledgement>>;
}

export function acknowledgementOf(evaluation: CheckedEvaluation, item: Item): Acknowledgement | undefined {
  return evaluation.acknowledgements?.[itemRef(item)];
}

/**
 * Marks what has been acknowledged and works readiness out again: an acknowledged blocking
 * item still blocks until a manager accepts it. Acknowledgements for items no longer found
 * are kept (an undo brings nothing back) but do not count.
 */
export function applyAcknowledgements(evaluation: Evaluation, acks: readonly Acknowledgement[]): CheckedEvaluation {
  const byItem: Record<string, Acknowledgement> = {};
  for (const a of acks) byItem[a.item] = a;
  const blocking: Item[] = [];
  const accepted: Item[] = [];
  for (const item of evaluation.ready.blocking) {
    if (byItem[itemRef(item)]?.acceptedOn) accepted.push(item);
    else blocking.push(item);
  }
  return {
    ...evaluation,
    acknowledgements: byItem,
    ready: { ...evaluation.ready, ready: blocking.length === 0, blocking, accepted },
  };
}

/** Acknowledged items still waiting for a manager. */
export function awaitingAcceptance(evaluation: CheckedEvaluation): Item[] {
  return evaluation.ready.blocking.filter((item) => acknowledgementOf(evaluation, item) !== undefined);
}

/**
 * What a read sends: what changed since this page's last read of the same view (all of it
 * the first time), cut to the limits, in parts. A part that was not delivered makes the
 * next read send the whole page again.
 */
import type { ExtractResult, ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import type { PageView } from '../../adapters/page-view';
import { READ_LIMITS } from '../../messages/limits';
import { cutToLimits, inParts, type FactDiff, type ReadTimes } from '../fact-diff';
import type { Send } from './connection';
import type { LastSent } from './last-sent';

export interface FactsSender {
  topFrame: boolean;
  /** The most facts one message carries. */
  partFacts: number;
  readTimes: ReadTimes<ExtractResult['provenance'][string]>;
  sent: LastSent;
  send: Send;
}

type Diff = FactDiff<ExtractResult['facts'][number]>;

/**
 * Sends a read's facts in parts (`personId`: the subject's, when the result has none; it
 * may sit in a frame). Pauses after each part but the last, so the caller can hand the
 * thread back between them; returns how many parts it sent.
 */
export function factsSender({ topFrame, partFacts, readTimes, sent, send }: FactsSender) {
  return function* (map: FieldMap, result: ExtractResult, view: PageView, readKey: string, diff: Diff, progress: ReadSoFar['progress'] | undefined, personIdHere: () => string | undefined): Generator<void, number> {
    const personId = result.personId ?? personIdHere();
    if (!diff.complete && diff.changed.length === 0 && diff.gone.length === 0) return 0;
    sent.key = readKey;
    sent.facts = diff.next;
    const sized = cutToLimits(diff.changed, result.notFound);
    const parts = inParts(sized.facts, diff.complete, partFacts);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as (typeof parts)[number];
      send({
        type: 'facts',
        caseSystem: map.caseSystem,
        mapId: map.id,
        assessmentId: result.assessmentId,
        ...(personId ? { personId } : {}),
        ...(result.section ? { section: result.section } : {}),
        ...(result.sections.length > 1 ? { sections: result.sections } : {}),
        pagePath: view.pagePath,
        view: view.view,
        topFrame,
        facts: part.facts,
        provenance: readTimes.stamp(result.provenance, part.facts),
        notFound: sized.notFound,
        complete: part.complete,
        ...(part.shown ? { shown: part.shown } : {}),
        ...(part.more && progress ? { reading: { people: { ...progress.people }, fields: { ...progress.fields } } } : {}),
        // What is gone and what was cut go with the first part; the parts after it only add.
        ...(i === 0 && diff.gone.length > 0 ? { gone: diff.gone.slice(0, READ_LIMITS.gone) } : {}),
        ...(i === 0 && sized.cut ? { cut: sized.cut } : {}),
      }, () => {
        // Not delivered (the background was restarting): the next read sends the whole page again.
        if (sent.key === readKey) sent.forget();
      });
      if (part.more) yield;
    }
    return parts.length;
  };
}

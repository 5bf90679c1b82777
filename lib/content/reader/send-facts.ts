/**
 * What a read sends: what changed since this page's last read of the same view (all of it
 * the first time), cut to the limits, in parts; and, during a page's first read, how far
 * it has got. A part that was not delivered makes the next read send the whole page again.
 */
import type { ExtractResult, ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { pageView, type PageView } from '../../adapters/page-view';
import { READ_LIMITS } from '../../messages/limits';
import { cutToLimits, inParts, type FactDiff, type LastRead, type ReadTimes } from '../fact-diff';

type Send = (message: unknown, onFailed?: () => void) => void;

/** What the page's last message said: a view's facts (`key`, `facts`), 'page' or the work tray's list. */
export class LastSent {
  key = '';
  facts: LastRead | undefined;
  forget(): void {
    this.key = '';
    this.facts = undefined;
  }
}

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

/** A page's first read, when it takes several slices, tells the panel how far it has got this often at most. */
export const PROGRESS_EVERY_MS = 250;

/** Tells the panel how far a read has got, at most every PROGRESS_EVERY_MS. */
export function progressTeller(map: () => FieldMap | undefined, url: () => string, clock: () => number, send: Send): (soFar: ReadSoFar) => void {
  let progressAt = -Infinity;
  return ({ identity, progress }) => {
    const active = map();
    // Nothing to count yet (the page is still being identified): nothing to say.
    if (!identity || !active || progress.people.total + progress.fields.total === 0) return;
    const at = clock();
    if (at - progressAt < PROGRESS_EVERY_MS) return;
    progressAt = at;
    send({
      type: 'reading',
      caseSystem: identity.caseSystem,
      assessmentId: identity.assessmentId,
      ...(identity.section ? { section: identity.section } : {}),
      ...(identity.sections.length > 1 ? { sections: identity.sections } : {}),
      pagePath: pageView(active, url(), identity.sections).pagePath,
      people: { ...progress.people },
      fields: { ...progress.fields },
    });
  };
}

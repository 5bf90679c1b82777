/**
 * How far a page's first read has got, told to the panel while it takes several slices,
 * at most every PROGRESS_EVERY_MS, and only once the page is known.
 */
import type { ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { pageView } from '../../adapters/page-view';
import type { Send } from './connection';

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

/**
 * What a read of an assessment page sends: what changed since this view's last read,
 * compared in steps (a huge page has tens of thousands of facts), then sent in parts, each
 * in a slice of its own (the browser copies a message in one task). What one view of the
 * assessment shows (lib/adapters/page-view.ts): a read of another view starts afresh.
 */
import { identifyPage, type ExtractResult, type ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { pageView } from '../../adapters/page-view';
import { diffFactsInSteps } from '../fact-diff';
import { inSlices } from './in-slices';
import type { LastSent } from './last-sent';
import type { factsSender } from './send-facts';
import type { Slices } from './slices';

export interface ReadSenderDeps {
  doc: Document;
  win: Window;
  sent: LastSent;
  sendFacts: ReturnType<typeof factsSender>;
}

/** Resolves false once the reader has stopped; counts the messages in the slice's stats. */
export function readSender({ doc, win, sent, sendFacts }: ReadSenderDeps) {
  return async (slice: Slices, map: FieldMap, result: ExtractResult, url: string, progress: ReadSoFar['progress'] | undefined): Promise<boolean> => {
    const view = pageView(map, url, result.sections);
    const readKey = `facts:${result.assessmentId}:${view.view}`;
    const diffing = diffFactsInSteps(sent.key === readKey ? sent.facts : undefined, result.facts);
    const compared = await inSlices(diffing, slice, diffing.next());
    if (!compared) return false;
    // The subject's person id, when the result has none: it may sit in a frame.
    const personId = (): string | undefined => (win.length > 0 && map.page.personId ? identifyPage(doc, win.location.href, map)?.personId : undefined);
    const sending = sendFacts(map, result, view, readKey, compared.value, progress, personId);
    const parts = await inSlices(sending, slice, sending.next(), { each: true });
    if (!parts) return false;
    slice.stats.messages += parts.value;
    return true;
  };
}

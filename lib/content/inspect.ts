/**
 * Inspect mode and Pick a field, in the page's top frame: answers the panel (never the
 * page) with what each map entry finds here (reader/inspect-answer.ts), and takes the next
 * click on the page as the field to propose an entry for (reader/pick-field.ts,
 * reader/pick-proposal.ts). Nothing is stored or sent anywhere but back to the panel that
 * asked. Kept small, like the reader: no zod (the panel checks the replies).
 */
import type { ExtractResult } from '../adapters/extractor';
import type { FieldMap } from '../adapters/field-map-schema';
import type { Listener } from './reader/deps';
import { inspectAnswer } from './reader/inspect-answer';
import { CANCELLED, picker } from './reader/pick-field';
import { proposal } from './reader/pick-proposal';

export interface InspectDeps {
  document: Document;
  window: Window;
  runtimeId(): string | undefined;
  /** The map in force; undefined until the background has stored one. */
  map(): FieldMap | undefined;
  /**
   * The reader's read of this page with the map in force, once the read a change asked for
   * has run (undefined: none yet, read here). Inspect mode asks again after each change: a
   * page of thousands of people read whole in one task held the page for half a second.
   */
  lastRead?(): Promise<ExtractResult | null | undefined>;
  /** The frames the reader reads with the page (srcdoc): a click there is picked too. */
  frameDocuments(): Document[];
}

export function inspectResponder(deps: InspectDeps): { listener: Listener; stop(): void } {
  const { document: doc, window: win } = deps;
  const answer = inspectAnswer(doc, win, deps.map, deps.lastRead);
  const pick = picker(win, deps.frameDocuments, (el) => proposal(doc, win, deps.map(), el));
  const listener: Listener = (message, sender, sendResponse) => {
    if (sender.id !== deps.runtimeId() || win.top !== win) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type } = message as { type?: unknown };
    if (type === 'inspect') return answer(sendResponse) || undefined;
    if (type === 'pick-field') {
      pick.start(sendResponse);
      return true;
    }
    if (type === 'pick-cancel') {
      pick.cancel();
      sendResponse(CANCELLED);
    }
    return undefined;
  };
  return { listener, stop: pick.cancel };
}

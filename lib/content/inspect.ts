/**
 * Inspect mode and Pick a field, in the page's top frame: answers the panel (never the
 * page) with what each map entry finds here, and takes the next click on the page as the
 * field to propose an entry for. The click is kept from the page (it neither follows a
 * link nor focuses a field); Escape stops. Nothing is stored or sent anywhere but back to
 * the panel that asked. Kept small, like the reader: no zod (the panel checks the replies).
 */
import { extract, identifyPage, type ExtractResult } from '../adapters/extractor';
import type { FieldMap, FrameSpec } from '../adapters/field-map-schema';
import { attr, defaultView, frameDocument, frameElements, ownerDocument } from '../adapters/dom';
import { inspectRead } from '../adapters/inspect';
import { proposeEntry } from '../adapters/propose-entry';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;

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

// Kept from the page while picking: a press would focus the field, follow a link or open a select.
const SWALLOWED = ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'auxclick', 'dblclick'] as const;

export function inspectResponder(deps: InspectDeps): { listener: Listener; stop(): void } {
  const { document: doc, window: win } = deps;
  let pending: ((reply: unknown) => void) | undefined;
  let armed: Window[] = [];

  const swallow = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onClick = (event: Event): void => {
    swallow(event);
    if (!event.isTrusted) return;
    const target = event.composedPath()[0];
    const picked = target && (target as Node).nodeType === 1 ? (target as Element) : null;
    finish(picked ? propose(picked) : { picked: false, reason: 'nothing-names-it' });
  };

  const onKey = (event: Event): void => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    swallow(event);
    finish({ picked: false, reason: 'cancelled' });
  };

  function propose(el: Element): unknown {
    const map = deps.map();
    const url = win.location.href;
    const ids = map ? (identifyPage(doc, url, map, { frames: 'inline' })?.sections ?? []) : [];
    const sections = (map?.sections ?? []).filter((s) => ids.includes(s.id)).map((s) => ({ id: s.id, ...(s.scope !== undefined ? { scope: s.scope } : {}) }));
    const own = ownerDocument(el);
    const frame = !own || own === doc ? undefined : frameOf(own);
    const proposal = proposeEntry(el, { nowYear: new Date().getFullYear(), sections, ...(frame ? { frame } : {}) });
    return proposal ? { picked: true, entry: proposal.entry, notes: proposal.notes } : { picked: false, reason: 'nothing-names-it' };
  }

  /** How a map names the frame a field is in: its title, else its name. */
  function frameOf(frameDoc: Document): FrameSpec | undefined {
    // Through the clobbering-safe helpers: the page's own elements may shadow DOM properties.
    for (const frame of frameElements(doc)) {
      if (frameDocument(frame) !== frameDoc) continue;
      const title = attr(frame, 'title');
      if (title) return { title };
      const name = attr(frame, 'name');
      return name ? { name } : undefined;
    }
    return undefined;
  }

  function arm(): void {
    const views = [win, ...deps.frameDocuments().map(defaultView).filter((v): v is Window & typeof globalThis => v !== null && v !== win)];
    for (const view of views) {
      for (const type of SWALLOWED) view.addEventListener(type, swallow, true);
      view.addEventListener('click', onClick, true);
      view.addEventListener('keydown', onKey, true);
    }
    armed = views;
  }

  function disarm(): void {
    for (const view of armed) {
      for (const type of SWALLOWED) view.removeEventListener(type, swallow, true);
      view.removeEventListener('click', onClick, true);
      view.removeEventListener('keydown', onKey, true);
    }
    armed = [];
  }

  function finish(reply: unknown): void {
    disarm();
    const answer = pending;
    pending = undefined;
    answer?.(reply);
  }

  const listener: Listener = (message, sender, sendResponse) => {
    if (sender.id !== deps.runtimeId() || win.top !== win) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type } = message as { type?: unknown };
    if (type === 'inspect') {
      const fresh = (): ExtractResult | null => {
        const map = deps.map();
        return map ? extract(doc, win.location.href, map, new Date(), { frames: 'inline' }) : null;
      };
      const answer = (result: ExtractResult | null): void => {
        const map = deps.map();
        sendResponse(result && map ? { recognised: true, ...inspectRead(result, map) } : { recognised: false });
      };
      if (!deps.lastRead) {
        answer(fresh());
        return undefined;
      }
      void deps.lastRead().then((read) => answer(read === undefined ? fresh() : read), () => answer(fresh()));
      return true;
    }
    if (type === 'pick-field') {
      // A second pick replaces the first.
      if (pending) finish({ picked: false, reason: 'cancelled' });
      pending = sendResponse;
      arm();
      return true;
    }
    if (type === 'pick-cancel') {
      finish({ picked: false, reason: 'cancelled' });
      sendResponse({ picked: false, reason: 'cancelled' });
    }
    return undefined;
  };

  return { listener, stop: () => finish({ picked: false, reason: 'cancelled' }) };
}

/**
 * What Pick a field proposes for the element clicked: a map entry (lib/adapters/propose-entry.ts)
 * for the sections this page shows, naming the frame the element sits in by its title, else
 * its name. Nothing names it: no proposal.
 */
import { identifyPage } from '../../adapters/extractor';
import type { FieldMap, FrameSpec } from '../../adapters/field-map-schema';
import { attr, frameDocument, frameElements, ownerDocument } from '../../adapters/dom';
import { proposeEntry } from '../../adapters/propose-entry';

export function proposal(doc: Document, win: Window, map: FieldMap | undefined, el: Element): unknown {
  const url = win.location.href;
  const ids = map ? (identifyPage(doc, url, map, { frames: 'inline' })?.sections ?? []) : [];
  const sections = (map?.sections ?? []).filter((s) => ids.includes(s.id)).map((s) => ({ id: s.id, ...(s.scope !== undefined ? { scope: s.scope } : {}) }));
  const own = ownerDocument(el);
  const frame = !own || own === doc ? undefined : frameOf(doc, own);
  const proposed = proposeEntry(el, { nowYear: new Date().getFullYear(), sections, ...(frame ? { frame } : {}) });
  return proposed ? { picked: true, entry: proposed.entry, notes: proposed.notes } : { picked: false, reason: 'nothing-names-it' };
}

/** How a map names the frame a field is in: its title, else its name. */
function frameOf(doc: Document, frameDoc: Document): FrameSpec | undefined {
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

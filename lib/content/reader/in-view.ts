/**
 * Which of the page's sections is in view, on a page that shows several at once: the one
 * holding the focused field, otherwise the one covering most of the window. Each read hands
 * over the sections' parts (from the map's `scope`, found once per read); focus and scroll
 * only measure those. `tell` is called only when the answer changes.
 */
import type { ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';

/** The parts of the page each section a read found is in (the map's scopes), on a page showing several. */
export function shownScopes(map: FieldMap, result: ExtractResult | null): [string, string][] {
  const shown = result && result.sections.length > 1 ? result.sections : [];
  return map.sections.flatMap((s) => (s.scope && !s.frame && shown.includes(s.id) ? [[s.id, s.scope] as [string, string]] : []));
}

export function inViewWatcher(doc: Document, win: Window, tell: (section: string) => void) {
  let parts: [string, Element][] = [];
  let said = '';
  let frame = 0;
  const say = (section: string | undefined): void => {
    if (section && section !== said) tell((said = section));
  };
  const holding = (node: Node | null): string | undefined => (node ? parts.find(([, el]) => el.contains(node))?.[0] : undefined);
  const measure = (): void => {
    frame = 0;
    const shown = new Map<string, number>();
    for (const [id, el] of parts) {
      const box = el.getBoundingClientRect();
      shown.set(id, Math.max(shown.get(id) ?? 0, Math.min(box.bottom, win.innerHeight) - Math.max(box.top, 0)));
    }
    // A focused field's section keeps the answer while it is on screen; otherwise the one covering most.
    const focused = holding(doc.activeElement);
    const most = [...shown].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    say(focused && (shown.get(focused) ?? 0) > 0 ? focused : most[0]);
  };
  const onFocus = (event: Event): void => say(holding(event.target as Node | null));
  const onScroll = (): void => {
    if (parts.length && !frame) frame = win.requestAnimationFrame(measure);
  };
  const off = new AbortController();
  doc.addEventListener('focusin', onFocus, { signal: off.signal });
  // Capturing: a part scrolled inside a box of its own is followed too.
  win.addEventListener('scroll', onScroll, { passive: true, capture: true, signal: off.signal });
  return {
    /** After a read: the parts of the sections it found on a page showing several (none on a page showing one). */
    use(scopes: [string, string][]): void {
      parts = [];
      for (const [id, scope] of scopes) {
        try {
          for (const el of doc.querySelectorAll(scope)) parts.push([id, el]);
        } catch {
          // A scope this browser cannot read: that section is not followed.
        }
      }
    },
    stop(): void {
      off.abort();
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}

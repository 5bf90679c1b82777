/**
 * Show me: the panel asks for a field; the frame that holds it scrolls it into view,
 * outlines it for 4 seconds and focuses it. A field in a closed part of the page (a folded
 * part, a hidden tab) is not outlined: the answer says what to open. Frames that do not
 * hold the field stay silent so the one that does can answer.
 */
import { hiddenBy, locateField } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import type { Listener } from './deps';

export function showFieldListener(doc: Document, win: Window, runtimeId: () => string | undefined, map: () => FieldMap | undefined): Listener {
  return (message, sender, sendResponse) => {
    if (sender.id !== runtimeId()) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, path } = message as { type?: unknown; path?: unknown };
    const active = map();
    if (type !== 'show-field' || typeof path !== 'string' || !active) return undefined;
    const element = locateField(doc, active, path, { frames: 'inline' });
    if (!element) return undefined;
    const hidden = hiddenBy(element);
    if (hidden.hidden) {
      sendResponse({ found: true, hidden: true, ...(hidden.open ? { open: hidden.open } : {}) });
      return undefined;
    }
    showField(win, element);
    sendResponse({ found: true });
    return undefined;
  };
}

/** Scrolls to the field (an instant jump: no motion for people sensitive to it), outlines and focuses it. */
export function showField(win: Window, element: Element): void {
  element.scrollIntoView({ block: 'center' });
  const html = element as HTMLElement;
  const before = html.style.outline;
  const offset = html.style.outlineOffset;
  html.style.outline = '4px solid #ffdd00';
  html.style.outlineOffset = '2px';
  // A radio or checkbox group is found by its fieldset, which cannot take focus: focus its checked (or first) control.
  const group = element.querySelector?.('input:checked, input, select, textarea') as HTMLElement | null;
  const target = element.matches?.('input, select, textarea, button, a[href]') ? html : (group ?? html);
  if (typeof target.focus === 'function') target.focus({ preventScroll: true });
  win.setTimeout(() => {
    html.style.outline = before;
    html.style.outlineOffset = offset;
  }, 4000);
}

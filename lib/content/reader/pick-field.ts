/**
 * Pick a field: takes the next real click on the page (or a srcdoc frame read with it) as
 * the field to propose an entry for. The click, and the presses around it, are kept from
 * the page (it neither follows a link nor focuses a field); a click the page makes up picks
 * nothing; Escape stops. One pick at a time: a second replaces the first.
 */
import { defaultView } from '../../adapters/dom';

// Kept from the page while picking: a press would focus the field, follow a link or open a select.
const SWALLOWED = ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'auxclick', 'dblclick'] as const;
export const CANCELLED = { picked: false, reason: 'cancelled' } as const;

export interface Picker {
  /** Waits for a click; `answer` gets the proposal (or why there is none). */
  start(answer: (reply: unknown) => void): void;
  /** Stops waiting: the pick is answered as cancelled. */
  cancel(): void;
}

export function picker(win: Window, frameDocuments: () => Document[], propose: (el: Element) => unknown): Picker {
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
    finish(CANCELLED);
  };
  const listen = (on: boolean): void => {
    for (const view of armed) {
      const change = (on ? view.addEventListener : view.removeEventListener).bind(view);
      for (const type of SWALLOWED) change(type, swallow, true);
      change('click', onClick, true);
      change('keydown', onKey, true);
    }
  };
  function finish(reply: unknown): void {
    listen(false);
    armed = [];
    const answer = pending;
    pending = undefined;
    answer?.(reply);
  }
  return {
    start(answer) {
      if (pending) finish(CANCELLED);
      pending = answer;
      armed = [win, ...frameDocuments().map(defaultView).filter((v): v is Window & typeof globalThis => v !== null && v !== win)];
      listen(true);
    },
    cancel: () => finish(CANCELLED),
  };
}

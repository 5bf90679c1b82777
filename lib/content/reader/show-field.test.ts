// @vitest-environment jsdom
// Show me: only our own extension is answered; the frame holding the field outlines and
// focuses it; a field in a closed part is not outlined (the answer says so); a frame
// without it stays silent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { showFieldListener } from './show-field';

const map = bundledMap as unknown as FieldMap;

/** The page's body from markup (a test's own, never page text). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
}
const PATH = 'household.interpreterNeeded';
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function page(hidden: boolean): void {
  window.history.replaceState(null, '', '/assessment/SA-1/household');
  setBody(`<h1>2.1 Household composition and people important to the child</h1><details${hidden ? '' : ' open'}><summary>Language</summary><label for="i">Interpreter needed?</label><select id="i"><option>Yes</option></select></details>`);
  Element.prototype.scrollIntoView = vi.fn();
}
const ask = (listener: ReturnType<typeof showFieldListener>, message: unknown, id = 'ours') => {
  const reply = vi.fn();
  listener(message, { id }, reply);
  return reply;
};

describe('showFieldListener', () => {
  it('outlines and focuses the field for 4 seconds, for our own extension only', () => {
    page(false);
    const listener = showFieldListener(document, window, () => 'ours', () => map);
    expect(ask(listener, { type: 'show-field', path: PATH }, 'someone-else')).not.toHaveBeenCalled();
    expect(ask(listener, { type: 'show-field', path: PATH })).toHaveBeenCalledWith({ found: true });
    const select = document.getElementById('i') as HTMLSelectElement;
    expect(select.style.outline).toContain('solid');
    expect(document.activeElement).toBe(select);
    vi.advanceTimersByTime(4000);
    expect(select.style.outline).toBe('');
  });

  it('says a field in a closed part is hidden, and stays silent without the field or a map', () => {
    page(true);
    const listener = showFieldListener(document, window, () => 'ours', () => map);
    expect(ask(listener, { type: 'show-field', path: PATH }).mock.calls[0]?.[0]).toMatchObject({ found: true, hidden: true });
    expect(ask(listener, { type: 'show-field', path: 'no.such.fact' })).not.toHaveBeenCalled();
    expect(ask(showFieldListener(document, window, () => 'ours', () => undefined), { type: 'show-field', path: PATH })).not.toHaveBeenCalled();
  });
});

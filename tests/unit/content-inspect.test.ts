// @vitest-environment jsdom
// The content script's side of inspect mode and Pick a field: it answers only our own
// extension, in the top frame; a pick waits for a real click (one the page makes up is
// kept from the page but picks nothing); Escape stops; the replies pass the panel's checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectResponder } from '../../lib/content/inspect';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import { InspectReplySchema, PickReplySchema } from '../../lib/messages';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';

const checked = validateFieldMap(mapJson);
if (!checked.ok) throw new Error('demo map invalid');
const map = checked.map;
const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'sa-1002-reasons.html'), 'utf8');

function load(): void {
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', '/assessment/SA-1002/reasons');
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function responder() {
  const r = inspectResponder({ document, window, runtimeId: () => 'ours', map: () => map, frameDocuments: () => [] });
  stop = r.stop;
  return r;
}

describe('inspect', () => {
  it('answers our panel with every entry and what it found', () => {
    load();
    const { listener } = responder();
    const reply = vi.fn();
    listener({ type: 'inspect' }, { id: 'ours' }, reply);
    const parsed = InspectReplySchema.safeParse(reply.mock.calls[0]?.[0]);
    expect(parsed.success).toBe(true);
    if (!parsed.success || !parsed.data.recognised) throw new Error('no report');
    expect(parsed.data.sections).toEqual(['reasons']);
    expect(parsed.data.entries.find((e) => e.entry === 'reasons.referralDate')).toMatchObject({ state: 'found', found: 'date' });
  });

  it('says nothing to anyone else', () => {
    load();
    const { listener } = responder();
    const reply = vi.fn();
    listener({ type: 'inspect' }, { id: 'someone-else' }, reply);
    expect(reply).not.toHaveBeenCalled();
  });
});

describe('pick a field', () => {
  it('keeps a made-up click from the page and picks nothing with it; Escape stops', () => {
    load();
    const { listener } = responder();
    const reply = vi.fn();
    expect(listener({ type: 'pick-field' }, { id: 'ours' }, reply)).toBe(true);
    const input = document.getElementById('f-reasons-referralDate') as HTMLInputElement;
    const pageSaw = vi.fn();
    input.addEventListener('click', pageSaw);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    input.dispatchEvent(click);
    expect(pageSaw).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
    expect(reply).not.toHaveBeenCalled();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(PickReplySchema.parse(reply.mock.calls[0]?.[0])).toEqual({ picked: false, reason: 'cancelled' });
    // Once stopped, clicks reach the page again.
    input.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pageSaw).toHaveBeenCalledTimes(1);
  });

  it('a second pick replaces the first; the panel can stop it', () => {
    load();
    const { listener } = responder();
    const first = vi.fn();
    const second = vi.fn();
    listener({ type: 'pick-field' }, { id: 'ours' }, first);
    listener({ type: 'pick-field' }, { id: 'ours' }, second);
    expect(first).toHaveBeenCalledWith({ picked: false, reason: 'cancelled' });
    listener({ type: 'pick-cancel' }, { id: 'ours' }, vi.fn());
    expect(second).toHaveBeenCalledWith({ picked: false, reason: 'cancelled' });
  });
});

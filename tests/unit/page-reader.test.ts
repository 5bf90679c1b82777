// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPageReader, type PageReader, type ReaderDeps } from '../../lib/content/page-reader';

const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'sa-1002-plan.html'), 'utf8');

function load(): void {
  // A saved demo page, parsed (never run) and put in place of this test document.
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', '/assessment/SA-1002/plan');
}

type Listener = Parameters<ReaderDeps['runtime']['onMessage']['addListener']>[0];

function fakeRuntime() {
  const sent: Array<Record<string, unknown>> = [];
  const listeners: Listener[] = [];
  const runtime: ReaderDeps['runtime'] & { id?: string } = {
    id: 'ours',
    sendMessage: async (m: unknown) => {
      sent.push(m as Record<string, unknown>);
      return {};
    },
    onMessage: { addListener: (l) => listeners.push(l), removeListener: () => undefined },
  };
  return { runtime, sent, listeners };
}

let reader: PageReader | undefined;
afterEach(() => {
  reader?.stop();
  vi.useRealTimers();
});

const settle = () => new Promise((r) => setTimeout(r, 120));

describe('the content script page reader', () => {
  it('reads the page once on load and sends its facts', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: { get: async () => ({}) }, document, window });
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'facts', assessmentId: 'SA-1002', section: 'plan', topFrame: true });
  });

  it('reads once for a burst of changes, and sends only when a fact changed', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: { get: async () => ({}) }, document, window, quietMs: 20, maxWaitMs: 1000 });
    await settle();
    const readsBefore = reader.reads;
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    for (let i = 0; i < 100; i += 1) {
      box.value += 'x';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    expect(reader.reads - readsBefore).toBe(1);
    // Typing into a box already holding text changes no fact: nothing more is sent.
    expect(sent).toHaveLength(1);
  });

  it('answers Show me only from our own extension, and only when it holds the field', async () => {
    load();
    const { runtime, listeners } = fakeRuntime();
    reader = startPageReader({ runtime, storage: { get: async () => ({}) }, document, window });
    await settle();
    const reply = vi.fn();
    listeners[0]!({ type: 'show-field', path: 'planning.fileRead' }, { id: 'someone-else' }, reply);
    expect(reply).not.toHaveBeenCalled();
    listeners[0]!({ type: 'show-field', path: 'dates.nowhere' }, { id: 'ours' }, reply);
    expect(reply).not.toHaveBeenCalled();
    Element.prototype.scrollIntoView = vi.fn();
    listeners[0]!({ type: 'show-field', path: 'planning.fileRead' }, { id: 'ours' }, reply);
    expect(reply).toHaveBeenCalledWith({ found: true });
    expect((document.activeElement as HTMLElement).style.outline).toContain('solid');
  });

  it('stops quietly and asks for a refresh when the extension has been reloaded', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: { get: async () => ({}) }, document, window, quietMs: 10 });
    await settle();
    runtime.id = undefined;
    document.querySelector('select')?.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const note = document.getElementById('assessment-companion-reconnect-note');
    expect(note?.textContent).toContain('refresh this page');
    expect(sent).toHaveLength(1);
  });
});

// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPageReader, startPageReaderOnce, type PageReader, type ReaderDeps } from '../../lib/content/page-reader';
import { demoMap, readerStorage } from '../support/reader-storage';
import { ContentToBackgroundSchema } from '../../lib/messages';

// Reads here take no time on the reader's clock: one slice each, no back-off, whatever the machine is doing.
const noTime = () => 0;

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

// Long enough for a change's quiet period to start; then until the reader has nothing left to do (reads run in slices).
const settle = async () => {
  await new Promise((r) => setTimeout(r, 60));
  await reader?.idle();
};

describe('the content script page reader', () => {
  it('has no map of its own: it reads nothing until the background has stored one, then reads at once', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    const storage = readerStorage(null);
    reader = startPageReader({ runtime, storage, document, window, now: noTime });
    await settle();
    // Not even "unrecognised": with no map there is nothing to say about the page.
    expect(sent).toEqual([]);
    storage.store(demoMap);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'facts', assessmentId: 'SA-1002', section: 'plan' });
  });

  it('reads the page again with a new map when the background stores one', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    const storage = readerStorage();
    reader = startPageReader({ runtime, storage, document, window, now: noTime });
    await settle();
    expect(sent).toHaveLength(1);
    storage.store({ ...demoMap, id: 'lcs-demo-2' });
    await settle();
    expect(sent.at(-1)).toMatchObject({ type: 'facts', mapId: 'lcs-demo-2', complete: true });
  });

  it('reads the page once on load and sends its facts', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime });
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'facts', assessmentId: 'SA-1002', section: 'plan', topFrame: true });
  });

  it('reads once for a burst of changes, and sends only when a fact changed', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime, quietMs: 20, maxWaitMs: 1000 });
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

  it('after the first read sends only what changed; a read that was not delivered is sent whole next time', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    let refuse = false;
    const deliver = runtime.sendMessage;
    runtime.sendMessage = async (m: unknown) => {
      if (refuse) throw new Error('Could not establish connection. Receiving end does not exist.');
      return deliver(m);
    };
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime, quietMs: 20, maxWaitMs: 1000 });
    await settle();
    expect(sent[0]).toMatchObject({ type: 'facts', complete: true });
    const all = (sent[0]!.facts as unknown[]).length;
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(sent[1]).toMatchObject({ type: 'facts', complete: false });
    expect((sent[1]!.facts as unknown[]).length).toBeLessThan(all);
    // The background was restarting: this change is lost on the way...
    refuse = true;
    box.value = 'Written again';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    refuse = false;
    // ...so the next read sends the whole page again.
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(sent.at(-1)).toMatchObject({ type: 'facts', complete: true });
    expect((sent.at(-1)!.facts as unknown[]).length).toBe(all);
  });

  it('answers Show me only from our own extension, and only when it holds the field', async () => {
    load();
    const { runtime, listeners } = fakeRuntime();
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime });
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
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime, quietMs: 10 });
    await settle();
    runtime.id = undefined;
    document.querySelector('select')?.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const note = document.getElementById('assessment-companion-reconnect-note');
    expect(note?.textContent).toContain('refresh this page');
    expect(sent).toHaveLength(1);
  });

  it('keeps one reader per frame when the script is started again, and replaces one left by an earlier version', async () => {
    load();
    const first = fakeRuntime();
    reader = startPageReaderOnce({ runtime: first.runtime, storage: readerStorage(), document, window, now: noTime });
    await settle();
    // Started again (the next page load in the tab, or a frame loading): the same reader carries on.
    const again = fakeRuntime();
    expect(startPageReaderOnce({ runtime: again.runtime, storage: readerStorage(), document, window, now: noTime })).toBe(reader);
    await settle();
    expect(again.sent).toHaveLength(0);
    // The extension was updated: the old reader is disconnected, and a new one takes over.
    const old = reader;
    first.runtime.id = undefined;
    const updated = fakeRuntime();
    reader = startPageReaderOnce({ runtime: updated.runtime, storage: readerStorage(), document, window, now: noTime });
    expect(reader).not.toBe(old);
    await settle();
    expect(updated.sent[0]).toMatchObject({ type: 'facts', assessmentId: 'SA-1002' });
    expect(document.getElementById('assessment-companion-reconnect-note')).toBeNull();
  });

  it('asks once for a reader in frames that load after the page, and not for images', async () => {
    load();
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime, quietMs: 10 });
    await settle();
    const image = document.createElement('img');
    document.body.appendChild(image);
    image.dispatchEvent(new Event('load'));
    await settle();
    expect(sent.filter((m) => m.type === 'frames-loaded')).toHaveLength(0);
    // Load events the page makes up itself are not frames loading.
    const existing = document.createElement('iframe');
    document.body.appendChild(existing);
    await settle();
    const before = sent.filter((m) => m.type === 'frames-loaded').length;
    for (let i = 0; i < 5; i += 1) existing.dispatchEvent(new Event('load'));
    await settle();
    expect(sent.filter((m) => m.type === 'frames-loaded')).toHaveLength(before);
    // Frames the browser really loads (three at once): one message.
    for (let i = 0; i < 3; i += 1) document.body.appendChild(document.createElement('iframe'));
    await settle();
    expect(sent.filter((m) => m.type === 'frames-loaded').length).toBe(before + 1);
  });

  it('on a case-system page with a path over 500 characters, says it is no assessment in a message that passes the background’s checks', async () => {
    load();
    window.history.replaceState(null, '', `/search/${'a'.repeat(600)}`);
    const { runtime, sent } = fakeRuntime();
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: noTime });
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'page', state: 'unrecognised' });
    // A longer path failed validation, and the panel went on showing the last case.
    expect(ContentToBackgroundSchema.safeParse(sent[0]).success).toBe(true);
  });
});

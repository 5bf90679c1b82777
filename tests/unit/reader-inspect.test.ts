// @vitest-environment jsdom
// Inspect mode asks the page again after each change. Its answer comes from the reader's own
// last read (taken in slices, handing the page its thread between them), never from a whole
// new read in one task: on a page of 4,300 people that held the page for 375–450 ms a change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as extractor from '../../lib/adapters/extractor';
import { startPageReader, type PageReader, type ReaderDeps } from '../../lib/content/page-reader';
import { InspectReplySchema } from '../../lib/messages';
import { readerStorage } from '../support/reader-storage';

vi.mock('../../lib/adapters/extractor', async (original) => {
  const actual = await original<typeof import('../../lib/adapters/extractor')>();
  return { ...actual, extract: vi.fn(actual.extract) };
});

const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'sa-1002-household.html'), 'utf8');
function load(): void {
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', '/assessment/SA-1002/household');
}

type Listener = Parameters<ReaderDeps['runtime']['onMessage']['addListener']>[0];
let reader: PageReader | undefined;
afterEach(() => reader?.stop());

describe('inspect mode on a page the reader reads', () => {
  it('answers from the reader’s last read, after the read a change asked for, with no whole read of its own', async () => {
    load();
    const listeners: Listener[] = [];
    const runtime: ReaderDeps['runtime'] = {
      id: 'ours',
      sendMessage: async () => ({}),
      onMessage: { addListener: (l) => void listeners.push(l), removeListener: () => undefined },
    };
    reader = startPageReader({ runtime, storage: readerStorage(), document, window, now: () => 0, quietMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    await reader.idle();
    const ask = () =>
      new Promise<unknown>((resolve) => {
        for (const l of listeners) if (l({ type: 'inspect' }, { id: 'ours' }, resolve) === true) return;
      });
    const first = InspectReplySchema.parse(await ask());
    expect(first).toMatchObject({ recognised: true, assessmentId: 'SA-1002', sections: ['household'] });
    // A change on the page: the answer waits for the reader's read of it.
    const language = document.getElementById('f-household-interpreterNeeded') as HTMLSelectElement;
    language.value = 'N';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    const reads = reader.reads;
    const second = InspectReplySchema.parse(await ask());
    expect(reader.reads).toBe(reads + 1);
    expect(second).toMatchObject({ recognised: true, assessmentId: 'SA-1002' });
    expect(second.recognised && second.entries.length).toBe(first.recognised && first.entries.length);
    expect(vi.mocked(extractor.extract)).not.toHaveBeenCalled();
  });
});

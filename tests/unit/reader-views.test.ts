// @vitest-environment jsdom
// The real page reader feeding the real background (fake-indexeddb): what one view of an
// assessment read is never erased by another view's read, and a stale tab never wins.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPageReader, type PageReader, type ReaderDeps } from '../../lib/content/page-reader';
import { handleContentMessage, type ServiceDeps } from '../../lib/background/service';
import { CompanionDb, getStored } from '../../lib/store';
import { DEFAULT_SETTINGS, DEMO_ORIGINS } from '../../lib/settings';
import { defaultCalendar } from '../../lib/calendar';
import { readFact } from '../../lib/model';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import { demoMap, readerStorage } from '../support/reader-storage';

const pages = join(import.meta.dirname, '..', 'fixtures', 'pages');
const ORIGIN = 'http://127.0.0.1:4173';

/** A saved demo page (parsed, never run) in place of this test document, at `address`. */
function load(file: string, address: string, edit?: (doc: Document) => void): void {
  const parsed = new DOMParser().parseFromString(readFileSync(join(pages, file), 'utf8'), 'text/html');
  edit?.(parsed);
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', address);
}

let n = 0;
const dbs: CompanionDb[] = [];
const readers: PageReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.stop();
  for (const db of dbs.splice(0)) await db.delete();
});

function background(): ServiceDeps {
  const db = new CompanionDb(`reader-views-${++n}`);
  dbs.push(db);
  const session: Record<string, unknown> = {};
  return {
    db,
    extensionId: 'ours',
    settings: async () => ({ ...DEFAULT_SETTINGS, origins: DEMO_ORIGINS }),
    calendar: async () => defaultCalendar,
    session: { get: async (key) => (key in session ? { [key]: session[key] } : {}), set: async (items) => void Object.assign(session, items) },
  };
}

/** A reader in this document whose messages go to the background as the browser would carry them. */
function tab(bg: ServiceDeps, storage: ReaderDeps['storage'] = readerStorage()): { reader: PageReader; sent: Record<string, unknown>[] } {
  const sent: Record<string, unknown>[] = [];
  const runtime: ReaderDeps['runtime'] = {
    id: 'ours',
    sendMessage: async (message: unknown) => {
      sent.push(message as Record<string, unknown>);
      const result = await handleContentMessage(bg, message, { id: 'ours', url: `${ORIGIN}${window.location.pathname}${window.location.search}`, tab: { id: 1, windowId: 1, active: true } });
      if (!result.ok) throw new Error(result.error);
      return result.reply;
    },
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
  };
  const reader = startPageReader({ runtime, storage, document, window, now: () => 0 });
  readers.push(reader);
  return { reader, sent };
}

const settle = async (reader: PageReader) => {
  await new Promise((r) => setTimeout(r, 60));
  await reader.idle();
  // The last message's merge runs after the reader has handed it over.
  await new Promise((r) => setTimeout(r, 60));
};

const stored = async (bg: ServiceDeps, id: string) => (await getStored(bg.db, `lcs-demo:${id}`))!;

/** The demo map for a case system that routes its steps in the query (ASP.NET style). */
const queryRouted: FieldMap = {
  ...demoMap,
  page: { url: '^/CF/Assessment\\.aspx\\?', assessmentId: { url: '[?&]id=([^&#]+)' } },
  sections: [
    { id: 'household', url: '[?&]step=1(?:[&#]|$)' },
    { id: 'reasons', url: '[?&]step=2(?:[&#]|$)' },
  ],
};

describe('views of one assessment', () => {
  it('a case system that routes its steps in the query: step 2’s read keeps what step 1 read, and the caseload link keeps the id', async () => {
    const bg = background();
    load('sa-1002-household.html', '/CF/Assessment.aspx?id=SA-1002&step=1&_=98765');
    const one = tab(bg, readerStorage(queryRouted));
    await settle(one.reader);
    one.reader.stop();
    expect(readFact((await stored(bg, 'SA-1002')).record, 'household.interpreterNeeded')).toBe(true);

    load('sa-1002-reasons.html', '/CF/Assessment.aspx?id=SA-1002&step=2');
    const two = tab(bg, readerStorage(queryRouted));
    await settle(two.reader);
    const after = await stored(bg, 'SA-1002');
    expect(readFact(after.record, 'dates.referral')).toBe('2026-11-22');
    // Step 1's facts are still there while the worker is on step 2.
    expect(readFact(after.record, 'household.interpreterNeeded')).toBe(true);
    expect(after.record.children?.map((c) => c.id)).toEqual(['200201', '200202', '200203']);
    // The query parts the map uses are kept (the id, the step); one it does not use is not.
    expect(after.pageUrl).toBe(`${ORIGIN}/CF/Assessment.aspx?id=SA-1002&step=2`);
    expect(after.record.provenance?.['household.interpreterNeeded']?.page).toBe('/CF/Assessment.aspx?id=SA-1002&step=1');
  });

  it('a print view at the same path that shows fewer fields erases nothing the edit view read', async () => {
    const bg = background();
    load('sa-1002-household.html', '/assessment/SA-1002/household');
    const edit = tab(bg);
    await settle(edit.reader);
    edit.reader.stop();
    const before = await stored(bg, 'SA-1002');
    expect(before.record.adults?.length).toBe(3);

    // The print view leaves out the adults and the language questions.
    load('sa-1002-household.html', '/assessment/SA-1002/household?view=print', (doc) => {
      for (const el of doc.querySelectorAll('table')) if (/adult|parent/i.test(el.textContent ?? '') && !/child/i.test(el.querySelector('caption')?.textContent ?? '')) el.remove();
      for (const el of doc.querySelectorAll('[id^="f-household-interpreter"]')) el.closest('.field')?.remove();
    });
    const print = tab(bg);
    await settle(print.reader);
    const after = await stored(bg, 'SA-1002');
    expect(print.sent.at(-1)).toMatchObject({ type: 'facts', complete: true });
    expect(readFact(after.record, 'household.interpreterNeeded')).toBe(true);
    expect(after.record.adults?.length).toBe(3);
    expect(after.record.children?.length).toBe(3);
  });

  it('the same view read again without a member still removes them (a full read of the page)', async () => {
    const bg = background();
    load('sa-1002-household.html', '/assessment/SA-1002/household');
    const first = tab(bg);
    await settle(first.reader);
    first.reader.stop();
    load('sa-1002-household.html', '/assessment/SA-1002/household', (doc) => {
      for (const el of doc.querySelectorAll('input, select, textarea')) if ((el.getAttribute('name') ?? '').includes('200203')) el.closest('tr')?.remove();
    });
    const second = tab(bg);
    await settle(second.reader);
    expect((await stored(bg, 'SA-1002')).record.children?.map((c) => c.id)).toEqual(['200201', '200202']);
  });
});

describe('a stale tab never wins', () => {
  async function staleTab() {
    const bg = background();
    const storage = readerStorage();
    load('sa-1002-household.html', '/assessment/SA-1002/household');
    const a = tab(bg, storage);
    await settle(a.reader);
    // Tab B, on a fresh copy, records a change after tab A's read.
    await new Promise((r) => setTimeout(r, 5));
    const readAt = new Date().toISOString();
    const b = await handleContentMessage(bg, {
      type: 'facts', caseSystem: 'lcs-demo', mapId: demoMap.id, assessmentId: 'SA-1002', section: 'household', pagePath: '/assessment/SA-1002/household', topFrame: true,
      facts: [{ path: 'household.interpreterNeeded', value: false }],
      provenance: { 'household.interpreterNeeded': { page: '/assessment/SA-1002/household', section: 'household', locator: 'label', readAt } },
      notFound: [], complete: false,
    }, { id: 'ours', url: `${ORIGIN}/assessment/SA-1002/household`, tab: { id: 2, windowId: 1, active: false } });
    expect(b.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    return { bg, storage, a };
  }

  it('a new map makes tab A read again, but its unchanged old answer keeps its old read time', async () => {
    const { bg, storage, a } = await staleTab();
    const reads = a.reader.reads;
    storage.store({ ...demoMap, version: `${demoMap.version}-2` });
    await settle(a.reader);
    expect(a.reader.reads).toBeGreaterThan(reads);
    expect(a.sent.at(-1)).toMatchObject({ type: 'facts', complete: true });
    expect(readFact((await stored(bg, 'SA-1002')).record, 'household.interpreterNeeded')).toBe(false);
  });

  it('the same map stored again (Firefox, when any setting changes) is not a reason to read again', async () => {
    const { bg, storage, a } = await staleTab();
    const reads = a.reader.reads;
    const messages = a.sent.length;
    storage.store(JSON.parse(JSON.stringify(demoMap)) as FieldMap);
    await settle(a.reader);
    expect(a.reader.reads).toBe(reads);
    expect(a.sent).toHaveLength(messages);
    expect(readFact((await stored(bg, 'SA-1002')).record, 'household.interpreterNeeded')).toBe(false);
  });
});

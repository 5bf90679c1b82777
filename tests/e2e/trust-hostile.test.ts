// A hostile page on the case system's origin tries to break the extension: forged
// window messages shaped like our runtime messages, synthetic events, clobbered form
// and document properties, markup, a right-to-left override and a 1 MB string in its
// values. Nothing wrong may be stored, no script may run, the panel shows text as
// text, and the extension keeps working.

import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredRecordSchema, type StoredRecord } from '../../lib/store/schema';
import { readFact } from '../../lib/model';
import type { Harness } from './harness';
import { startTrustHarness } from '../fixtures/hostile/harness';
import { CLOBBERED_ID, FORGED_ID, HOSTILE_ID, RLO, ROUNDS, startHostileServer, type HostileServer } from '../fixtures/hostile/server';
import { eventually, readRecord, readRecords, serviceWorkerTarget } from '../fixtures/hostile/probe';
import { E2E_WAIT_MS } from '../support/sizing';

let h: Harness;
let hostile: HostileServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  [h, hostile] = await Promise.all([startTrustHarness(), startHostileServer()]);
});
afterAll(async () => {
  await h?.close();
  await hostile?.close();
});

async function openHostile(formId: string): Promise<Page> {
  const page = await h.browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${hostile.url}/assessment/${formId}/household`, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

/** Every string in a stored row, however deep. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

function expectClean(row: StoredRecord): void {
  // The row is exactly what the schema allows (no stray keys, no narrative fields).
  expect(StoredRecordSchema.safeParse(row).success).toBe(true);
  const json = JSON.stringify(row);
  expect(json.length).toBeLessThan(50_000);
  for (const s of strings(row)) {
    expect(s).not.toMatch(/[<>]|onerror|__pwned/i);
    expect(s).not.toContain(RLO);
    expect(s.length).toBeLessThanOrEqual(500);
  }
  for (const person of [...(row.record.children ?? []), ...(row.record.adults ?? [])]) {
    if (person.initials != null) expect(person.initials).toMatch(/^\p{Lu}{1,4}$/u);
  }
}

async function hostPageIsClean(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    // The page may clobber its document's methods: use the built-ins.
    injectedImages: Document.prototype.querySelectorAll.call(document, 'img[src="x"], [onerror]').length,
    note: Document.prototype.getElementById.call(document, 'assessment-companion-reconnect-note') !== null,
  }));
  expect(state).toEqual({ pwned: undefined, injectedImages: 0, note: false });
}

async function panelIsClean(): Promise<void> {
  const state = await h.panel.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    images: document.querySelectorAll('img, [onerror], iframe, object, embed').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    text: document.body.innerText,
    errorBoundary: /something went wrong|could not show/i.test(document.body.innerText),
  }));
  expect(state.pwned).toBeUndefined();
  expect(state.images).toBe(0);
  expect(state.inlineScripts).toBe(0);
  expect(state.text).not.toMatch(/<img|onerror/i);
  expect(state.text).not.toContain(RLO);
  expect(state.errorBoundary).toBe(false);
}

/** Evaluates an expression in a fresh isolated world of the page, as a content script sees the page. */
async function inIsolatedWorld(page: Page, expression: string): Promise<unknown> {
  const session = await page.createCDPSession();
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'trust-probe' });
    const { result } = await session.send('Runtime.evaluate', { contextId: executionContextId, expression, returnByValue: true });
    return result.value;
  } finally {
    await session.detach();
  }
}

describe('a hostile page on the case system origin', () => {
  it('cannot get a forged or wrong fact stored, run script, or stop the extension reading', async () => {
    const page = await openHostile(HOSTILE_ID);
    await h.panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${HOSTILE_ID}"]`, { timeout: E2E_WAIT_MS });
    // Let the page finish its three seconds of forged messages and synthetic events.
    await page.waitForFunction(() => (window as unknown as { __hostile?: { done?: boolean } }).__hostile?.done === true, { timeout: E2E_WAIT_MS });
    const flood = await page.evaluate(() => (window as unknown as { __hostile: { posted: number; events: number; runtimeExposed: boolean } }).__hostile);
    expect(flood.posted).toBe(ROUNDS * 1100);
    expect(flood.events).toBeGreaterThan(ROUNDS * 20);
    // No extension API is exposed to the page: externally_connectable is closed.
    expect(flood.runtimeExposed).toBe(false);

    // The extension still reads the page after the flood: a real change is merged.
    await page.select('#f-household-interpreterUsed', 'Y');
    const row = await eventually('the real change to be merged', async () => {
      const r = await readRecord(h.panel, `lcs-demo:${HOSTILE_ID}`);
      return r && readFact(r.record, 'household.interpreterUsed') === true ? r : undefined;
    });

    const rows = await readRecords(h.panel);
    // The forged assessment never reached the store.
    expect(rows.map((r) => r.key)).not.toContain(`lcs-demo:${FORGED_ID}`);
    expect(rows.every((r) => r.key === `lcs-demo:${r.assessmentId}`)).toBe(true);
    expectClean(row);
    const { record } = row;
    // What the page shows, not what the forged messages said.
    expect(readFact(record, 'household.interpreterNeeded')).toBe(false);
    expect(readFact(record, 'dates.referral')).toBeUndefined();
    expect(readFact(record, 'household.firstLanguageNotEnglish')).toBe(true);
    // The 1 MB narrative counts as "recorded"; the text itself is not kept.
    expect(readFact(record, 'household.communicationNeedsRecorded')).toBe(true);
    expect(readFact(record, 'children[666001].isSubject')).toBe(true);
    expect(readFact(record, 'children[666001].dateOfBirth')).toBe('2018-07-14');
    // A date box holding markup is not a date: nothing is stored for it.
    expect(readFact(record, 'adults[666003].dateOfBirth')).toBeUndefined();
    // Ids that look like prototype keys are just ids in an array; an id with a bidi control is no id at all.
    const ids = [...(record.children ?? []), ...(record.adults ?? [])].map((p) => p.id);
    expect(ids).not.toContain(`${RLO}666009`);
    expect(ids.some((id) => id.includes(RLO))).toBe(false);

    // No prototype was polluted in the service worker.
    const worker = await serviceWorkerTarget(h.browser, h.extensionId)!.worker();
    const protoKeys = await worker!.evaluate(() => [Object.keys(Object.prototype), ({} as Record<string, unknown>).polluted ?? null]);
    expect(protoKeys).toEqual([[], null]);

    await hostPageIsClean(page);
    await panelIsClean();
    // The panel shows people by initials only, as text: the markup "name" is three letters.
    const panelText = await h.panel.evaluate(() => document.body.innerText);
    expect(panelText).toContain('ISO (subject child)');
    expect(panelText).not.toContain('Proto Person');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('still reads a page that clobbers the document’s own properties', async () => {
    const page = await openHostile(CLOBBERED_ID);
    // The clobbering is real in the page: the document's methods are shadowed.
    expect(await page.evaluate(() => typeof document.getElementById)).not.toBe('function');
    // An isolated world (as the content script runs in) does not see the document's named
    // properties in Chromium, but does see a form's: the extractor reads through prototypes.
    const seen = await inIsolatedWorld(
      page,
      `(() => {
        const form = Document.prototype.querySelector.call(document, 'form.lcs-form');
        return { getElementById: typeof document.getElementById, formAction: typeof form.action };
      })()`,
    );
    expect(seen).toEqual({ getElementById: 'function', formAction: 'object' });
    await h.panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${CLOBBERED_ID}"]`, { timeout: E2E_WAIT_MS });
    await page.waitForFunction(() => (window as unknown as { __hostile?: { done?: boolean } }).__hostile?.done === true, { timeout: E2E_WAIT_MS });
    await page.select('#f-household-interpreterUsed', 'N');
    const row = await eventually('the change on the clobbered page to be merged', async () => {
      const r = await readRecord(h.panel, `lcs-demo:${CLOBBERED_ID}`);
      return r && readFact(r.record, 'household.interpreterUsed') === false ? r : undefined;
    });
    expectClean(row);
    expect(readFact(row.record, 'household.interpreterNeeded')).toBe(false);
    expect(readFact(row.record, 'children[666001].isSubject')).toBe(true);
    await hostPageIsClean(page);
    await panelIsClean();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('cannot load, frame or fetch the extension’s own pages', async () => {
    const page = await openHostile(HOSTILE_ID);
    const result = await page.evaluate(async (id: string) => {
      const fetched = await fetch(`chrome-extension://${id}/sidepanel.html`).then(
        () => 'loaded',
        () => 'blocked',
      );
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${id}/sidepanel.html`;
      document.body.appendChild(frame);
      await new Promise((r) => setTimeout(r, 500));
      let framed = 'blocked';
      try {
        framed = frame.contentDocument?.body?.innerText ? 'readable' : 'blocked';
      } catch {
        framed = 'blocked';
      }
      return { fetched, framed };
    }, h.extensionId);
    expect(result).toEqual({ fetched: 'blocked', framed: 'blocked' });
    await page.close();
  });
});

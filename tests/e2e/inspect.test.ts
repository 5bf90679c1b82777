/**
 * Inspect mode and Pick a field, for a council's IT team, in real Chromium: turned on in
 * the options page, the side panel lists every entry of the map on a demo page with what
 * it found; Show me outlines an entry's field; a picked field's proposed entry, pasted into
 * a copy of the map and imported in options, reads that field. Then the options page lists
 * the stored assessment's facts (never names or notes) and deletes it after a confirm step.
 *
 * The tests run in order on one browser (each builds on the last).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import { startHarness, type Harness } from './harness';
import { WAIT, openWorkspace, waitForPanelOn } from './panel-helpers';

const CASE = 'SA-1002';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** WCAG 2.2 AA problems axe finds on a page, in words. */
async function violations(target: Page): Promise<string[]> {
  const result = await new AxePuppeteer(target).withTags(TAGS).analyze();
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether a page is wider than its window. */
const sideways = (target: Page) => target.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

interface MapJson {
  id: string;
  version: string;
  page: { personId?: unknown };
  fields: Array<{ id?: string; fact: string }>;
  groups: Array<{ fields: unknown[] }>;
}
const demoMap = (): MapJson => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as MapJson;

type Chrome = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

let h: Harness;
let page: Page;
let panel: Page;
let options: Page;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openOptions(): Promise<Page> {
  const p = await h.browser.newPage();
  await p.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'load' });
  await p.waitForSelector('[data-inspect-setting]', WAIT);
  return p;
}

async function activeMapId(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const s = { ...(await c.storage.local.get('readerFieldMap')), ...(await c.storage.local.get('activeFieldMapSource')) };
        return s.activeFieldMapSource === 'bundled' ? 'bundled' : ((s.readerFieldMap as { id?: string } | undefined)?.id ?? 'bundled');
  });
}

/** Clicks "Pick a field" in the panel, then the element on the case page; returns the proposed entry. */
async function pickField(selector: string): Promise<Record<string, unknown>> {
  await panel.click('[data-pick-button]');
  await panel.waitForSelector('[data-pick="waiting"]', WAIT);
  await page.bringToFront();
  await page.click(selector);
  const json = await panel.waitForSelector('[data-proposed-entry]', WAIT);
  return JSON.parse((await json!.evaluate((e) => e.textContent)) ?? '{}') as Record<string, unknown>;
}

describe('inspect mode', () => {
  it('is off by default and turned on in the options page', async () => {
    options = await openOptions();
    const box = await options.waitForSelector('[data-inspect-setting] input[type=checkbox]', WAIT);
    expect(await box!.evaluate((b) => (b as HTMLInputElement).checked)).toBe(false);
    await box!.click();
    await options.waitForFunction(
      async () => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        return ((await c.storage.local.get('settings')).settings as { inspectMode?: boolean } | undefined)?.inspectMode === true;
      },
      { ...WAIT, polling: 100 },
    );
  });

  it('lists every entry of the map on a demo page, with what each found, and the coverage', async () => {
    ({ page, panel } = await openWorkspace(h, CASE, 'reasons'));
    const map = demoMap();
    const expected = (map.page.personId ? 1 : 0) + map.groups.reduce((n, g) => n + 1 + g.fields.length, 0) + map.fields.length;
    await panel.waitForFunction((n: number) => document.querySelectorAll('[data-inspect-entry]').length === n, WAIT, expected);
    const state = (entry: string) => panel.$eval(`[data-inspect-entry="${entry}"]`, (li) => ({ state: (li as HTMLElement).dataset.state, text: (li as HTMLElement).innerText }));
    expect(await state('reasons.referralDate')).toMatchObject({ state: 'found' });
    expect((await state('reasons.referralDate')).text).toContain('Found: date');
    expect((await state('reasons.concern.domesticAbuse')).text).toContain('Found: yes');
    // Entries of sections this page does not show are listed as such.
    expect((await panel.$$('[data-inspect-entry][data-state="not-on-page"]')).length).toBeGreaterThan(10);
    expect(await panel.$eval('[data-inspect-sections]', (ul) => (ul as HTMLElement).innerText)).toContain('reasons');
    expect(await panel.$eval('[data-inspect-coverage]', (s) => (s as HTMLElement).innerText)).toMatch(/The map reads \d+ facts/);
    // Shapes only: the page's narrative never appears in the panel.
    const narrative = await page.$eval('textarea', (t) => (t as HTMLTextAreaElement).value.trim().slice(0, 40));
    expect(await panel.evaluate(() => document.body.innerText)).not.toContain(narrative);
    await panel.screenshot({ path: join(SCREENSHOTS, 'inspect-panel.png'), fullPage: true });
  });

  it('Show me outlines the field an entry read', async () => {
    await panel.click('[data-show-entry="reasons.referralDate"]');
    await page.waitForFunction(() => document.activeElement?.id === 'f-reasons-referralDate', WAIT);
    await panel.waitForFunction(() => document.querySelector('[data-inspect-entry="reasons.referralDate"]')?.textContent?.includes('outlined'), WAIT);
  });

  it('Escape on the page stops picking', async () => {
    await panel.click('[data-pick-button]');
    await panel.waitForSelector('[data-pick="waiting"]', WAIT);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await panel.waitForSelector('[data-pick="idle"]', WAIT);
  });

  let proposed: Record<string, unknown>;
  it('picking a field proposes an entry for it; the click does not reach the page', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    proposed = await pickField('#f-reasons-assessmentStartDate');
    expect(proposed).toMatchObject({ find: { label: 'Date assessment started (decision to assess)' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] }, section: 'reasons' });
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('f-reasons-assessmentStartDate');
    expect(await panel.$eval('[data-proposal-notes]', (ul) => (ul as HTMLElement).innerText)).toContain('Replace');
    await panel.screenshot({ path: join(SCREENSHOTS, 'inspect-pick.png'), fullPage: true });
  });

  it('is plain and accessible: headings, named buttons, no axe violations, nothing scrolls sideways', async () => {
    const headings = await panel.$$eval('[data-inspect] h2, [data-inspect] h3', (hs) => hs.map((x) => x.textContent ?? ''));
    expect(headings).toEqual(expect.arrayContaining(['Inspect mode', 'Sections matched', 'Coverage', 'Pick a field']));
    const unnamed = await panel.$$eval('[data-inspect] button', (bs) => bs.filter((b) => (b.textContent ?? '').trim() === '').length);
    expect(unnamed).toBe(0);
    // The state is said in words, not only by the colour of the bar beside it.
    expect(await panel.$eval('[data-inspect-entry][data-state="found"]', (li) => (li as HTMLElement).innerText)).toMatch(/Found: /);
    expect(await violations(panel)).toEqual([]);
    expect(await sideways(panel)).toBe(false);
  });

  it('the proposed entry, pasted into a copy of the map and imported in options, reads that field', async () => {
    const map = demoMap();
    const fact = 'dates.assessmentDecision';
    const pasted = {
      ...map,
      id: 'council-picked',
      fields: [...map.fields.filter((f) => f.fact !== fact), { ...proposed, fact, id: 'picked' }],
    };
    const checked = validateFieldMap(pasted);
    expect(checked.ok, JSON.stringify(checked.ok ? [] : checked.errors)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'picked-')), 'picked-map.json');
    writeFileSync(file, JSON.stringify(pasted));
    await options.bringToFront();
    const input = await options.waitForSelector('input[type=file]', WAIT);
    await input!.uploadFile(file);
    await options.waitForFunction(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      return ((await c.storage.local.get('readerFieldMap')).readerFieldMap as { id?: string } | undefined)?.id === 'council-picked';
    }, { ...WAIT, polling: 100 });
    expect(await activeMapId(options)).toBe('council-picked');
    await page.bringToFront();
    // The case page already open reads again with the new map, without a refresh.
    await options.waitForFunction(
      async (id: string) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('assessment-companion');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        try {
          const row = await new Promise<{ record?: { provenance?: Record<string, { mapEntry?: string }> } } | undefined>((resolve) => {
            const get = db.transaction('records').objectStore('records').get(`lcs-demo:${id}`);
            get.onsuccess = () => resolve(get.result as never);
            get.onerror = () => resolve(undefined);
          });
          return row?.record?.provenance?.['dates.assessmentDecision']?.mapEntry === 'picked';
        } finally {
          db.close();
        }
      },
      { ...WAIT, polling: 250 },
      CASE,
    );
    await page.reload({ waitUntil: 'load' });
    await waitForPanelOn(panel, CASE, 'reasons');
    await panel.waitForSelector('[data-inspect-entry="picked"][data-state="found"]', WAIT);
    expect(await panel.$eval('[data-inspect-entry="picked"]', (li) => (li as HTMLElement).innerText)).toContain('Found: date');
    // What the picked entry read is in the stored record, as the date the page shows.
    const shown = await page.$eval('#f-reasons-assessmentStartDate', (i) => (i as HTMLInputElement).value);
    const [d, m, y] = shown.split('/');
    options = await openOptions();
    await options.waitForSelector(`[data-stored-assessment="${CASE}"] [data-fact="dates.assessmentDecision"]`, WAIT);
    const stored = await options.$eval(`[data-stored-assessment="${CASE}"] [data-fact="dates.assessmentDecision"]`, (tr) => tr.textContent ?? '');
    expect(stored).toContain(String(Number(d)));
    expect(stored).toContain(y);
    expect(m).toBeDefined();
  });
});

describe('stored assessments in the options page', () => {
  it('lists the read case with its facts, never its names or notes', async () => {
    const row = await options.waitForSelector(`[data-stored-assessment="${CASE}"]`, WAIT);
    await row!.$eval('summary', (s) => (s as HTMLElement).click());
    const text = await row!.evaluate((li) => (li as HTMLElement).innerText);
    expect(text).toContain('dates.referral');
    expect(text).toContain('22 Nov 2026');
    expect(text).toMatch(/Yes|No/);
    // The seed's people and narrative (on the page) are not in the list.
    const names = await page.$$eval('.person-banner dd, textarea', (els) => els.map((e) => ((e as HTMLTextAreaElement).value ?? e.textContent ?? '').trim()).filter((t) => t.split(/\s+/).length >= 2));
    for (const n of names) expect(text).not.toContain(n.slice(0, 30));
    await options.screenshot({ path: join(SCREENSHOTS, 'options-stored.png'), fullPage: true });
    expect(await violations(options)).toEqual([]);
  });

  it('deletes it after a confirm step', async () => {
    await options.click(`[data-stored-assessment="${CASE}"] [data-delete-assessment]`);
    const confirm = await options.waitForSelector(`[data-stored-assessment="${CASE}"] [data-confirm-delete]`, WAIT);
    // Still there until confirmed.
    expect(await options.$(`[data-stored-assessment="${CASE}"]`)).not.toBeNull();
    await confirm!.click();
    await options.waitForFunction((id: string) => document.querySelector(`[data-stored-assessment="${id}"]`) === null, WAIT, CASE);
    const left = await options.evaluate(
      (key: string) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('assessment-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('records').objectStore('records').get(key);
            get.onsuccess = () => resolve(get.result !== undefined);
            get.onerror = () => reject(get.error);
          };
        }),
      `lcs-demo:${CASE}`,
    );
    expect(left).toBe(false);
  });
});

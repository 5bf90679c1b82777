/**
 * Reading the case system in real Chromium: visiting the demo form section by section
 * builds a stored record equal to what the form holds; narratives never reach storage;
 * a field map with a mistake is refused with its JSON path and the last good map stays.
 */
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFacts, emptyRecord, type AssessmentRecord, type FactValue } from '../../lib/model';
import { startHarness, type Harness } from './harness';
import { E2E_WAIT_MS } from '../support/sizing';

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Everything the extension keeps: IndexedDB rows and extension storage, read from an extension page. */
async function storedEverything(panel: Page): Promise<{ records: Array<{ key: string; record: AssessmentRecord }>; local: unknown; session: unknown }> {
  return panel.evaluate(async () => {
    const records = await new Promise<Array<{ key: string; record: AssessmentRecord }>>((resolve, reject) => {
      const open = indexedDB.open('assessment-companion');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('records').objectStore('records').getAll();
        all.onsuccess = () => resolve(all.result as Array<{ key: string; record: AssessmentRecord }>);
        all.onerror = () => reject(all.error);
      };
    });
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> }; session: { get(k: null): Promise<unknown> } } } }).chrome;
    return { records, local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
  });
}

async function visitAll(formId: string): Promise<void> {
  for (const section of SECTIONS) {
    const page = await h.openCase(formId, section);
    // The panel follows this page once its read has been stored.
    await h.panel.waitForSelector(`[data-assessment="${formId}"][data-section="${section}"]`, { timeout: E2E_WAIT_MS });
    await page.close();
  }
}

function expectedRecord(formId: string): AssessmentRecord {
  let record = emptyRecord('lcs-demo', formId);
  const files = readdirSync(PAGES).filter((f) => f.startsWith(`${formId.toLowerCase()}-`) && f.endsWith('.expected.json'));
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const file of files) {
    const expected = JSON.parse(readFileSync(join(PAGES, file), 'utf8')) as { facts: Record<string, FactValue | null> };
    const result = applyFacts(record, Object.entries(expected.facts).map(([path, value]) => ({ path, value })));
    expect(result.rejected).toEqual([]);
    record = result.record;
  }
  return record;
}

/** Records compared as sets of facts: order of people and provenance do not matter. */
function normalise(record: AssessmentRecord): unknown {
  const { provenance: _provenance, ...rest } = record;
  const byId = <T extends { id: string }>(list: T[] | undefined) => list?.slice().sort((a, b) => a.id.localeCompare(b.id));
  return { ...rest, children: byId(rest.children), adults: byId(rest.adults) };
}

describe('reading the demo case system', () => {
  it('builds a stored record equal to what the form holds, section by section (SA-1002)', async () => {
    await visitAll('SA-1002');
    const { records } = await storedEverything(h.panel);
    const stored = records.find((r) => r.key === 'lcs-demo:SA-1002');
    expect(stored).toBeDefined();
    expect(normalise(stored!.record)).toEqual(normalise(expectedRecord('SA-1002')));
    // Provenance says where each fact was read: the page path without query, the section, the locator.
    const provenance = stored!.record.provenance ?? {};
    // The referral date shows on 2.2 and, read-only, on 2.9: the latest read is kept.
    expect(['/assessment/SA-1002/reasons', '/assessment/SA-1002/manager']).toContain(provenance['dates.referral']?.page);
    expect(provenance['background.genogram']?.page).toBe('/assessment/SA-1002/background/frame');
    for (const where of Object.values(provenance)) expect(where.page).not.toContain('?');
  });

  it('keeps no narrative text: a marker typed into every text box never reaches storage', async () => {
    const marker = `MARKER-${Date.now()}-zq`;
    for (const section of ['reasons', 'profile', 'views', 'analysis', 'background']) {
      const page = await h.openCase('SA-1001', section);
      const frames = page.frames();
      for (const frame of frames) {
        const boxes = await frame.$$('textarea');
        for (const box of boxes) await box.type(` "${marker} said the child"`);
      }
      // Wait for the panel to show this page's read, then leave.
      await h.panel.waitForSelector(`[data-assessment="SA-1001"][data-section="${section}"]`, { timeout: E2E_WAIT_MS });
      await new Promise((r) => setTimeout(r, 300));
      await page.close();
    }
    const everything = JSON.stringify(await storedEverything(h.panel));
    expect(everything).toContain('lcs-demo:SA-1001');
    expect(everything).not.toContain(marker);
    expect(await h.panel.evaluate(() => document.body.innerText)).not.toContain(marker);
  });

  it('refuses a field map with a mistake, naming its JSON path, and keeps the last good map', async () => {
    const options = await h.browser.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const activeMapId = () =>
      options.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        const s = { ...(await c.storage.local.get('readerFieldMap')), ...(await c.storage.local.get('activeFieldMapSource')) };
        return s.activeFieldMapSource === 'bundled' ? 'bundled' : ((s.readerFieldMap as { id?: string } | undefined)?.id ?? 'bundled');
      });
    const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as {
      id: string;
      version: string;
      fields: Array<{ fact: string }>;
    };
    const dir = mkdtempSync(join(tmpdir(), 'map-'));
    const upload = async (name: string, map: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(map));
      const input = await options.waitForSelector('input[type=file]');
      await input!.uploadFile(file);
    };
    // A good map from the council: it comes into use.
    await upload('good-map.json', { ...demo, id: 'council-map', version: '2.0.0' });
    await options.waitForFunction(() => document.body.innerText.includes('council-map'), { timeout: E2E_WAIT_MS });
    await options.waitForFunction(
      async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return ((await c.storage.local.get('readerFieldMap')).readerFieldMap as { id?: string } | undefined)?.id === 'council-map';
      },
      { timeout: E2E_WAIT_MS, polling: 100 },
    );
    // A map with a mistake: refused with its JSON path, and the good one stays in use.
    const bad = structuredClone(demo);
    bad.fields[3]!.fact = 'dates.refferal';
    await upload('bad-map.json', { ...bad, id: 'broken-map' });
    await options.waitForFunction(() => document.body.innerText.includes('$.fields[3].fact'), { timeout: E2E_WAIT_MS });
    expect(await activeMapId()).toBe('council-map');
    await options.close();
  });
});

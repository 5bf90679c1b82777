/**
 * A council brings its own procedure without a new build: a council pack imported in the
 * options page is checked, chosen, and used by the panel; a pack with a mistake is refused
 * with its JSON path and the last good one stays in force.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { WAIT, waitForItem, waitForPanelOn } from './panel-helpers';
import { E2E_WAIT_MS } from '../support/sizing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const wirral = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'rules', 'packs', 'wirral', 'wirral.json'), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'council-pack-'));

async function upload(options: Page, name: string, pack: unknown): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pack));
  const input = await options.waitForSelector('[data-council-pack] input[type=file]', WAIT);
  await input!.uploadFile(file);
}

function activePackVersion(options: Page): Promise<string | undefined> {
  return options.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await c.storage.local.get('activeCouncilPack')).activeCouncilPack as { version?: string } | undefined)?.version;
  });
}

describe('a council pack imported in the options page', () => {
  it('is checked, chosen and used by the panel; a pack with a mistake is refused and the last good one stays', async () => {
    const options = await h.browser.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await upload(options, 'testshire.json', { ...wirral, id: 'testshire', name: 'Testshire', version: '1.0' });
    await options.waitForFunction(() => document.querySelector('[data-council-pack-status]')?.textContent?.startsWith('In use') === true, { timeout: E2E_WAIT_MS, polling: 100 });
    expect(await options.evaluate(() => document.body.innerText)).toContain('Testshire (your council’s pack)');

    const page = await h.openCase('SA-1002', 'reasons');
    await waitForPanelOn(h.panel, 'SA-1002', 'reasons');
    await waitForItem(h.panel, '[data-deadlines]', 'testshire/assessment-30-days', true);
    // Folded under Technical details with the field map, so no versions sit in the worker's view.
    await h.panel.waitForFunction(
      () => document.querySelector('[data-council-pack]')?.textContent?.includes('Procedure in use: Testshire, your council’s pack version 1.0, imported in the options page.') === true,
      { timeout: E2E_WAIT_MS, polling: 100 },
    );

    // The background keeps the pack that passed.
    await options.waitForFunction(
      async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return (await c.storage.local.get('activeCouncilPack')).activeCouncilPack !== undefined;
      },
      { timeout: E2E_WAIT_MS, polling: 100 },
    );

    // A newer pack with a mistake: refused with its JSON path; the one in use does not change.
    const rules = structuredClone(wirral.rules) as Array<Record<string, unknown>>;
    rules[0]!.use = 'assessment-timescales';
    await options.bringToFront();
    await upload(options, 'testshire-2.json', { ...wirral, id: 'testshire', name: 'Testshire', version: '2.0', rules });
    await options.waitForFunction(() => document.querySelector('[data-council-pack] [role="alert"]')?.textContent?.includes('$.rules[0].use') === true, { timeout: E2E_WAIT_MS, polling: 100 });
    expect(await activePackVersion(options)).toBe('1.0');
    await page.bringToFront();
    await waitForItem(h.panel, '[data-deadlines]', 'testshire/assessment-30-days', true);
    expect(await h.panel.$eval('[data-council-pack]', (el) => el.textContent ?? '')).toContain('your council’s pack version 1.0');
    await page.close();
    await options.close();
  });
});

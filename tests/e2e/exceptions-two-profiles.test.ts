/**
 * Issue 23 item 7: an exception reaches the manager, with the case system as the shared
 * record. Two separate browser launches, each with its own profile (user-data dir), over
 * the same demo case system: the worker's computer and the manager's. The worker records
 * an exception in her panel and the exact line it gives her in the case system's notes; the
 * manager's panel, on her own computer that holds no note of it, shows it waiting for her,
 * and shows it accepted once she records her own line in the case system.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_TODAY, type Harness } from './harness';
import { WAIT, goTo, openWorkspace, save, showView, typeInto } from './panel-helpers';
import { startCaseSystem } from '../fixtures/case-system/server';

const RULE = 'derby/absent-parent-perspective';
/** Mark Example, SA-1001's father, who does not live with the child and has not been seen. */
const FATHER = '200103';
const ITEM = `li[data-rule-id="${RULE}"][data-subject="${FATHER}"]`;

let server: { url: string; close(): Promise<void> };
let worker: Harness;
let manager: Harness;
let workerPage: Page;
let workerPanel: Page;
let managerPage: Page;
let managerPanel: Page;
let line = '';

async function setRole(panel: Page, role: 'worker' | 'manager'): Promise<void> {
  await panel.evaluate(`(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), role: '${role}' } });
  })()`);
}

beforeAll(async () => {
  server = await startCaseSystem({ port: 0, today: TEST_TODAY });
  worker = await startHarness({ serverUrl: server.url });
  manager = await startHarness({ serverUrl: server.url });
});
afterAll(async () => {
  await worker?.close();
  await manager?.close();
  await server?.close();
});

describe('an exception reaches the manager through the case system', () => {
  it("the worker records an exception; her panel gives her the exact line for the case system's notes", async () => {
    ({ page: workerPage, panel: workerPanel } = await openWorkspace(worker, 'SA-1001', 'household'));
    await goTo(worker, workerPage, 'SA-1001', 'plan');
    await goTo(worker, workerPage, 'SA-1001', 'views');
    await showView(workerPanel, 'Manager view');
    const li = await workerPanel.waitForSelector(`[data-blocking] ${ITEM}:has([data-ack-form])`, WAIT);
    await li!.$eval('[data-ack-form] summary', (s) => (s as HTMLElement).click());
    await li!.$eval('[data-ack-form] input[value="parent-not-found"]', (r) => (r as HTMLInputElement).click());
    await li!.$eval('[data-ack-record]', (b) => (b as HTMLButtonElement).click());
    const given = await workerPanel.waitForSelector(`[data-blocking] ${ITEM} [data-ack-line="exception"]`, WAIT);
    line = await given!.evaluate((el) => (el as HTMLInputElement).value);
    expect(line).toMatch(/^Exception AC-[2-9A-HJ-NP-Z]{6}: Parent could not be found\. Step: See or hear from each parent who does not live with the child, for .+\.$/);
    const noted = await workerPanel.$eval(`[data-blocking] ${ITEM} .ack__text`, (el) => (el as HTMLElement).innerText);
    expect(noted).toMatch(/^Noted on this computer on \d+ \w+ 2026: Parent could not be found\. Not yet accepted\./);
    // The label names where this council's case system keeps it (the map's words).
    expect(await workerPanel.$eval(`[data-blocking] ${ITEM} .ack__line-label`, (el) => el.textContent)).toMatch(/record this line in the Case notes box/);

    // She records the line in the case system, as told: the extension itself never writes there.
    await goTo(worker, workerPage, 'SA-1001', 'plan');
    await typeInto(workerPage, 'plan.caseNotes', `Letters sent to last known address; no reply. ${line}`);
    await save(worker, workerPage, 'SA-1001', 'plan');
  });

  it("the manager's panel, on her own computer, shows the exception waiting for her", async () => {
    ({ page: managerPage, panel: managerPanel } = await openWorkspace(manager, 'SA-1001', 'household'));
    await goTo(manager, managerPage, 'SA-1001', 'views');
    await goTo(manager, managerPage, 'SA-1001', 'plan');
    await showView(managerPanel, 'Manager view');
    const recorded = await managerPanel.waitForSelector(`[data-blocking] ${ITEM} [data-ack-from="case-system"][data-acknowledged="awaiting"]`, WAIT);
    expect(await recorded!.$eval('.ack__text', (el) => (el as HTMLElement).innerText)).toBe(
      'Recorded in the case system: Parent could not be found. Waiting for a manager to accept it.',
    );
    // Her caseload says so too.
    const caseload = await manager.browser.newPage();
    await caseload.goto(`chrome-extension://${manager.extensionId}/caseload.html`, { waitUntil: 'load' });
    await caseload.waitForFunction(() => /waiting for a manager/.test((document.querySelector('[data-caseload-row="SA-1001"] [data-exceptions]') as HTMLElement | null)?.innerText ?? ''), WAIT);
    await caseload.close();
  });

  it('she records her acceptance in the case system; both computers then show it accepted by a manager in the case system', async () => {
    await setRole(managerPanel, 'manager');
    const acceptance = await managerPanel.waitForSelector(`[data-blocking] ${ITEM} [data-ack-line="acceptance"]`, WAIT);
    const acceptLine = await acceptance!.evaluate((el) => (el as HTMLInputElement).value);
    expect(acceptLine).toBe(`${line.split(':')[0]} accepted.`);
    await goTo(manager, managerPage, 'SA-1001', 'manager');
    await typeInto(managerPage, 'manager.exceptionsAccepted', acceptLine);
    await save(manager, managerPage, 'SA-1001', 'manager');
    const accepted = await managerPanel.waitForSelector(`[data-accepted] ${ITEM} [data-acknowledged="accepted"]`, WAIT);
    expect(await accepted!.$eval('.ack__text', (el) => (el as HTMLElement).innerText)).toMatch(/Accepted by a manager in the case system\.$/);

    // The worker's computer reads the same record.
    await goTo(worker, workerPage, 'SA-1001', 'manager');
    const seen = await workerPanel.waitForSelector(`[data-accepted] ${ITEM} [data-acknowledged="accepted"]`, WAIT);
    expect(await seen!.$eval('.ack__text', (el) => (el as HTMLElement).innerText)).toMatch(/^Recorded in the case system: Parent could not be found\. Accepted by a manager in the case system\.$/);
  });
});

/**
 * Small helpers for the panel's end-to-end tests: drive the demo case system like a
 * worker (type, choose, tick, save) and read what the side panel shows through its
 * data-* hooks. Every wait is on a condition, never a fixed sleep.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { TEST_TODAY, type Harness } from './harness';
import { caseUrl, waitForPanelOn } from '../../scripts/lib/case-page';
import { openPanelPage } from '../../scripts/lib/launch';
import { E2E_WAIT_MS } from '../support/sizing';

export const WAIT = { timeout: E2E_WAIT_MS } as const;

/** A moment on the harness's "today" (10:00 UK time, GMT in November). */
export const TEST_NOW = `${TEST_TODAY}T10:00:00Z`;

/**
 * Fixes the panel's clock at `iso` (time still moves on from there), then reloads the
 * panel. The panel evaluates with Date.now(); the demo case system's seed dates are
 * worked out from the harness's today, so the countdowns must be judged from the same day.
 */
export async function fixPanelClock(panel: Page, iso = TEST_NOW): Promise<void> {
  // A string, not a function: the test runner's transform may add helpers a page does not have.
  await panel.evaluateOnNewDocument(`(() => {
    const RealDate = Date;
    const offset = ${Date.parse(iso)} - RealDate.now();
    class FixedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...args);
      }
      static now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = FixedDate;
  })();`);
  await panel.reload({ waitUntil: 'load' });
  const year = await panel.evaluate(() => new Date().toISOString().slice(0, 10));
  if (year !== iso.slice(0, 10)) throw new Error(`the panel's clock was not fixed (it says ${year})`);
}

/**
 * Opens a case page, then the side panel's page in a window of its own beside it, as the
 * real side panel sits beside the page: both stay visible, so each takes clicks and keys
 * (a background tab draws no frames, and a click on it waits for one for ever). The panel
 * window is opened second so that the case page's tab stays in the first window. The
 * harness's own panel tab is closed so only one panel renders; `h.panel` becomes the new
 * one. The panel's clock is fixed as fixPanelClock says.
 */
export async function openWorkspace(
  h: Harness,
  formId: string,
  section: string,
  options: { clock?: string; query?: string; width?: number } = {},
): Promise<{ page: Page; panel: Page }> {
  const page = await h.openCase(formId, section);
  await h.panel.close().catch(() => undefined);
  const panel = await openPanelPage(h.browser, h.extensionOrigin, options.query ?? '', { ownWindow: true, ...(options.width ? { width: options.width } : {}) });
  h.panel = panel;
  await fixPanelClock(panel, options.clock ?? TEST_NOW);
  await waitForPanelOn(panel, formId, section);
  return { page, panel };
}

/** Waits until the panel follows this assessment and section and has read it (E2E_WAIT_MS at most). */
export { waitForPanelOn };

/** Moves the case tab to a section of a seed case and waits for the panel to follow. */
export async function goTo(h: Harness, page: Page, formId: string, section: string): Promise<void> {
  await page.goto(caseUrl(h.serverUrl, formId, section), { waitUntil: 'load' });
  await waitForPanelOn(h.panel, formId, section);
}

/** The 2.5 section's iframe. */
export async function backgroundFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.section-frame', WAIT);
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('2.5 iframe has no frame');
  await frame.waitForSelector('form', WAIT);
  return frame;
}

type Where = Page | Frame;

async function field(where: Where, name: string): Promise<ElementHandle<Element>> {
  const el = await where.waitForSelector(`[name="${name}"]`, WAIT);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

/** Types into a text box or textarea like a worker: select what is there, then type over it. */
export async function typeInto(where: Where, name: string, text: string): Promise<void> {
  const el = await field(where, name);
  await el.focus();
  await el.evaluate((e) => (e as HTMLInputElement).select());
  if (text === '') await el.press('Backspace');
  else await el.type(text);
}

/** Chooses an option of a select by its value. */
export async function choose(where: Where, name: string, value: string): Promise<void> {
  await where.select(`select[name="${name}"]`, value);
}

/** Clicks a radio button or checkbox with this name (and value, for groups). */
export async function tick(where: Where, name: string, value?: string): Promise<void> {
  const selector = value === undefined ? `input[name="${name}"]` : `input[name="${name}"][value="${value}"]`;
  const el = await where.waitForSelector(selector, WAIT);
  await el!.click();
}

/** Clicks the section's Save button and waits for the saved page (and the panel to read it). */
export async function save(h: Harness, page: Page, formId: string, section: string, where: Where = page): Promise<void> {
  const button = await where.waitForSelector('.form-actions button[type="submit"]', WAIT);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button!.click()]);
  await page.waitForSelector('[role="status"].banner', WAIT);
  await waitForPanelOn(h.panel, formId, section);
}

// ---------------------------------------------------------------- reading the panel

export interface Shown {
  ruleId: string;
  status: string;
  section: string;
  subject: string;
  text: string;
  due?: string;
}

/** The items in one part of the panel (`[data-missing-steps]`, `[data-not-read]`, `[data-deadlines]`, `[data-blocking]`). */
export async function items(panel: Page, part: string): Promise<Shown[]> {
  return panel.$$eval(`${part} li[data-rule-id]`, (lis) =>
    lis.map((li) => {
      const d = (li as HTMLElement).dataset;
      return {
        ruleId: d.ruleId ?? '',
        status: d.status ?? '',
        section: d.section ?? (li.closest('[data-section]') as HTMLElement | null)?.dataset.section ?? '',
        subject: d.subject ?? '',
        // A deadline folded under "All deadlines" is not drawn, so has no innerText: read its text.
        text: (li as HTMLElement).innerText || (li.textContent ?? ''),
        ...(d.due ? { due: d.due } : {}),
      };
    }),
  );
}

export const missing = (panel: Page) => items(panel, '[data-missing-steps]');
export const notRead = (panel: Page) => items(panel, '[data-not-read]');
export const deadlines = (panel: Page) => items(panel, '[data-deadlines]');

/** Waits until a part of the panel holds (or no longer holds) an item for this rule (and subject). */
export async function waitForItem(panel: Page, part: string, ruleId: string, present: boolean, subject?: string): Promise<void> {
  await panel.waitForFunction(
    (p: string, r: string, want: boolean, s: string | null) => {
      const found = [...document.querySelectorAll(`${p} li[data-rule-id="${r}"]`)].some(
        (li) => s === null || (li as HTMLElement).dataset.subject === s,
      );
      return found === want;
    },
    { ...WAIT, polling: 'mutation' },
    part,
    ruleId,
    present,
    subject ?? null,
  );
}

/** Waits until the deadline for this rule shows this state; returns its text. */
export async function waitForDeadline(panel: Page, ruleId: string, status: string, subject?: string): Promise<Shown> {
  await panel.waitForFunction(
    (r: string, st: string, s: string | null) =>
      [...document.querySelectorAll(`[data-deadlines] li[data-rule-id="${r}"]`)].some(
        (li) => (li as HTMLElement).dataset.status === st && (s === null || (li as HTMLElement).dataset.subject === s),
      ),
    { ...WAIT, polling: 'mutation' },
    ruleId,
    status,
    subject ?? null,
  );
  const found = (await deadlines(panel)).find((d) => d.ruleId === ruleId && d.status === status && (subject === undefined || d.subject === subject));
  if (!found) throw new Error(`deadline ${ruleId} went away`);
  return found;
}

/** Switches the panel's view with its tab. */
export async function showView(panel: Page, view: 'Worker view' | 'Manager view'): Promise<void> {
  const tabs = await panel.$$('[role="tab"]');
  for (const tab of tabs) {
    if ((await tab.evaluate((t) => t.textContent)) === view) {
      await tab.click();
      await panel.waitForFunction(
        (v: string) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === v,
        { ...WAIT, polling: 'mutation' },
        view,
      );
      return;
    }
  }
  throw new Error(`no tab ${view}`);
}

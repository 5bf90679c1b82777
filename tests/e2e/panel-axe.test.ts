/**
 * Accessibility of the real panel and options page in Chromium: axe finds no WCAG 2.2 AA
 * violations in the worker and manager views (with a real case loaded) or the options
 * page; at 200% zoom in a narrow side panel nothing scrolls sideways; and the panel works
 * by keyboard alone (Tab to the view tabs and a Show me button, arrows and Enter act).
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { WAIT, goTo, items, missing, openWorkspace, showView, waitForItem } from './panel-helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// SA-1002: Section 47, three children with a baby, an hours-long deadline, many open steps.
const CASE = 'SA-1002';

let h: Harness;
let page: Page;
let panel: Page;

beforeAll(async () => {
  h = await startHarness();
  ({ page, panel } = await openWorkspace(h, CASE, 'reasons'));
  for (const section of ['plan', 'child-protection', 'background', 'household']) await goTo(h, page, CASE, section);
  // Real content: deadlines, missing steps for children and adults, steps not read yet.
  await waitForItem(panel, '[data-missing-steps]', 'derby/parental-responsibility-established', true);
  await waitForItem(panel, '[data-missing-steps]', 'derby/safety-questions-asked', true);
});
afterAll(async () => {
  await h?.close();
});

async function violations(target: Page): Promise<string[]> {
  const result = await new AxePuppeteer(target).withTags(TAGS).analyze();
  // Axe really looked: plenty of checks passed.
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Is the page wider than its window (a sideways scroll bar)? Returns the widest offenders too. */
async function sidewaysScroll(target: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return target.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !el.closest('.visually-hidden');
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
  });
}

/** Presses Tab until the focused element matches, at most `max` times; returns how many presses. */
async function tabTo(target: Page, selector: string, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await target.keyboard.press('Tab');
    if (await target.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the panel and options page are accessible', () => {
  it('worker view: no axe violations', async () => {
    await showView(panel, 'Worker view');
    expect((await missing(panel)).length).toBeGreaterThan(0);
    expect((await items(panel, '[data-deadlines]')).length).toBeGreaterThan(0);
    expect(await violations(panel)).toEqual([]);
  });

  it('manager view: no axe violations', async () => {
    await showView(panel, 'Manager view');
    // The first line before a verdict (which parts to open, or progress), then the verdict.
    await panel.waitForSelector('[data-readiness]', WAIT);
    expect((await items(panel, '[data-blocking]')).length).toBeGreaterThan(0);
    expect(await violations(panel)).toEqual([]);
    if (await panel.$('[data-ask-readiness]')) {
      await panel.click('[data-ask-readiness]');
      await panel.waitForSelector('[data-readiness="not-ready"]', WAIT);
      expect(await violations(panel)).toEqual([]);
    }
    await showView(panel, 'Worker view');
  });

  it('options page: no axe violations', async () => {
    const options = await h.browser.newPage();
    try {
      await options.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'load' });
      await options.waitForSelector('h1', WAIT);
      await options.waitForSelector('input[type="radio"]', WAIT);
      expect(await violations(options)).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('at 200% zoom in a narrow panel nothing scrolls sideways (worker and manager views)', async () => {
    // 180 CSS px at twice the scale: a 360 px side panel zoomed to 200%.
    await panel.setViewport({ width: 180, height: 900, deviceScaleFactor: 2 });
    try {
      for (const view of ['Worker view', 'Manager view'] as const) {
        await showView(panel, view);
        const scroll = await sidewaysScroll(panel);
        expect({ view, ...scroll }).toEqual({ view, scrollWidth: scroll.clientWidth, clientWidth: scroll.clientWidth, wide: [] });
      }
    } finally {
      await panel.setViewport({ width: 420, height: 1100 });
      await showView(panel, 'Worker view');
    }
  });

  it('works by keyboard alone: Tab reaches the view tabs and a Show me button; arrows switch views; Enter shows the field', async () => {
    await panel.bringToFront();
    await panel.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    // The selected view tab is in the Tab order; arrows move between views.
    await tabTo(panel, '[role="tab"][aria-selected="true"]');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Worker view');
    await panel.keyboard.press('ArrowRight');
    await panel.waitForSelector('[data-readiness]', WAIT);
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Manager view');
    await panel.keyboard.press('ArrowLeft');
    await panel.waitForSelector('[data-missing-steps]', WAIT);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');

    // On to a Show me for a field on the open section (2.1); the focus ring shows.
    await tabTo(panel, '[data-show-me="here"]');
    const ring = await panel.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: style.outlineStyle, shadow: style.boxShadow, inView: document.activeElement!.getBoundingClientRect().bottom <= window.innerHeight };
    });
    expect(ring.outline === 'solid' || ring.shadow !== 'none').toBe(true);
    expect(ring.inView).toBe(true);
    const item = await panel.evaluate(() => document.activeElement?.closest('li[data-rule-id]')?.getAttribute('data-rule-id'));
    expect(item).toBeTruthy();
    await panel.keyboard.press('Enter');
    const result = await panel.waitForSelector(`li[data-rule-id="${item}"] [data-show-me-result]`, WAIT);
    expect(await result!.evaluate((el) => el.textContent)).toBe('The field is outlined on the page.');
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.style.outlineStyle === 'solid', { ...WAIT, polling: 50 });
  });
});

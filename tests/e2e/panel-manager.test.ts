/**
 * A manager checks readiness for sign-off. The panel only knows what it has read, so it says
 * which parts to open before any verdict. SA-1003 (complete, sent to the manager) is Ready for
 * sign-off; SA-1001 (part way, not sent yet) shows its progress, and Not ready when the manager
 * asks, each blocking item naming its section and child. The printed
 * summary carries the pack, its version and the date and time, and no narrative from the
 * host form.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../lib/rules';
import { startHarness, type Harness } from './harness';
import { WAIT, goTo, items, openWorkspace, showView, typeInto, waitForItem } from './panel-helpers';

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const MARKER = 'QZX-NARRATIVE-MARKER-7731';

let h: Harness;
let page: Page;
let panel: Page;

beforeAll(async () => {
  h = await startHarness();
  ({ page, panel } = await openWorkspace(h, 'SA-1003', 'household'));
  await showView(panel, 'Manager view');
});
afterAll(async () => {
  await h?.close();
});

async function readiness(): Promise<string | null> {
  await panel.waitForSelector('[data-readiness]', WAIT);
  return panel.$eval('[data-readiness]', (el) => el.getAttribute('data-readiness'));
}

async function visitEverySection(formId: string): Promise<void> {
  for (const section of SECTIONS) await goTo(h, page, formId, section);
  // 2.5's iframe reports on its own: wait until nothing blocks for want of reading.
  await panel.waitForFunction(
    () => ![...document.querySelectorAll('[data-blocking] li[data-status]')].some((li) => li.getAttribute('data-status') === 'unknown'),
    { ...WAIT, polling: 'mutation' },
  );
}

describe('a manager checks readiness for sign-off', () => {
  it('SA-1003, complete: which parts to open while parts are unread, then Ready for sign-off once every section is read', async () => {
    // Only 2.1 read so far: no verdict on parts not read; the manager is told which to open.
    expect(await readiness()).toBe('cannot-judge');
    expect(await panel.$eval('[data-readiness] h2', (el) => el.textContent)).toBe('Can’t judge yet');
    expect(await panel.$eval('[data-parts-to-open]', (el) => el.textContent)).toMatch(/^Open .*Outcomes in the case system first/);
    const unread = await items(panel, '[data-blocking]');
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((b) => b.status === 'unknown')).toBe(true);

    await visitEverySection('SA-1003');
    await panel.waitForSelector('[data-readiness="ready"]', WAIT);
    const title = await panel.$eval('[data-readiness] h2', (el) => el.textContent);
    expect(title).toBe('Ready for sign-off');
    expect(await items(panel, '[data-blocking]')).toEqual([]);
    expect(await panel.$eval('[data-blocking] h2', (el) => el.textContent)).toBe('Blocking sign-off (0)');
  });

  it('SA-1001 opened at 2.9: which parts to open, never “Not ready” on parts not read', async () => {
    await goTo(h, page, 'SA-1001', 'manager');
    expect(await readiness()).toBe('cannot-judge');
    const text = await panel.$eval('.screen-only', (el) => el.textContent ?? '');
    expect(text).toContain('Can’t judge yet');
    expect(text).not.toContain('Not ready');
    // A rule whose condition is not read yet is worded as a condition, never as a fact.
    expect(text).not.toMatch(/(^|[.?!])\s*An initial child protection conference is to be held/);
  });

  it('SA-1001, part way and not sent to the manager: progress; Not ready when the manager asks, each blocking item naming its section and child', async () => {
    await visitEverySection('SA-1001');
    await panel.waitForSelector('[data-readiness="in-progress"]', WAIT);
    expect(await panel.$eval('[data-readiness] h2', (el) => el.textContent)).toMatch(/^In progress: \d+ of \d+ steps done(, \d+ overdue)?$/);
    expect(await panel.$eval('.screen-only', (el) => el.textContent ?? '')).not.toContain('Not ready');
    await panel.click('[data-ask-readiness]');
    await panel.waitForSelector('[data-readiness="not-ready"]', WAIT);
    expect(await panel.$eval('[data-readiness] h2', (el) => el.textContent)).toBe('Not ready');

    const blocking = await items(panel, '[data-blocking]');
    expect(blocking.length).toBeGreaterThan(5);
    expect(blocking.every((b) => b.status === 'missing' || b.status === 'overdue')).toBe(true);
    // Every item says its section; those about a child or adult say who.
    for (const b of blocking) expect(b.text).toMatch(/Section\s+\S/);
    const seenAlone = blocking.find((b) => b.ruleId === 'derby/child-seen-alone');
    expect(seenAlone?.subject).toBe('200101');
    expect(seenAlone?.text).toContain('Section Assessment plan');
    expect(seenAlone?.text).toContain('Child TCE (subject child), aged 8');
    const ownWords = blocking.find((b) => b.ruleId === 'derby/child-own-words');
    expect(ownWords?.text).toContain('Section Child’s profile and story');
    expect(ownWords?.text).toContain('Child TCE (subject child), aged 8');
    const fatherPr = blocking.find((b) => b.ruleId === 'derby/parental-responsibility-established');
    expect(fatherPr?.text).toContain('Section Household and people');
    // Mother and father share initials: they are told apart by role alone.
    expect(fatherPr?.text).toContain('Adult Father');
    expect(fatherPr?.text).not.toContain('(ME)');
    // Derby's 5 working days to see the child alone is a Practice Trigger ("useful hints /
    // tips"): the overdue clock is shown, and never blocks sign-off (issue 22).
    expect(blocking.find((b) => b.ruleId === 'derby/child-seen-alone-5-working-days')).toBeUndefined();
  });

  it('prints a summary with the pack, its version and the date and time, and none of the host form’s narrative', async () => {
    // A narrative with a unique marker (and the child's own words, so the panel changes).
    await goTo(h, page, 'SA-1001', 'profile');
    await waitForItem(panel, '[data-blocking]', 'derby/child-own-words', true);
    await typeInto(page, 'profile.child.200101.story', `${MARKER} Test Child said "I like drawing with Mum" on the visit.`);
    await typeInto(page, 'profile.parentsProfile', `${MARKER} parents' profile`);
    await waitForItem(panel, '[data-blocking]', 'derby/child-own-words', false);

    // Narratives the host form holds now (typed or seeded) must not reach the panel.
    const narratives = await page.$$eval('textarea', (areas) => areas.map((a) => (a as HTMLTextAreaElement).value.trim()).filter((v) => v.length >= 12));
    expect(narratives.some((n) => n.includes(MARKER))).toBe(true);
    const screenHtml = await panel.content();
    expect(screenHtml).not.toContain(MARKER);
    for (const n of narratives) expect(screenHtml).not.toContain(n);

    expect(await panel.$('[data-print-summary]')).not.toBeNull();
    await panel.emulateMediaType('print');
    try {
      const shown = await panel.evaluate(() => ({
        summary: getComputedStyle(document.querySelector('.print-only')!).display,
        screen: getComputedStyle(document.querySelector('.screen-only')!).display,
        text: (document.querySelector('[data-print-summary]') as HTMLElement).innerText,
        all: document.body.innerText,
      }));
      expect(shown.summary).toBe('block');
      expect(shown.screen).toBe('none');
      const pack = getPack('derby')!;
      expect(shown.text).toContain('Single Assessment: readiness for sign-off');
      expect(shown.text).toContain('SA-1001');
      expect(shown.text).toContain(`${pack.name}, rules version ${pack.version}`);
      // Date and time, from the panel's clock (fixed at the harness's today).
      expect(shown.text).toMatch(/Generated\s+23 Nov 2026 at \d\d:\d\d/);
      expect(shown.text).toContain('Not ready');
      expect(shown.text).toContain('TCE (subject child), aged 8');
      expect(shown.all).not.toContain(MARKER);
      for (const n of narratives) expect(shown.all).not.toContain(n);
    } finally {
      await panel.emulateMediaType();
    }
  });
});

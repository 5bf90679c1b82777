/**
 * Issue 22, in real Chromium: a council's field map that never reads some facts (the ICPC
 * date, the agencies consulted, sharing without consent, the completion date). Once every
 * section is read, the manager's view blocks on nothing "not read yet" and lists what the
 * case system does not record under "Not checked with this case system", named in the verdict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { WAIT, goTo, items, openWorkspace, showView } from './panel-helpers';

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const NEVER = ['dates.icpc', 'background.agenciesConsulted', 'consent.sharedWithoutConsent', 'dates.completed'];

type Entry = { fact: string };
type DemoMap = { id: string; fields: Entry[]; groups: Array<{ fields: Entry[] }> };

function mapWithout(facts: readonly string[]): DemoMap {
  const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as DemoMap;
  const keep = (e: Entry) => !facts.includes(e.fact);
  return { ...demo, id: 'council-lcs', fields: demo.fields.filter(keep), groups: demo.groups.map((g) => ({ ...g, fields: g.fields.filter(keep) })) };
}

let h: Harness;
let panel: Page;

beforeAll(async () => {
  h = await startHarness();
  await h.panel.evaluate(async (fieldMap) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
    await c.storage.local.set({ settings: { fieldMap } });
  }, mapWithout(NEVER));
});
afterAll(async () => {
  await h?.close();
});

describe('a map that lacks some facts', () => {
  it('the manager view lists them as not checked with this case system, never as not read yet', async () => {
    const opened = await openWorkspace(h, 'SA-1003', 'household');
    panel = opened.panel;
    await showView(panel, 'Manager view');
    for (const section of SECTIONS) await goTo(h, opened.page, 'SA-1003', section);
    await panel.waitForFunction(
      () =>
        document.querySelector('[data-not-checked-here] li') !== null &&
        ![...document.querySelectorAll('[data-blocking] li[data-status]')].some((li) => li.getAttribute('data-status') === 'unknown'),
      { ...WAIT, polling: 'mutation' },
    );
    // The manager's view first, then the printed summary: the same list in both.
    const lists = await panel.$$eval('[data-not-checked-here]', (parts) => parts.map((p) => [...p.querySelectorAll('li')].map((li) => li.getAttribute('data-rule-id'))));
    expect(lists.length).toBe(2);
    const listed = lists[0] ?? [];
    expect(lists[1]).toEqual(listed);
    expect(listed).toContain('derby/conference-report');
    expect(listed).toContain('derby/other-agencies-consulted');
    const heading = await panel.$eval('[data-not-checked-here] h2', (el) => el.textContent);
    expect(heading).toBe(`Not checked with this case system (${listed.length})`);
    const blocking = await items(panel, '[data-blocking]');
    expect(blocking.filter((b) => b.status === 'unknown')).toEqual([]);
    const verdict = await panel.$eval('[data-readiness]', (el) => (el as HTMLElement).innerText);
    expect(verdict).toContain(`${listed.length} things this case system does not record: check them yourself`);
  });
});

import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { E2E_WAIT_MS } from '../support/sizing';
import { fixPanelClock } from './panel-helpers';
import { SEED_CASES } from '../fixtures/case-system/seed';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Read the overdue case's reasons (referral date) and analysis (completed date) pages.
  for (const section of ['reasons', 'analysis']) {
    const page = await h.openCase('SA-1004', section);
    await h.panel.waitForSelector(`[data-assessment="SA-1004"][data-section="${section}"]`, { timeout: E2E_WAIT_MS });
    await page.close();
  }
});
afterAll(async () => {
  await h?.close();
});

interface CdpNode {
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The badges as the worker sees them: read through the browser's debugger, which sees into closed shadow roots (page script cannot). */
async function badgesSeen(page: Page): Promise<Array<{ formId: string; text: string }>> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(text).join(''));
    const out: Array<{ formId: string; text: string }> = [];
    const walk = (n: CdpNode, formId: string): void => {
      const attrs = n.attributes ?? [];
      const at = attrs.indexOf('data-form-id');
      const id = at >= 0 ? (attrs[at + 1] ?? '') : formId;
      if (attrs.includes('data-assessment-companion-badge')) out.push({ formId: id, text: text(n) });
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, id);
    };
    walk(root, '');
    return out;
  } finally {
    await cdp.detach();
  }
}

describe('work tray badges', () => {
  it('shows the next deadline beside each assessment the extension has read, and nothing beside the others', async () => {
    const tray = await h.browser.newPage();
    await tray.goto(`${h.serverUrl}/`);
    const badge = await tray.waitForSelector('tr[data-form-id="SA-1004"] [data-assessment-companion-badge]', { timeout: E2E_WAIT_MS });
    // The badge sits in the Due column.
    expect(await badge!.evaluate((el) => el.closest('td')?.cellIndex)).toBe(6);
    const seen = await badgesSeen(tray);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.formId).toBe('SA-1004');
    expect(seen[0]?.text).toMatch(/Overdue: \d{1,2} \w{3} 2026/);
    await tray.close();
  });

  it('page script cannot read a badge, and rows it adds later get none', async () => {
    const tray = await h.browser.newPage();
    // The case system's page is changed before load so the tray does not list SA-1004 at first.
    await tray.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const row = document.querySelector('tr[data-form-id="SA-1004"]');
        (window as unknown as { held: Element | null }).held = row;
        row?.remove();
      });
    });
    await tray.goto(`${h.serverUrl}/`, { waitUntil: 'load' });
    // Wait for the reader to have read the tray (it marks nothing: wait for its page message's effect in the panel).
    await new Promise((r) => setTimeout(r, 1500));
    // As the attack did: insert guessed rows, then look for what the extension adds.
    const found = await tray.evaluate(async () => {
      const body = document.querySelector('tbody')!;
      const held = (window as unknown as { held: HTMLTableRowElement }).held;
      body.appendChild(held);
      for (let i = 0; i < 200; i += 1) {
        const copy = held.cloneNode(true) as HTMLTableRowElement;
        copy.setAttribute('data-form-id', `SA-${2000 + i}`);
        body.appendChild(copy);
      }
      await new Promise((r) => setTimeout(r, 2000));
      return [...document.querySelectorAll('[data-assessment-companion-badge]')].map((b) => ({
        row: b.closest('tr')?.getAttribute('data-form-id'),
        text: b.textContent,
        open: b.shadowRoot !== null,
        attrs: [...b.attributes].map((a) => `${a.name}=${a.value}`),
      }));
    });
    for (const b of found) {
      expect(b.row).not.toBe('SA-1004');
      expect(b.text).toBe('');
      expect(b.open).toBe(false);
      expect(b.attrs).toEqual(['data-assessment-companion-badge=']);
    }
    expect((await badgesSeen(tray)).map((b) => b.formId)).not.toContain('SA-1004');
    expect(JSON.stringify(await tray.evaluate(() => document.body.innerText))).not.toMatch(/Overdue|Due soon|On track/);
    await tray.close();
  });
});

describe("a manager's caseload from the team's work tray (issue 23 item 8)", () => {
  it('lists every assessment the tray shows, with its worker and clock, "not opened on this computer" until it is', async () => {
    const tray = await h.browser.newPage();
    await tray.goto(`${h.serverUrl}/`);
    await tray.waitForSelector('tr[data-form-id="SA-1004"] [data-assessment-companion-badge]', { timeout: E2E_WAIT_MS });
    const caseload = await h.browser.newPage();
    await caseload.setViewport({ width: 1200, height: 900 });
    await caseload.goto(`${h.extensionOrigin}caseload.html`, { waitUntil: 'load' });
    await fixPanelClock(caseload);
    await caseload.waitForFunction((n: number) => document.querySelectorAll('[data-caseload-row]').length === n, { timeout: E2E_WAIT_MS }, SEED_CASES.length);
    const rows = await caseload.$$eval('[data-caseload-row]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-caseload-row'),
        opened: tr.getAttribute('data-opened'),
        state: tr.getAttribute('data-state'),
        worker: (tr.querySelector('[data-worker]') as HTMLElement).innerText,
        signOff: (tr.querySelector('[data-sign-off]') as HTMLElement).innerText,
        text: (tr as HTMLElement).innerText,
      })),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...SEED_CASES]);
    for (const r of rows) {
      expect(r.worker).toBe('Demo Worker');
      if (r.id === 'SA-1004') {
        expect(r.opened).toBe('yes');
        continue;
      }
      expect(r).toMatchObject({ opened: 'no', signOff: 'Not opened on this computer' });
      // Its statutory clock, worked out from the referral date the tray shows: a running deadline, never "not read yet".
      expect(r.state).toMatch(/^(on-track|due-soon|due-today|overdue)$/);
      expect(r.text).toMatch(/Assessment completed/);
    }
    // Section 47 is flagged from the type the tray shows.
    expect(await caseload.$$eval('[data-caseload-row][data-section-47]', (trs) => trs.map((tr) => tr.getAttribute('data-caseload-row')))).toContain('SA-1002');
    await caseload.screenshot({ path: '/tmp/caseload-tray.png' });
    await caseload.close();
    await tray.close();
  });
});

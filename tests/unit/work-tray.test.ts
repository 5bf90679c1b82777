import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkTray } from '../../lib/adapters/extractor';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import demoMap from '../../lib/adapters/maps/lcs-demo.json';
import { badgeContent, showTrayBadges } from '../../lib/content/tray-badges';
import { startCaseSystem } from '../fixtures/case-system/server';
import { SEED_CASES } from '../fixtures/case-system/seed';

let server: Awaited<ReturnType<typeof startCaseSystem>>;
let map: FieldMap;
beforeAll(async () => {
  server = await startCaseSystem({ port: 0, today: '2026-11-23' });
  const valid = validateFieldMap(demoMap);
  if (!valid.ok) throw new Error('demo map invalid');
  map = valid.map;
});
afterAll(async () => {
  await server.close();
});

async function trayDocument(): Promise<Document> {
  const html = await (await fetch(`${server.url}/`)).text();
  return new JSDOM(html, { url: `${server.url}/` }).window.document;
}

describe('work tray', () => {
  it('reads each listed assessment id and finds the Due cell for its badge', async () => {
    const doc = await trayDocument();
    const rows = readWorkTray(doc, `${server.url}/`, map);
    expect(rows?.map((r) => r.assessmentId)).toEqual([...SEED_CASES]);
    const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent);
    const dueColumn = headers.indexOf('Due');
    expect(rows?.[0]?.badgeCell).toBe(rows?.[0]?.row.children[dueColumn]);
  });

  it('is not an assessment page, and an assessment page is not the tray', async () => {
    const doc = await trayDocument();
    expect(readWorkTray(doc, `${server.url}/assessment/SA-1001/plan`, map)).toBeNull();
  });

  it('shows badges as text, once, and only for assessments with a record', async () => {
    const doc = await trayDocument();
    const rows = readWorkTray(doc, `${server.url}/`, map) ?? [];
    const reply = {
      badges: [
        { assessmentId: 'SA-1004', text: 'Overdue: 2 Nov 2026', state: 'overdue', label: 'next deadline overdue' },
        { assessmentId: 'SA-1001', text: '<img src=x onerror=alert(1)>', state: 'on-track', label: 'x' },
      ],
    };
    expect(showTrayBadges(doc, rows, reply)).toBe(2);
    expect(showTrayBadges(doc, rows, reply)).toBe(2);
    const badges = doc.querySelectorAll('[data-assessment-companion-badge]');
    expect(badges).toHaveLength(2);
    expect(doc.querySelector('img')).toBeNull();
    const overdue = doc.querySelector('tr[data-form-id="SA-1004"] [data-assessment-companion-badge]')!;
    expect(badgeContent(overdue)?.state).toBe('overdue');
    expect(badgeContent(overdue)?.text).toContain('Overdue: 2 Nov 2026');
    expect(badgeContent(overdue)?.text).toContain('Assessment Companion');
    // The page's own script finds an empty element: no state, no text, no way into the closed shadow root.
    expect(overdue.textContent).toBe('');
    expect(overdue.getAttribute('data-assessment-companion-badge')).toBe('');
    expect(overdue.shadowRoot).toBeNull();
    expect(doc.querySelector('tr[data-form-id="SA-1004"]')?.textContent).not.toContain('Overdue');
    expect(showTrayBadges(doc, rows, { nonsense: true })).toBe(0);
    expect(doc.querySelectorAll('[data-assessment-companion-badge]')).toHaveLength(0);
  });
});

import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../lib/adapters/extractor';
import { validateFieldMap, type FieldMap } from '../../lib/adapters/field-map-schema';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';
import { expectedFacts, FIXTURE_TODAY } from '../fixtures/pages/save-pages';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';

// lcs-demo.json against the demo case system as it is now (not the saved pages): every
// section of every seed case, read as the browser would (frames included), must give
// the facts FIELDS.md says. Catches the demo's markup moving away from the map.

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const validated = validateFieldMap(mapJson);
if (!validated.ok) throw new Error('lcs-demo.json is invalid');
const map: FieldMap = validated.map;

let cs: CaseSystem;
beforeAll(async () => {
  cs = await startCaseSystem({ port: 0, today: FIXTURE_TODAY });
});
afterAll(async () => {
  await cs.close();
});

async function text(path: string): Promise<string> {
  const res = await fetch(cs.url + path);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('lcs-demo.json on the live demo case system', () => {
  it('reads every section of every seed case as FIELDS.md says', async () => {
    const ids = (await (await fetch(`${cs.url}/api/assessments`)).json()) as string[] | { formId: string }[];
    const formIds = ids.map((x) => (typeof x === 'string' ? x : x.formId));
    expect(formIds.length).toBeGreaterThanOrEqual(5);
    for (const formId of formIds) {
      const api = JSON.parse(await text(`/api/assessment/${formId}`)) as Parameters<typeof expectedFacts>[0];
      for (const section of SECTIONS) {
        const path = `/assessment/${formId}/${section}`;
        const doc = new JSDOM(await text(path), { url: cs.url + path }).window.document;
        const frames = new Map<string, Document>();
        for (const f of doc.querySelectorAll('iframe')) {
          const src = f.getAttribute('src') ?? '';
          frames.set(src, new JSDOM(await text(src), { url: cs.url + src }).window.document);
        }
        const result = extract(doc, cs.url + path, map, new Date(`${FIXTURE_TODAY}T12:00:00Z`), { frames: (f) => frames.get(f.getAttribute('src') ?? '') });
        expect(result, path).not.toBeNull();
        expect(result?.assessmentId).toBe(formId);
        expect(Object.fromEntries(result?.facts.map((f) => [f.path, f.value]) ?? []), path).toEqual(expectedFacts(api, section));
        expect(result?.notFoundDetails.filter((n) => !n.reason.startsWith('no rows')), path).toEqual([]);
      }
    }
  });
});

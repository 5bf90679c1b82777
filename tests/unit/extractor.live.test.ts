import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';
import { expectedFacts, FIXTURE_TODAY } from '../fixtures/pages/save-pages';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';
import { DEMO_SECTIONS, demoPageText, readDemoPage } from '../support/read-demo-page';

// lcs-demo.json against the demo case system as it is now (not the saved pages): every
// section of every seed case, read as the browser would (frames included), must give
// the facts FIELDS.md says. Catches the demo's markup moving away from the map.

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

const text = (path: string) => demoPageText(cs, path);

describe('lcs-demo.json on the live demo case system', () => {
  it('reads every section of every seed case as FIELDS.md says', async () => {
    const ids = (await (await fetch(`${cs.url}/api/assessments`)).json()) as string[] | { formId: string }[];
    const formIds = ids.map((x) => (typeof x === 'string' ? x : x.formId));
    expect(formIds.length).toBeGreaterThanOrEqual(5);
    for (const formId of formIds) {
      const api = JSON.parse(await text(`/api/assessment/${formId}`)) as Parameters<typeof expectedFacts>[0];
      for (const section of DEMO_SECTIONS) {
        const path = `/assessment/${formId}/${section}`;
        const result = await readDemoPage(cs, path, map, FIXTURE_TODAY);
        expect(result, path).not.toBeNull();
        expect(result?.assessmentId).toBe(formId);
        expect(Object.fromEntries(result?.facts.map((f) => [f.path, f.value]) ?? []), path).toEqual(expectedFacts(api, section));
        expect(result?.notFoundDetails.filter((n) => !n.reason.startsWith('no rows')), path).toEqual([]);
      }
    }
  });
});

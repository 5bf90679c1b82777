// Reads one page of the running demo case system as the browser would (its frames too)
// with a field map, in node: for tests that check the demo's seed cases through the map.
import { JSDOM } from 'jsdom';
import { extract } from '../../lib/adapters/extractor';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import type { CaseSystem } from '../fixtures/case-system/server';

/** The demo form's ten parts, in order. */
export const DEMO_SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];

export async function demoPageText(cs: CaseSystem, path: string): Promise<string> {
  const res = await fetch(cs.url + path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return res.text();
}

export async function readDemoPage(cs: CaseSystem, path: string, map: FieldMap, today: string): Promise<ReturnType<typeof extract>> {
  const doc = new JSDOM(await demoPageText(cs, path), { url: cs.url + path }).window.document;
  const frames = new Map<string, Document>();
  for (const f of doc.querySelectorAll('iframe')) {
    const src = f.getAttribute('src') ?? '';
    frames.set(src, new JSDOM(await demoPageText(cs, src), { url: cs.url + src }).window.document);
  }
  return extract(doc, cs.url + path, map, new Date(`${today}T12:00:00Z`), { frames: (f) => frames.get(f.getAttribute('src') ?? '') });
}

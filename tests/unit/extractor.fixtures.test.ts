import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, identifyPage, locateField, type ExtractResult } from '../../lib/adapters/extractor';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import { FactValueSchema, applyFacts, emptyRecord, parseRecord, type FactUpdate } from '../../lib/model';
import { FactsMessageSchema } from '../../lib/messages';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';

// Every saved page of the demo case system must yield exactly the facts in its
// `.expected.json` (worked out from the server's raw values by save-pages.ts, not by
// the extractor), with provenance, and none of its narrative text.

const DIR = new URL('../fixtures/pages/', import.meta.url);
const ORIGIN = 'http://localhost:4173';
const NOW = new Date('2026-11-23T12:00:00Z');

interface Expected {
  path: string;
  frames?: Record<string, string>;
  assessmentId: string;
  personId?: string;
  sections: string[];
  facts: Record<string, unknown>;
  missing?: string[];
}

const validated = validateFieldMap(mapJson);
if (!validated.ok) throw new Error(`lcs-demo.json is invalid: ${JSON.stringify(validated.errors)}`);
const map: FieldMap = validated.map;

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({ name: f.replace('.expected.json', ''), expected: JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Expected }));

export function loadPage(name: string, path: string): Document {
  return new JSDOM(readFileSync(new URL(`${name}.html`, DIR), 'utf8'), { url: ORIGIN + path }).window.document;
}

function framesFor(expected: Expected) {
  return (frame: Element): Document | undefined => {
    const src = frame.getAttribute('src') ?? '';
    const file = expected.frames?.[src];
    return file ? new JSDOM(readFileSync(new URL(file, DIR), 'utf8'), { url: ORIGIN + src }).window.document : undefined;
  };
}

function asObject(facts: readonly FactUpdate[]): Record<string, unknown> {
  return Object.fromEntries(facts.map((f) => [f.path, f.value]));
}

/** Narrative and names on a page: textareas, free-text boxes of several words, people's names. */
function secrets(doc: Document): string[] {
  const out: string[] = [];
  for (const t of doc.querySelectorAll('textarea')) out.push(t.value);
  for (const i of doc.querySelectorAll('input[type=text]')) out.push((i as HTMLInputElement).value);
  for (const th of doc.querySelectorAll('tr[data-person-id] th[scope=row]')) out.push(th.textContent ?? '');
  for (const dd of doc.querySelectorAll('dd.person-name, dd.prose')) out.push(dd.textContent ?? '');
  return out.map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 2);
}

describe('lcs-demo.json on the saved demo pages', () => {
  it('there are fixture pages for every section and the frame', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const s of ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes']) {
      expect(cases.some((c) => c.expected.sections.includes(s))).toBe(true);
    }
  });

  it('a content script in every frame: the outer 2.5 page reads its header only, the frame page reads the rest', () => {
    const outer = cases.find((c) => c.name === 'sa-1003-background')!.expected;
    const inner = cases.find((c) => c.name === 'sa-1003-background-frame')!.expected;
    const top = extract(loadPage('sa-1003-background', outer.path), ORIGIN + outer.path, map, NOW, { frames: false })!;
    expect(asObject(top.facts)).toEqual({ personId: outer.personId, kind: outer.facts.kind });
    expect(top.notFound).toEqual([]);
    const frame = extract(loadPage('sa-1003-background-frame', inner.path), ORIGIN + inner.path, map, NOW, { frames: false })!;
    expect({ ...asObject(top.facts), ...asObject(frame.facts) }).toEqual(outer.facts);
  });

  for (const { name, expected } of cases) {
    describe(name, () => {
      const doc = loadPage(name, expected.path);
      const result = extract(doc, ORIGIN + expected.path, map, NOW, { frames: framesFor(expected) }) as ExtractResult;

      it('is recognised, with its assessment, person and section', () => {
        expect(result).not.toBeNull();
        expect(result.assessmentId).toBe(expected.assessmentId);
        expect(result.personId).toBe(expected.personId);
        expect(result.sections).toEqual(expected.sections);
        expect(identifyPage(doc, ORIGIN + expected.path, map, { frames: framesFor(expected) })).toMatchObject({
          assessmentId: expected.assessmentId,
          section: expected.sections[0],
        });
      });

      it('yields exactly the expected facts', () => {
        expect(asObject(result.facts)).toEqual(expected.facts);
        // A group whose people this page has none of (an unborn baby gives no views) finds no rows; nothing else may miss.
        expect(result.notFoundDetails.filter((n) => !n.reason.startsWith('no rows') && !expected.missing?.includes(n.fact))).toEqual([]);
      });

      it('gives provenance for every fact, with the URL path only', () => {
        for (const f of result.facts) {
          const p = result.provenance[f.path];
          expect(p, f.path).toBeDefined();
          expect(p?.page).toBe(expected.path);
          expect(p?.readAt).toBe(NOW.toISOString());
          expect(p?.locator.length).toBeGreaterThan(3);
          if (f.path !== 'personId' && f.path !== 'kind') expect(p?.section).toBe(expected.sections[0]);
        }
      });

      it('merges into a valid assessment record', () => {
        for (const f of result.facts) expect(FactValueSchema.nullable().safeParse(f.value).success, f.path).toBe(true);
        const { record, rejected } = applyFacts(emptyRecord(map.caseSystem, result.assessmentId), result.facts, result.provenance);
        expect(rejected).toEqual([]);
        expect(parseRecord(record).ok).toBe(true);
      });

      it('makes a facts message the background accepts (the content script sends these fields as they are)', () => {
        const message = {
          type: 'facts',
          caseSystem: map.caseSystem,
          mapId: map.id,
          assessmentId: result.assessmentId,
          ...(result.personId ? { personId: result.personId } : {}),
          ...(result.section ? { section: result.section } : {}),
          pagePath: expected.path,
          topFrame: true,
          facts: result.facts,
          provenance: result.provenance,
          notFound: result.notFound,
        };
        const parsed = FactsMessageSchema.safeParse(message);
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
      });

      it('keeps no narrative text or names', () => {
        const json = JSON.stringify(result);
        const frameDocs = Object.entries(expected.frames ?? {}).map(([src, file]) => new JSDOM(readFileSync(new URL(file, DIR), 'utf8'), { url: ORIGIN + src }).window.document);
        for (const secret of [doc, ...frameDocs].flatMap(secrets)) expect(json).not.toContain(secret);
      });

      it('"Show me" finds the element of every fact it read', () => {
        for (const f of result.facts) {
          const el = locateField(doc, map, f.path, { url: ORIGIN + expected.path, frames: framesFor(expected) });
          expect(el, f.path).not.toBeNull();
        }
      });
    });
  }
});

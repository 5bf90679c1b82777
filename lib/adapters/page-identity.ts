// Page identity: is this an assessment page the map recognises, which assessment and
// person it is about, and which model sections it shows.

import type { FormSection } from '../model/section-names';
import type { FieldMap, IdSource, SectionEntry } from './field-map-schema';
import { describeLocator } from './locate';
import { readElement } from './read';
import { finderFor, locate, makeContext, rootScopes, docsIn, textMatch, urlMatches, type Ctx, type ExtractOptions, type Scope } from './read-state';
import { compileRegex, tidy } from './text';

export interface PageIdentity {
  mapId: string;
  caseSystem: string;
  assessmentId: string;
  personId?: string;
  /** The model section this page shows (the first, when it shows several). */
  section?: FormSection;
  /** Every model section this page shows; empty when it is an assessment page the map has no section for. */
  sections: FormSection[];
}

// Ids become part of fact paths (`children[<id>]`): plain characters only.
const ID = /^[A-Za-z0-9._:-]{1,100}$/;
// An id read from the page's text, not its address: case systems number their records, and a
// word of a heading (a child's first name) has no digit (map-checks.ts warns of such a map).
const TEXT_ID = /\d/;

export function cleanId(text: string | null | undefined, pattern: string | undefined): { id: string } | { reason: string } | null {
  if (text === null || text === undefined) return null;
  let t = tidy(text);
  if (t === '') return null;
  if (pattern !== undefined) {
    const m = compileRegex(pattern)?.exec(t);
    if (!m) return { reason: 'the text does not match the id pattern' };
    t = tidy(m[1] ?? m[0]);
  }
  return ID.test(t) ? { id: t } : { reason: 'not an id of letters, digits, ".", "_", ":" or "-"' };
}

function readId(ctx: Ctx, src: IdSource): { id: string; how: string } | null {
  if (src.url !== undefined) {
    const m = compileRegex(src.url)?.exec(ctx.rel);
    let raw = m ? (m[1] ?? null) : null;
    if (raw !== null) {
      try {
        raw = decodeURIComponent(raw);
      } catch {
        /* keep as written */
      }
    }
    const r = cleanId(raw, undefined);
    return r && 'id' in r ? { id: r.id, how: `url ${JSON.stringify(src.url)}` } : null;
  }
  if (!src.find) return null;
  let found: { el: Element; scope: Scope } | null = null;
  try {
    found = locate(ctx, src.find, rootScopes(docsIn(ctx, src.frame)) ?? []);
  } catch {
    return null;
  }
  if (!found) return null;
  const read = readElement(ctx.memo, found.el, src.read ?? 'auto');
  if (!read.ok || typeof read.raw !== 'string') return null;
  const r = cleanId(read.raw, src.pattern);
  // Text on the page (a heading's first word, a child's first name) is an id only with a digit in it.
  return r && 'id' in r && TEXT_ID.test(r.id) ? { id: r.id, how: describeLocator(src.find) } : null;
}

export interface Identified extends PageIdentity {
  matched: SectionEntry[];
  personHow?: string;
}

export function identify(ctx: Ctx): Identified | null {
  const steps = identifySteps(ctx);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * identify() one step at a time: it pauses after reading the ids and after looking for
 * each section's heading, as each may search the whole page (on a page of 30,000
 * elements, a search for headings takes some 6 ms).
 */
export function* identifySteps(ctx: Ctx): Generator<void, Identified | null> {
  const { map } = ctx;
  if (!urlMatches(map.page.url, ctx.rel)) return null;
  const assessment = readId(ctx, map.page.assessmentId);
  if (!assessment) return null;
  const person = map.page.personId ? readId(ctx, map.page.personId) : null;
  const matched: SectionEntry[] = [];
  for (const s of map.sections) {
    if (s.url !== undefined && !urlMatches(s.url, ctx.rel)) continue;
    if (s.heading === undefined) {
      matched.push(s);
      continue;
    }
    yield;
    const { text, mode } = textMatch(s.heading);
    if ((rootScopes(docsIn(ctx, s.frame)) ?? []).some((scope) => finderFor(ctx, scope).headings(text, mode).length > 0)) matched.push(s);
  }
  const sections = [...new Set(matched.map((s) => s.id))];
  const out: Identified = { mapId: map.id, caseSystem: map.caseSystem, assessmentId: assessment.id, sections, matched };
  if (sections[0]) out.section = sections[0];
  if (person) {
    out.personId = person.id;
    out.personHow = person.how;
  }
  return out;
}

/**
 * Is this an assessment page the map recognises? Gives the assessment id, the
 * subject's person id (when the map says where it is) and the model sections shown;
 * null for any other page.
 */
export function identifyPage(doc: Document, url: string, map: FieldMap, options?: ExtractOptions): PageIdentity | null {
  const found = identify(makeContext(doc, url, map, options));
  if (!found) return null;
  const { matched: _matched, personHow: _personHow, ...identity } = found;
  return identity;
}


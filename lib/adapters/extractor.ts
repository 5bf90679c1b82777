// The extractor: host page + field map → facts + provenance. Pure DOM code that runs
// in the content script (no zod: the map was validated by the background before it
// got here), in node with jsdom (tests, `npm run extract`) and on saved pages.
//
// Three states (assessment-model.md): a field found and filled gives its value, a
// field found and blank gives null, a field not on this page gives nothing at all.
// Narrative text is read only to derive facts (non-empty, quoted speech) and dropped.

// The parts, each in its own module: read-state (the read's own state and caches),
// page-identity, entries, groups, show-me, work-tray.

import type { FactUpdate, FactValue } from '../model/facts';
import type { FieldMap, FrameSpec } from './field-map-schema';
import { frameElementMatches, frameLabel } from './locate';
import { Output, inOrder, iso, readEntry, type EntryRun, type FactProvenance, type NotFound, type NotFoundDetail } from './entries';
import { readGroup } from './groups';
import { identifySteps, type PageIdentity } from './page-identity';
import { docsIn, frameWords, makeContext, rootScopes, sectionScopes, type Ctx, type ExtractOptions, type ReadProgress } from './read-state';

export type { FactProvenance, NotFound, NotFoundDetail } from './entries';
export { identifyPage, type PageIdentity } from './page-identity';
export { ReadCache, type ExtractOptions, type ReadProgress } from './read-state';
export { hiddenBy, locateField } from './show-me';
export { readWorkTray, type WorkTrayRow } from './work-tray';

export interface ExtractResult extends PageIdentity {
  /** Concrete fact paths, in the map's order: e.g. `dates.referral`, `children[P1002].bedroomSeen`. */
  facts: FactUpdate[];
  /** Keyed by fact path. */
  provenance: Record<string, FactProvenance>;
  /** Entries that found nothing here (or nothing readable): `{ entry, fact }`. */
  notFound: NotFound[];
  /** The same entries with the reason for each, in the same order. */
  notFoundDetails: NotFoundDetail[];
}

/**
 * Reads every fact the map places on this page. `now` stamps the provenance (tests pass
 * a fixed clock). Null when the page is not an assessment page the map recognises.
 */
export function extract(doc: Document, url: string, map: FieldMap, now: Date, options?: ExtractOptions): ExtractResult | null {
  const steps = extractSteps(doc, url, map, now, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** What a read in steps has found so far (the same object at every step; facts in reading order). */
export interface ReadSoFar {
  /** Undefined while the page is still being identified. */
  identity: PageIdentity | undefined;
  /** The rows of people and the other fields read so far, of those found so far. */
  progress: ReadProgress;
  values: ReadonlyMap<string, FactValue | null>;
  provenance: ReadonlyMap<string, FactProvenance>;
}

/**
 * extract() one step at a time: it pauses after identifying the page, after finding a
 * group's rows, after each row and field, so a caller can hand the thread back to the
 * page between slices of a large read (the page reader does). Gives null at once for a
 * page the map does not recognise. The page may change between steps: a caller that
 * sees a change reads again.
 */
export function* extractSteps(doc: Document, url: string, map: FieldMap, now: Date, options?: ExtractOptions): Generator<ReadSoFar, ExtractResult | null> {
  const ctx = makeContext(doc, url, map, options);
  const out = new Output();
  const soFar: ReadSoFar = { identity: undefined, progress: ctx.progress, values: out.values, provenance: out.provenance };
  // Identifying the page may search all of it more than once: in steps too.
  const identifying = identifySteps(ctx);
  let identified = identifying.next();
  while (!identified.done) {
    yield soFar;
    identified = identifying.next();
  }
  const found = identified.value;
  if (!found) return null;
  const { matched, personHow, ...identity } = found;
  soFar.identity = identity;
  if (identity.personId !== undefined) ctx.subjectId = identity.personId;
  const readAt = iso(now);
  if (identity.personId !== undefined) {
    out.emit('personId', identity.personId, { page: ctx.page, locator: (personHow ?? 'page').slice(0, 500), mapEntry: 'page.personId', readAt });
  }
  const shown = new Set(identity.sections);
  const fields = map.fields ?? [];
  const groups = map.groups ?? [];
  yield soFar;
  // Groups first: a top-level `when` never needs them, and people come before their details in the output.
  // Each entry is on its own: one that fails is reported and the rest are still read.
  const failed = (entry: string, fact: string, err: unknown): void => out.miss(entry, fact, `the entry failed: ${err instanceof Error ? err.name : 'error'}`);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi] as (typeof groups)[number];
    if (!shown.has(g.section)) continue;
    const rows = readGroup(ctx, out, now, g, gi, matched);
    for (;;) {
      let step: IteratorResult<void>;
      try {
        step = rows.next();
      } catch (err) {
        failed(g.id, 'children[] / adults[]', err);
        break;
      }
      if (step.done) break;
      yield soFar;
    }
  }
  const pageFields = inOrder(fields).filter(([field]) => field.section === undefined || shown.has(field.section));
  ctx.progress.fields.total = pageFields.length;
  for (const [field, i] of pageFields) {
    const run: EntryRun = {
      ctx,
      out,
      now,
      section: field.section,
      scopes: field.section === undefined ? rootScopes(docsIn(ctx, field.frame)) : sectionScopes(ctx, matched, field.section, field.frame),
      concrete: (p) => p,
      where: frameWords,
    };
    try {
      readEntry(run, field, field.id ?? `fields[${i}]`);
    } catch (err) {
      failed(field.id ?? `fields[${i}]`, field.fact, err);
    }
    ctx.progress.fields.done += 1;
    yield soFar;
  }
  const facts: FactUpdate[] = [];
  const provenance: Record<string, FactProvenance> = {};
  // Gathered in steps too: a page of 10,000 people has some 70,000 facts.
  for (const [path, value] of out.values) {
    facts.push({ path, value });
    const where = out.provenance.get(path);
    if (where) provenance[path] = where;
    if (facts.length % 1000 === 0) yield soFar;
  }
  return {
    ...identity,
    facts,
    provenance,
    notFound: out.notFound.map(({ entry, fact }) => ({ entry, fact })),
    notFoundDetails: [...out.notFound, ...unreadFrames(ctx)],
  };
}

/**
 * Frames the map names that are on the page but could not be read: said, so a map writer
 * or IT team is not left wondering why a section was never seen. Not a fact, so only in
 * the details (never sent as a fact not found).
 */
function unreadFrames(ctx: Ctx): NotFoundDetail[] {
  const unread = ctx.structure.unread;
  if (unread.length === 0) return [];
  const { map } = ctx;
  const specs = [
    map.page.assessmentId.frame,
    map.page.personId?.frame,
    ...map.sections.map((s) => s.frame),
    ...(map.fields ?? []).map((f) => f.frame),
    ...(map.groups ?? []).map((g) => g.frame),
  ].filter((f): f is FrameSpec => f !== undefined);
  return unread
    .filter((frame) => specs.some((spec) => frameElementMatches(frame, spec)))
    .map((frame, i) => ({
      entry: frameLabel(frame, i),
      fact: '',
      reason: 'the map looks in this frame, but it could not be read: it is on another address the browser keeps apart, sandboxed, or was not saved with the page',
    }));
}

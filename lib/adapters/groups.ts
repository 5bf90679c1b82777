// Groups: rows of people (a table, fieldsets, or elements), each row one person, with
// the per-person fields looked for inside the row.

import type { FieldMap, GroupEntry, SectionEntry } from './field-map-schema';
import { all, attr, childElements, closest, localName, parentElement } from './dom';
import { inOrder, iso, readEntry, type EntryRun, type Output } from './entries';
import { describeLocator } from './locate';
import { cleanId } from './page-identity';
import { readElement } from './read';
import { ROW_MEMO_MS, finderFor, frameWords, sectionScopes, textMatch, type Ctx, type RowMemo, type Scope } from './read-state';
import { bodyRows, cellAt, columnsNamed, isBodyRow } from './tables';
import { norm, ownText } from './text';

export interface Row {
  el: Element;
  scope: Scope;
  /** A `tr` not yet checked to be a body row of this table (see rowsOf's `unchecked`). */
  table?: Element;
}

/**
 * The group's rows. With `unchecked`, a table's rows are every `tr` in it, each to be
 * checked with isBodyRow() when it is read: a table of 10,000 rows is then not checked
 * in one go.
 */
export function rowsOf(ctx: Ctx, g: Pick<GroupEntry, 'rows'>, scopes: readonly Scope[], unchecked = false): { rows: Row[]; found: boolean; what: string } {
  if (g.rows.subject) {
    // One row: the section's part of the page (or the page), for a page about the subject child.
    const scope = scopes[0];
    if (!scope) return { rows: [], found: false, what: 'the page' };
    const root = 'documentElement' in scope.root ? scope.root.documentElement : scope.root;
    return root ? { rows: [{ el: root, scope }], found: true, what: 'the page' } : { rows: [], found: false, what: 'the page' };
  }
  const what = g.rows.table !== undefined
    ? `table ${JSON.stringify(textMatch(g.rows.table).text)}`
    : g.rows.fieldsets !== undefined
      ? `fieldsets ${JSON.stringify(textMatch(g.rows.fieldsets).text)}`
      : `css ${JSON.stringify(g.rows.css ?? '')}`;
  for (const scope of scopes) {
    const finder = finderFor(ctx, scope);
    let containers: Element[];
    let rows: Element[];
    if (g.rows.table !== undefined) {
      const { text, mode } = textMatch(g.rows.table);
      containers = finder.tables(text, mode);
      if (unchecked) {
        const found = containers.flatMap((table) => all(table, 'tr').map((el) => ({ el, scope, table })));
        if (containers.length > 0) return { rows: found, found: true, what };
        continue;
      }
      rows = containers.flatMap((t) => bodyRows(ctx.memo, t));
    } else if (g.rows.fieldsets !== undefined) {
      const { text, mode } = textMatch(g.rows.fieldsets);
      containers = finder.matching('legend', text, mode);
      rows = containers;
    } else {
      try {
        containers = all(scope.root, g.rows.css ?? '');
      } catch {
        containers = [];
      }
      rows = containers;
    }
    if (containers.length > 0) return { rows: rows.map((el) => ({ el, scope })), found: true, what };
  }
  return { rows: [], found: false, what };
}

export function rowPersonId(ctx: Ctx, g: Pick<GroupEntry, 'personId'>, row: Row): { id: string } | { reason: string } | null {
  const p = g.personId;
  let text: string | null = null;
  if (p.subject) {
    return ctx.subjectId !== undefined ? { id: ctx.subjectId } : { reason: 'the page has no person id of its own (give page.personId)' };
  } else if (p.attribute !== undefined) {
    text = attr(row.el, p.attribute);
  } else if (p.legend) {
    const legend = childElements(row.el).find((c) => localName(c) === 'legend');
    text = legend ? ownText(legend) : null;
  } else if (p.heading) {
    const h = all(row.el, 'h1, h2, h3, h4, h5, h6, [role="heading"]')[0];
    text = h ? ownText(h) : null;
  } else {
    let el: Element | null | undefined;
    if (p.column !== undefined) {
      const table = closest(row.el, 'table');
      const col = table ? columnsNamed(ctx.memo, table, p.column)[0] : undefined;
      el = col !== undefined ? cellAt(ctx.memo, row.el, col) : null;
      // A cell spanning several columns is a placeholder row ("No people recorded."), not a person.
      if (el && Number(attr(el, 'colspan') ?? '1') > 1) return null;
    } else if (p.find) {
      try {
        el = finderFor(ctx, { entry: row.scope.entry, root: row.el }).find(p.find)[p.find.nth ?? 0];
      } catch {
        el = null;
      }
    }
    if (!el) return null;
    const read = readElement(ctx.memo, el, p.read ?? 'auto');
    text = read.ok && typeof read.raw === 'string' ? read.raw : null;
  }
  return cleanId(text, p.pattern);
}

const roleTables = new WeakMap<object, Map<string, { group: 'children' | 'adults'; facts: [string, string | boolean | null][] }>>();

function roleTable(people: Exclude<GroupEntry['people'], string>) {
  let t = roleTables.get(people);
  if (!t) {
    t = new Map();
    for (const [word, role] of Object.entries(people.roles)) t.set(norm(word), { group: role.group, facts: Object.entries(role.facts ?? {}) });
    roleTables.set(people, t);
  }
  return t;
}

type GroupField = GroupEntry['fields'][number];

const INCLUDED = 'children[].includedInAssessment';
const includedRead = new WeakMap<FieldMap, boolean>();

/** Does the map read children[].includedInAssessment anywhere (an entry, or a role that sets it)? */
function readsIncluded(map: FieldMap): boolean {
  let reads = includedRead.get(map);
  if (reads === undefined) {
    reads =
      (map.fields ?? []).some((f) => f.fact === INCLUDED) ||
      (map.groups ?? []).some(
        (g) => g.fields.some((f) => f.fact === INCLUDED) || (typeof g.people !== 'string' && Object.values(g.people.roles).some((r) => r.group === 'children' && r.facts !== undefined && 'includedInAssessment' in r.facts)),
      );
    includedRead.set(map, reads);
  }
  return reads;
}

interface GroupFields {
  /** The group's index in its map (entry ids without an id of their own name it). */
  gi: number;
  /** Fields for children and for adults, in reading order, with their entry ids. */
  children: { field: GroupField; entryId: string }[];
  adults: { field: GroupField; entryId: string }[];
}

// The same for every row of a group, and for every read with the same map: worked out once.
const groupFields = new WeakMap<GroupEntry, GroupFields>();

function fieldsByGroup(g: GroupEntry, gi: number): GroupFields {
  let byGroup = groupFields.get(g);
  if (!byGroup || byGroup.gi !== gi) {
    byGroup = { gi, children: [], adults: [] };
    for (const [field, fi] of inOrder(g.fields)) {
      const entryId = field.id ?? `groups[${gi}].fields[${fi}]`;
      if (field.fact.startsWith('children[]')) byGroup.children.push({ field, entryId });
      if (field.fact.startsWith('adults[]')) byGroup.adults.push({ field, entryId });
    }
    groupFields.set(g, byGroup);
  }
  return byGroup;
}

/**
 * Reads a group's rows, one step at a time: it pauses after finding the rows, after each
 * row and between a row's fields, so a caller can hand the thread back to the page (see
 * extractSteps). With row memos (ReadCache `rows`), a row unchanged since the last read
 * gives what it gave then.
 */
export function* readGroup(ctx: Ctx, out: Output, now: Date, g: GroupEntry, gi: number, matched: readonly SectionEntry[]): Generator<void, void> {
  const scopes = sectionScopes(ctx, matched, g.section, g.frame);
  if (!scopes) return;
  const groupEntry = g.id;
  // The rows found at the last read of the same structure, already checked.
  const kept = ctx.structure.groupRows?.get(g);
  const { rows, found, what } = kept ?? rowsOf(ctx, g, scopes, true);
  if (!found) {
    out.miss(groupEntry, typeof g.people === 'string' ? `${g.people}[]` : 'children[] / adults[]', `no rows: nothing matched ${what} (right if this page has no such people)`);
    return;
  }
  const fields = fieldsByGroup(g, gi);
  const memos = rowMemos(ctx, now);
  const people = ctx.progress.people;
  // A table's header rows are not people (rows not yet checked may include them).
  people.total += kept ? rows.length : rows.reduce((n, row: Row) => n + (row.table && isHeaderRow(row.el) ? 0 : 1), 0);
  const checked: Row[] = [];
  let unchecked = false;
  yield;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    if (row.table) {
      unchecked = true;
      if (!isBodyRow(ctx.memo, row.table, row.el)) continue;
      checked.push({ el: row.el, scope: row.scope });
    }
    people.done += 1;
    const memo = memos?.get(row.el);
    if (memo) {
      replay(out, memo, iso(now));
    } else {
      if (memos) out.record();
      yield* readRow(ctx, out, now, g, row, fields, what);
      if (memos) memos.set(row.el, out.recorded());
    }
    yield;
  }
  if (!kept) (ctx.structure.groupRows ??= new Map()).set(g, { rows: unchecked ? checked : rows, found, what });
}

function isHeaderRow(tr: Element): boolean {
  const parent = parentElement(tr);
  return parent !== null && localName(parent) === 'thead';
}

// The row memos of a read whose caller watches each row's values (ReadCache `rows`).
function rowMemos(ctx: Ctx, now: Date): WeakMap<Element, RowMemo> | undefined {
  if (!ctx.memoRows) return undefined;
  const s = ctx.structure;
  const t = now.getTime();
  if (!s.rows || s.rowsSince === undefined || t - s.rowsSince > ROW_MEMO_MS || t < s.rowsSince) {
    s.rows = new WeakMap();
    s.rowsSince = t;
  }
  return s.rows;
}

function replay(out: Output, memo: RowMemo, readAt: string): void {
  for (const [path, value, where] of memo.emits) out.emit(path, value, { ...where, readAt });
  for (const [entry, fact, reason] of memo.misses) out.miss(entry, fact, reason);
}

function* readRow(ctx: Ctx, out: Output, now: Date, g: GroupEntry, row: Row, fields: GroupFields, what: string): Generator<void, void> {
  const groupEntry = g.id;
  const pid = rowPersonId(ctx, g, row);
  if (pid === null) return; // a placeholder row ("No people recorded.")
  if ('reason' in pid) {
    out.miss(`${groupEntry}.personId`, typeof g.people === 'string' ? `${g.people}[]` : 'children[] / adults[]', `a row of ${what}: ${pid.reason}`);
    return;
  }
  const id = pid.id;
  const rowScope: Scope = { entry: row.scope.entry, root: row.el };
  const rowWords = ` in the row for ${id} of ${what}${frameWords(row.scope)}`;
  let group: 'children' | 'adults';
  if (typeof g.people === 'string') {
    group = g.people;
  } else {
    const roleFrom = g.people.roleFrom;
    let el: Element | undefined;
    try {
      el = finderFor(ctx, rowScope).find(roleFrom.find)[roleFrom.find.nth ?? 0];
    } catch {
      el = undefined;
    }
    const read = el ? readElement(ctx.memo, el, roleFrom.read) : undefined;
    const word = read?.ok && typeof read.raw === 'string' ? read.raw : null;
    const role = word === null ? undefined : roleTable(g.people).get(norm(word));
    if (!role) {
      out.miss(
        `${groupEntry}.people`,
        `role of ${id}`,
        !el ? `nothing matched ${describeLocator(roleFrom.find)}${rowWords}` : word === null ? `the role is blank${rowWords}` : `the role is not one of the map's roles${rowWords}`,
      );
      return;
    }
    group = role.group;
    const locator = (describeLocator(roleFrom.find) + rowWords).slice(0, 500);
    for (let k = 0; k < role.facts.length; k++) {
      const fact = role.facts[k] as [string, string | boolean | null];
      out.emit(`${group}[${id}].${fact[0]}`, fact[1], { page: ctx.page, section: g.section, locator, mapEntry: `${groupEntry}.people`, readAt: iso(now) });
    }
  }
  if (group === 'children' && !readsIncluded(ctx.map) && !out.values.has(`children[${id}].includedInAssessment`)) {
    // The case system asks no such question: the children it lists are the ones assessed.
    out.emit(`children[${id}].includedInAssessment`, true, {
      page: ctx.page,
      section: g.section,
      locator: `listed${rowWords}; the map does not read whether a child is included, so every child listed is`.slice(0, 500),
      mapEntry: groupEntry,
      readAt: iso(now),
    });
  }
  const generic = `${group}[]`;
  const concrete = `${group}[${id}]`;
  const run: EntryRun = {
    ctx,
    out,
    now,
    section: g.section,
    scopes: [rowScope],
    concrete: (path) => (path.startsWith(generic) ? concrete + path.slice(generic.length) : path),
    where: () => rowWords,
  };
  const mine = fields[group];
  for (let k = 0; k < mine.length; k++) {
    const f = mine[k] as { field: GroupField; entryId: string };
    readEntry(run, f.field, f.entryId);
    if (k < mine.length - 1) yield;
  }
}

// Show me: the element a fact was read from, found again on the live page.

import type { FieldMap } from './field-map-schema';
import { all, documentUrl, localName } from './dom';
import { rowPersonId, rowsOf } from './groups';
import { identify } from './page-identity';
import { docsIn, locate, makeContext, rootScopes, sectionScopes, type ExtractOptions, type Scope } from './read-state';


/**
 * The element a fact was read from, for "Show me" (searches frames too). Takes a
 * concrete path (`dates.referral`, `children[P1002].bedroomSeen`); null when this page
 * does not show it.
 */
export function locateField(doc: Document, map: FieldMap, factPath: string, options?: ExtractOptions & { url?: string }): Element | null {
  const el = locateElement(doc, map, factPath, options);
  if (!el) return null;
  // A table cell or dd holding one control: the control itself, so it can take focus.
  const name = localName(el);
  if (name === 'td' || name === 'th' || name === 'dd' || name === 'span' || name === 'div') {
    const controls = all(el, 'input:not([type="hidden"]), select, textarea');
    if (controls.length === 1 && controls[0]) return controls[0];
  }
  return el;
}

function locateElement(doc: Document, map: FieldMap, factPath: string, options?: ExtractOptions & { url?: string }): Element | null {
  const ctx = makeContext(doc, options?.url ?? documentUrl(doc), map, options);
  const found = identify(ctx);
  if (!found) return null;
  const shown = new Set(found.sections);
  if (found.personId !== undefined) ctx.subjectId = found.personId;
  const safely = (fn: () => Element | null | undefined): Element | null => {
    try {
      return fn() ?? null;
    } catch {
      return null;
    }
  };
  if (factPath === 'personId') {
    const src = map.page.personId;
    if (!src?.find) return null;
    const loc = src.find;
    return safely(() => locate(ctx, loc, rootScopes(docsIn(ctx, src.frame)) ?? [])?.el);
  }
  const person = /^(children|adults)\[([^\]]+)\]\.(.+)$/.exec(factPath);
  if (!person) {
    for (const f of map.fields ?? []) {
      if (f.fact !== factPath) continue;
      const section = f.section;
      if (section !== undefined && !shown.has(section)) continue;
      const scopes = section === undefined ? rootScopes(docsIn(ctx, f.frame)) : sectionScopes(ctx, found.matched, section, f.frame);
      const el = safely(() => locate(ctx, f.find, scopes ?? [])?.el);
      if (el) return el;
    }
    return null;
  }
  const [, groupName, id, rest] = person;
  const generic = `${groupName}[].${rest}`;
  for (const g of map.groups ?? []) {
    if (!shown.has(g.section)) continue;
    const entries = g.fields.filter((f) => f.fact === generic);
    const roleGives = typeof g.people !== 'string' && Object.values(g.people.roles).some((r) => r.group === groupName && r.facts && rest !== undefined && rest in r.facts);
    if (entries.length === 0 && !roleGives) continue;
    if (typeof g.people === 'string' && g.people !== groupName) continue;
    const { rows } = rowsOf(ctx, g, sectionScopes(ctx, found.matched, g.section, g.frame) ?? []);
    for (const row of rows) {
      const pid = rowPersonId(ctx, g, row);
      if (!pid || !('id' in pid) || pid.id !== id) continue;
      const rowScope: Scope = { entry: row.scope.entry, root: row.el };
      for (const f of entries) {
        const el = safely(() => locate(ctx, f.find, [rowScope])?.el);
        if (el) return el;
      }
      if (roleGives && typeof g.people !== 'string') {
        const roleFrom = g.people.roleFrom;
        const el = safely(() => locate(ctx, roleFrom.find, [rowScope])?.el);
        if (el) return el;
      }
      return row.el;
    }
  }
  return null;
}

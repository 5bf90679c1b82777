// Show me: the element a fact was read from, found again on the live page.

import type { FieldMap } from './field-map-schema';
import { all, attr, closest, controlValue, documentUrl, inputType, isChecked, localName, matches, parentElement, textOf, byId, ownerDocument, defaultView } from './dom';
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
    const candidates: Element[] = [];
    for (const f of map.fields ?? []) {
      if (f.fact !== factPath) continue;
      const section = f.section;
      if (section !== undefined && !shown.has(section)) continue;
      const scopes = section === undefined ? rootScopes(docsIn(ctx, f.frame)) : sectionScopes(ctx, found.matched, section, f.frame);
      const el = safely(() => locate(ctx, f.find, scopes ?? [])?.el);
      if (el) candidates.push(el);
    }
    return blankFirst(candidates);
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
      const candidates: Element[] = [];
      for (const f of entries) {
        const el = safely(() => locate(ctx, f.find, [rowScope])?.el);
        if (el) candidates.push(el);
      }
      // Several fields give one fact (date first seen, date seen alone): the one still blank is what to fill in.
      const el = blankFirst(candidates);
      if (el) return el;
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

/** Whether a field (or the one control in it) holds nothing yet. */
function isBlank(el: Element): boolean {
  const controls = matches(el, 'input, select, textarea') ? [el] : all(el, 'input:not([type="hidden"]), select, textarea');
  if (controls.length === 0) return false;
  return controls.every((c) => {
    const type = inputType(c);
    if (type === 'radio' || type === 'checkbox') return !isChecked(c);
    return controlValue(c).trim() === '';
  });
}

/** Of several elements giving the same fact, the first still blank; else the first. */
function blankFirst(candidates: readonly Element[]): Element | null {
  return candidates.find(isBlank) ?? candidates[0] ?? null;
}

function computedStyle(node: Element): { display?: string; visibility?: string } | undefined {
  try {
    const doc = ownerDocument(node);
    const view = doc ? defaultView(doc) : null;
    const style = view?.getComputedStyle(node);
    return style ? { display: style.display, visibility: style.visibility } : undefined;
  } catch {
    return undefined;
  }
}

/** What hides a field on the live page, if anything: a closed part, a hidden tab. */
export type Hidden = { hidden: false } | { hidden: true; open?: string };

const MAX_OPENER = 80;

function shortText(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > MAX_OPENER ? `${t.slice(0, MAX_OPENER - 1)}…` : t;
}

/**
 * Whether the element cannot be seen because a part of the page holding it is closed (a
 * details element, a hidden tab panel, display: none), and the words of what opens it.
 * Looks only at the page's own structure, so it works the same on every case system.
 */
export function hiddenBy(el: Element): Hidden {
  let hiddenFound = false;
  let open: string | undefined;
  for (let node: Element | null = el; node; node = parentElement(node)) {
    const name = localName(node);
    if (name === 'details' && attr(node, 'open') === null) {
      const summary = all(node, 'summary')[0];
      // The summary itself stays in view.
      if (!summary || !(closest(el, 'summary') === summary)) {
        hiddenFound = true;
        open ??= summary ? shortText(textOf(summary)) : undefined;
      }
    }
    const style = computedStyle(node);
    const hiddenHere = attr(node, 'hidden') !== null || style?.display === 'none' || (node === el && style?.visibility === 'hidden');
    if (hiddenHere) {
      hiddenFound = true;
      if (attr(node, 'role') === 'tabpanel') {
        const labelledBy = attr(node, 'aria-labelledby');
        const doc = ownerDocument(node);
        const tab = labelledBy && doc ? byId(doc, labelledBy.split(/\s+/)[0] ?? '') : null;
        open ??= tab ? shortText(textOf(tab)) : undefined;
      }
    }
  }
  return hiddenFound ? { hidden: true, ...(open ? { open } : {}) } : { hidden: false };
}

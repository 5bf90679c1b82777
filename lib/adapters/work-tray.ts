// The work tray: the list of assessments, read for their ids and, when the map names the
// columns, each one's type, referral date and allocated worker (never the child's name).

import type { FieldMap, Parse } from './field-map-schema';
import { childElements, closest, localName } from './dom';
import { rowPersonId, rowsOf } from './groups';
import { makeContext, rootScopes, urlMatches } from './read-state';
import { cellAt, columnsNamed } from './tables';
import { tidy } from './text';
import { parseRaw } from './values';
import type { AssessmentKind } from '../model';

// No zod here: the content script reads the tray.
const KINDS: readonly unknown[] = ['child-in-need', 'section-47', 'reassessment', 'pre-birth'] satisfies readonly AssessmentKind[];
const isKind = (v: unknown): v is AssessmentKind => KINDS.includes(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export interface WorkTrayRow {
  assessmentId: string;
  row: Element;
  /** Where a badge for this assessment may be shown. */
  badgeCell: Element;
  /** The assessment type as the tray shows it: null when the cell is blank or not one the map knows. */
  kind?: AssessmentKind | null;
  /** The referral date as the tray shows it (YYYY-MM-DD), null when blank or not a date. */
  referral?: string | null;
  /** The allocated worker as the tray shows it. */
  worker?: string;
}

/** What the caseload keeps of a tray row: no elements. */
export type WorkTrayEntry = Omit<WorkTrayRow, 'row' | 'badgeCell'>;

/**
 * The assessments listed on a work tray page, when the map describes one and this page
 * is it; null otherwise. Names of children in the tray are never touched.
 */
export function readWorkTray(doc: Document, url: string, map: FieldMap): WorkTrayRow[] | null {
  const tray = map.workTray;
  if (!tray) return null;
  const ctx = makeContext(doc, url, map, { frames: false });
  if (!urlMatches(tray.url, ctx.rel)) return null;
  const { rows } = rowsOf(ctx, { rows: tray.rows }, rootScopes(ctx.docs) ?? []);
  const out: WorkTrayRow[] = [];
  const nowYear = new Date().getFullYear();
  for (const row of rows) {
    const id = rowPersonId(ctx, { personId: tray.assessmentId }, row);
    if (!id || !('id' in id)) continue;
    const table = closest(row.el, 'table');
    const cellText = (column: string): string | undefined => {
      const at = table ? columnsNamed(ctx.memo, table, column)[0] : undefined;
      const cell = at !== undefined ? cellAt(ctx.memo, row.el, at) : null;
      return cell ? tidy(cell.textContent ?? '') : undefined;
    };
    const parsed = (column: string, parse: Parse): unknown => {
      const text = cellText(column);
      if (text === undefined) return undefined;
      const p = parseRaw(text === '' ? null : text, parse, { nowYear });
      return p.ok ? p.value : null;
    };
    const column = tray.badgeColumn !== undefined && table ? columnsNamed(ctx.memo, table, tray.badgeColumn)[0] : undefined;
    const cells = childElements(row.el).filter((c) => localName(c) === 'td' || localName(c) === 'th');
    const badgeCell = (column !== undefined ? cellAt(ctx.memo, row.el, column) : null) ?? cells[cells.length - 1] ?? row.el;
    const entry: WorkTrayRow = { assessmentId: id.id, row: row.el, badgeCell };
    const cols = tray.columns;
    if (cols?.kind) {
      const kind = parsed(cols.kind.column, cols.kind.parse);
      entry.kind = isKind(kind) ? kind : null;
    }
    if (cols?.referral) {
      const referral = parsed(cols.referral.column, cols.referral.parse);
      entry.referral = isIsoDate(referral) ? referral : null;
    }
    if (cols?.worker) {
      const worker = cellText(cols.worker.column);
      if (worker) entry.worker = worker.slice(0, 100);
    }
    out.push(entry);
  }
  return out;
}

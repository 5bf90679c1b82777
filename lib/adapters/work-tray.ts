// The work tray: the list of assessments, read for their ids only.

import type { FieldMap } from './field-map-schema';
import { childElements, closest, localName } from './dom';
import { rowPersonId, rowsOf } from './groups';
import { makeContext, rootScopes, urlMatches } from './read-state';
import { cellAt, columnsNamed } from './tables';


export interface WorkTrayRow {
  assessmentId: string;
  row: Element;
  /** Where a badge for this assessment may be shown. */
  badgeCell: Element;
}

/**
 * The assessments listed on a work tray page, when the map describes one and this page
 * is it; null otherwise. Only ids are read: names in the tray are never touched.
 */
export function readWorkTray(doc: Document, url: string, map: FieldMap): WorkTrayRow[] | null {
  const tray = map.workTray;
  if (!tray) return null;
  const ctx = makeContext(doc, url, map, { frames: false });
  if (!urlMatches(tray.url, ctx.rel)) return null;
  const { rows } = rowsOf(ctx, { rows: tray.rows }, rootScopes(ctx.docs) ?? []);
  const out: WorkTrayRow[] = [];
  for (const row of rows) {
    const id = rowPersonId(ctx, { personId: tray.assessmentId }, row);
    if (!id || !('id' in id)) continue;
    const table = closest(row.el, 'table');
    const column = tray.badgeColumn !== undefined && table ? columnsNamed(ctx.memo, table, tray.badgeColumn)[0] : undefined;
    const cells = childElements(row.el).filter((c) => localName(c) === 'td' || localName(c) === 'th');
    const badgeCell = (column !== undefined ? cellAt(ctx.memo, row.el, column) : null) ?? cells[cells.length - 1] ?? row.el;
    out.push({ assessmentId: id.id, row: row.el, badgeCell });
  }
  return out;
}

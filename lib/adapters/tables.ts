// Table geometry: which cell is in which column (colspans counted), column headers,
// body rows. What is worked out is kept in the read's PageMemo, never in this module:
// the page may change between reads.

import { all, attr, childElements, closest, localName, parentElement } from './dom';
import type { PageMemo, RowCells } from './page-memo';
import { norm, ownText, textTest, type MatchMode } from './text';

// A group's rows each look up several columns: the cells' spans are read once per row, not once per lookup.
function rowCellsOf(memo: PageMemo, row: Element): RowCells {
  let found = memo.rowCells.get(row);
  if (!found) {
    const cells: Element[] = [];
    const starts: number[] = [0];
    let hasData = false;
    let col = 0;
    const children = childElements(row);
    for (let i = 0; i < children.length; i++) {
      const c = children[i] as Element;
      const n = localName(c);
      if (n !== 'td' && n !== 'th') continue;
      if (n === 'td') hasData = true;
      cells.push(c);
      col += span(c);
      starts.push(col);
    }
    found = { cells, starts, hasData };
    memo.rowCells.set(row, found);
  }
  return found;
}

export function cellsOf(memo: PageMemo, row: Element): Element[] {
  return rowCellsOf(memo, row).cells;
}

function span(cell: Element): number {
  const n = Number(attr(cell, 'colspan') ?? '1');
  return Number.isInteger(n) && n > 0 && n < 1000 ? n : 1;
}

/** The column a cell starts in (colspans counted; rowspans are not). */
export function columnOf(memo: PageMemo, cell: Element): number {
  const row = parentElement(cell);
  if (!row) return 0;
  const { cells, starts } = rowCellsOf(memo, row);
  const i = cells.indexOf(cell);
  return starts[i === -1 ? cells.length : i] ?? 0;
}

export function cellAt(memo: PageMemo, row: Element, column: number): Element | null {
  const { cells, starts } = rowCellsOf(memo, row);
  for (let i = 0; i < cells.length; i++) {
    if (column >= (starts[i] ?? 0) && column < (starts[i + 1] ?? 0)) return cells[i] ?? null;
  }
  return null;
}

export function isColumnHeader(memo: PageMemo, th: Element): boolean {
  const scope = (attr(th, 'scope') ?? '').toLowerCase();
  if (scope === 'col' || scope === 'colgroup') return true;
  if (scope === 'row' || scope === 'rowgroup') return false;
  if (closest(th, 'thead')) return true;
  const row = parentElement(th);
  return row ? !rowCellsOf(memo, row).hasData : false;
}

export function isRowHeader(memo: PageMemo, th: Element): boolean {
  const scope = (attr(th, 'scope') ?? '').toLowerCase();
  if (scope === 'row' || scope === 'rowgroup') return true;
  if (scope !== '' || closest(th, 'thead')) return false;
  const row = parentElement(th);
  return row ? rowCellsOf(memo, row).hasData : false;
}

export function tableOf(el: Element): Element | null {
  return closest(el, 'table');
}

/** Column headers of a table: normalised text → column indexes. */
function headersOf(memo: PageMemo, table: Element): Map<string, number[]> {
  let map = memo.tableHeaders.get(table);
  if (!map) {
    map = new Map();
    const ths = all(table, 'th');
    for (let i = 0; i < ths.length; i++) {
      const th = ths[i] as Element;
      // Row headers (most of a group's table) are skipped on their scope before looking for their table.
      if (!isColumnHeader(memo, th) || tableOf(th) !== table) continue;
      const key = norm(ownText(th));
      if (key === '') continue;
      const list = map.get(key) ?? [];
      list.push(columnOf(memo, th));
      map.set(key, list);
    }
    memo.tableHeaders.set(table, map);
  }
  return map;
}

/** The column indexes of headers matching a text in a table (kept for the read: asked once per row of a group). */
export function columnsNamed(memo: PageMemo, table: Element, text: string, mode: MatchMode = 'exact'): readonly number[] {
  let byText = memo.namedColumns.get(table);
  if (!byText) {
    byText = new Map();
    memo.namedColumns.set(table, byText);
  }
  const key = `${mode}\u0000${text}`;
  let out = byText.get(key);
  if (!out) {
    const test = textTest(text, mode);
    const cols: number[] = [];
    for (const [name, list] of headersOf(memo, table)) if (test(name)) cols.push(...list);
    out = cols;
    byText.set(key, out);
  }
  return out;
}

/** Body rows of a table (not its header rows, not nested tables' rows). */
export function bodyRows(memo: PageMemo, table: Element): Element[] {
  return all(table, 'tr').filter((tr) => isBodyRow(memo, table, tr));
}

/** Is this `tr` of the table one of its body rows? (A long table's rows can then be checked one at a time.) */
export function isBodyRow(memo: PageMemo, table: Element, tr: Element): boolean {
  return tableOf(tr) === table && !closest(tr, 'thead') && rowCellsOf(memo, tr).hasData;
}

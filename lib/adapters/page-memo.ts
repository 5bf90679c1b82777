// What reading a page learns about its elements (table geometry, the form fields inside a
// cell), kept for one read, or for reads of a page whose structure has not changed. Each
// read holds its own PageMemo (see ReadCache in read-state.ts): nothing is kept in module
// globals, so one read can never see what another read of another page learnt.

export interface Inside {
  fields: Element[];
  radios?: Element[];
  boxes?: Element[];
  control?: Element | null;
}

/** A row's cells and the column each starts in (colspans counted; rowspans are not). */
export interface RowCells {
  cells: Element[];
  /** starts[i] is the first column of cells[i]; starts[cells.length] is the row's width. */
  starts: number[];
  /** Whether the row has a data cell (a row of headers only has none). */
  hasData: boolean;
}

export class PageMemo {
  /** Column headers of a table: normalised text → column indexes. */
  readonly tableHeaders = new WeakMap<Element, Map<string, number[]>>();
  /** Column lookups by text and match mode, per table (a group asks once per row). */
  readonly namedColumns = new WeakMap<Element, Map<string, readonly number[]>>();
  /** A row's cells and the column each starts in. */
  readonly rowCells = new WeakMap<Element, RowCells>();
  /** The form fields inside an element a read looked into. */
  readonly insides = new WeakMap<Element, Inside>();
}

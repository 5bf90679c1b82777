// What reading a page learns about its elements (table geometry, the form fields inside a
// cell), kept for one read, or for reads of a page whose structure has not changed. Each
// read holds its own PageMemo (see ReadCache in read-state.ts): nothing is kept in module
// globals, so one read can never see what another read of another page learnt.

import type { Inside } from './read';
import type { RowCells } from './tables';

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

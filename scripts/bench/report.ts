/** The benchmark's table: one row per measure, with its budget and PASS / MISS beside it. */

export type Verdict = 'PASS' | 'MISS' | '';

export interface Row {
  group: string;
  measure: string;
  result: string;
  budget: string;
  verdict: Verdict;
}

export function verdict(ok: boolean | undefined): Verdict {
  return ok === undefined ? '' : ok ? 'PASS' : 'MISS';
}

export const ms = (x: number, digits = 1): string => (Number.isFinite(x) ? `${x.toFixed(digits)} ms` : 'n/a');
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** A Markdown table (readable in a terminal too). */
export function markdownTable(rows: readonly Row[]): string {
  const head = ['', 'Measure', 'Result', 'Budget', ''];
  const body = rows.map((r) => [r.group, r.measure, r.result, r.budget, r.verdict]);
  let lastGroup = '';
  for (const row of body) {
    if (row[0] === lastGroup) row[0] = '';
    else lastGroup = row[0] ?? '';
  }
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(3, ...all.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

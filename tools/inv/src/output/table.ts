import Table from 'cli-table3';

/** Plain cells of a table for people. */
export type Cell = string | number | boolean | undefined;

/**
 * A table for people: a header row, then rows; no colours (output is often piped or pasted).
 *
 * @example
 * ```ts
 * io.out(renderTable(['producto_id', 'stock'], [['PRO001', 5]]));
 * ```
 */
export function renderTable(head: string[], rows: Cell[][]): string {
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) table.push(row.map((cell) => (cell === undefined ? '-' : String(cell))));
  return `${table.toString()}\n`;
}

/** One record as a two-column table (field, value). */
export function renderRecord(record: Record<string, Cell>): string {
  const table = new Table({ style: { head: [], border: [] } });
  for (const [field, value] of Object.entries(record)) table.push({ [field]: value === undefined ? '-' : String(value) });
  return `${table.toString()}\n`;
}

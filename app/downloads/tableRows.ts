/**
 * A table's rows as the page shows them: every header and body row, each cell's rendered text
 * with its white space collapsed, and a cell spanning n columns followed by n − 1 empty ones,
 * so every row has a field per column.
 */
export function tableRows(table: HTMLTableElement): string[][] {
  return Array.from(table.querySelectorAll<HTMLTableRowElement>('thead tr, tbody tr'), (row) =>
    Array.from(row.cells).flatMap((cell) => [cell.innerText.replace(/\s+/g, ' ').trim(), ...Array<string>(Math.max(0, cell.colSpan - 1)).fill('')]),
  );
}

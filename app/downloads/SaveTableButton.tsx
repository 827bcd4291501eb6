import { resultsSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { toCsv } from './csv.ts';
import { saveFile } from './saveFile.ts';
import { tableRows } from './tableRows.ts';

/** Saves the Generations table, the columns on show, as CSV (RFC 4180) for a worksheet. */
export function SaveTableButton({ tableId, fileName }: { tableId: string; fileName: string }) {
  const results = useLab(resultsSelector);
  const save = () => {
    const table = document.getElementById(tableId);
    if (!(table instanceof HTMLTableElement)) return;
    saveFile({ name: fileName, type: 'text/csv', data: new TextEncoder().encode(toCsv(tableRows(table))) });
  };
  return (
    <p className="save-button">
      <button type="button" className="button button--small" disabled={results.length === 0} onClick={save}>
        Save table (CSV)
      </button>
    </p>
  );
}

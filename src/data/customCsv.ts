/**
 * Reads the class's own points from CSV text, `x,y,label` a row (papaparse splits the rows):
 * the header is optional, an empty label leaves the point without a class (it joins the pool
 * unscored, src/data/customSplit.ts). Bad rows are named by line and skipped; the good ones are kept.
 */
import Papa from 'papaparse';
import { DATA_HALF_WIDTH } from './datasets2d.ts';
import { inSquare, MAX_CUSTOM_CLASSES, type CustomPoint } from './customPoints.ts';

/** The points of a CSV file and what was wrong with each line that gave none. */
export interface CsvPoints {
  points: CustomPoint[];
  /** "line 7: y is not a number", in line order. */
  errors: string[];
}

/** The result of importing a file over the points already there. */
export interface CsvImport extends CsvPoints {
  /** False when the file had no good row: `points` are then the ones already there, untouched. */
  accepted: boolean;
}

/** Points and line-numbered errors from CSV text; never throws. */
export function parsePointsCsv(text: string): CsvPoints {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  const points: CustomPoint[] = [];
  const errors: string[] = [];
  rows.forEach((cells, index) => {
    const line = index + 1;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (line === 1 && isHeader(cells)) return;
    const result = readRow(cells);
    if (typeof result === 'string') errors.push(`line ${line}: ${result}`);
    else points.push(result);
  });
  return { points, errors };
}

/** A file's points replace `current` only if it has at least one good row; garbage leaves them in place. */
export function importPointsCsv(current: readonly CustomPoint[], text: string): CsvImport {
  const parsed = parsePointsCsv(text);
  if (parsed.points.length === 0) {
    return { points: [...current], errors: parsed.errors.length > 0 ? parsed.errors : ['the file has no rows'], accepted: false };
  }
  return { ...parsed, accepted: true };
}

function isHeader(cells: string[]): boolean {
  return cells[0]?.trim().toLowerCase() === 'x' && cells[1]?.trim().toLowerCase() === 'y';
}

/** A point, or what is wrong with the row. */
function readRow(cells: string[]): CustomPoint | string {
  if (cells.length < 2 || cells.length > 3) return `expected x,y,label (2 or 3 values), found ${cells.length}`;
  const [x, y] = [readCoordinate(cells[0], 'x'), readCoordinate(cells[1], 'y')];
  if (typeof x === 'string') return x;
  if (typeof y === 'string') return y;
  const label = (cells[2] ?? '').trim();
  if (label === '') return { x, y };
  const value = Number(label);
  if (!Number.isInteger(value) || value < 0 || value >= MAX_CUSTOM_CLASSES) {
    return `label "${label}" is not a class from 0 to ${MAX_CUSTOM_CLASSES - 1} (leave it empty for a point with no class)`;
  }
  return { x, y, label: value };
}

function readCoordinate(cell: string, name: 'x' | 'y'): number | string {
  const text = cell.trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (Number.isNaN(value)) return `${name} is not a number`;
  if (!inSquare(value)) return `${name} (${text}) is outside -${DATA_HALF_WIDTH} to ${DATA_HALF_WIDTH}`;
  return value;
}

/** The points as a CSV file with a header, which parsePointsCsv reads back (coordinates to 1/1000, the grid a link keeps). */
export function pointsToCsv(points: readonly CustomPoint[]): string {
  const rows = points.map((point) => `${Number(point.x.toFixed(3))},${Number(point.y.toFixed(3))},${point.label ?? ''}`);
  return ['x,y,label', ...rows].map((row) => `${row}\r\n`).join('');
}

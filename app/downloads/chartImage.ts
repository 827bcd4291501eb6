import type { LegendEntry } from '../charts/ChartLegend.tsx';

// Heights and sizes in CSS pixels; the image is drawn at the plot canvas's own pixel ratio.

/** Where the plot starts in the image, below the title. */
export const TITLE_HEIGHT = 30;
const LEGEND_ROW = 22;
const PAD = 10;
const SWATCH = 26;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * One picture of a chart for a worksheet: its title, the uPlot canvas (the plot with its axes
 * and their labels) pixel for pixel, and its legend drawn below (the page's legend is HTML).
 * As wide as the plot canvas, on white.
 */
export function chartImage(plot: HTMLCanvasElement, title: string, legend: readonly LegendEntry[]): HTMLCanvasElement {
  const ratio = plot.width / Math.max(1, plot.getBoundingClientRect().width || plot.width);
  const scratch = document.createElement('canvas').getContext('2d');
  if (!scratch) throw new Error('this browser cannot draw on a canvas');
  scratch.font = `${13 * ratio}px ${FONT_FAMILY}`;
  const rows = legendRows(legend, (text) => scratch.measureText(text).width, plot.width, ratio);
  const out = document.createElement('canvas');
  out.width = plot.width;
  out.height = Math.round((TITLE_HEIGHT + rows.length * LEGEND_ROW + PAD) * ratio) + plot.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1f2937';
  ctx.textBaseline = 'middle';
  ctx.font = `700 ${15 * ratio}px ${FONT_FAMILY}`;
  ctx.fillText(title, PAD * ratio, (TITLE_HEIGHT / 2) * ratio);
  ctx.drawImage(plot, 0, TITLE_HEIGHT * ratio);
  ctx.font = scratch.font;
  const top = TITLE_HEIGHT * ratio + plot.height;
  rows.forEach((row, r) => {
    const y = top + (r + 0.5) * LEGEND_ROW * ratio;
    for (const { entry, x } of row) drawEntry(ctx, entry, x, y, ratio);
  });
  return out;
}

/** The chart image as PNG bytes. */
export async function chartPng(plot: HTMLCanvasElement, title: string, legend: readonly LegendEntry[]): Promise<Uint8Array> {
  const canvas = chartImage(plot, title, legend);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the chart as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

type Placed = { entry: LegendEntry; x: number };

/** The legend laid out in rows that fit `width`: each entry a swatch and its label. */
function legendRows(legend: readonly LegendEntry[], measure: (text: string) => number, width: number, ratio: number): Placed[][] {
  const rows: Placed[][] = [];
  let row: Placed[] = [];
  let x = PAD * ratio;
  for (const entry of legend) {
    const span = (SWATCH + 6 + 16) * ratio + measure(entry.label);
    if (row.length > 0 && x + span > width) {
      rows.push(row);
      row = [];
      x = PAD * ratio;
    }
    row.push({ entry, x });
    x += span;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function drawEntry(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number, ratio: number): void {
  ctx.save();
  if (entry.style === 'band') {
    ctx.fillStyle = entry.color;
    ctx.fillRect(x, y - 5 * ratio, SWATCH * ratio, 10 * ratio);
  } else if (entry.style === 'marker') {
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 2 * ratio;
    ctx.beginPath();
    ctx.arc(x + (SWATCH / 2) * ratio, y, 5 * ratio, 0, 2 * Math.PI);
    ctx.stroke();
  } else {
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 3 * ratio;
    ctx.setLineDash(entry.style === 'dashed' ? [6 * ratio, 4 * ratio] : entry.style === 'dotted' ? [2 * ratio, 3 * ratio] : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + SWATCH * ratio, y);
    ctx.stroke();
  }
  ctx.restore();
  ctx.fillStyle = '#1f2937';
  ctx.fillText(entry.label, x + (SWATCH + 6) * ratio, y);
}

import type { Split } from '../../src/data/types.ts';
import type { DecisionGrid, PseudoLabelSnapshot } from '../../src/selftrain/events.ts';
import { heatmapPixels } from './heatmap.ts';
import { classColor, OUTLINE_COLOR, UNLABELLED_COLOR, WRONG_COLOR } from './palette.ts';

export type Extent = DecisionGrid['extent'];

export interface Scene {
  split: Split;
  /** [xMin, xMax, yMin, yMax] of the data shown. */
  extent: Extent;
  grid: DecisionGrid | null;
  pseudo: PseudoLabelSnapshot | null;
}

/** How many of this generation's pseudo-labels disagree with the true labels. */
export function countWrongPseudoLabels(split: Split, pseudo: PseudoLabelSnapshot | null): number {
  if (!pseudo) return 0;
  let wrong = 0;
  for (let i = 0; i < pseudo.indices.length; i++) if (split.pool.y[pseudo.indices[i]] !== pseudo.labels[i]) wrong++;
  return wrong;
}

const heatmapCache = new WeakMap<DecisionGrid, HTMLCanvasElement>();

function heatmapImage(grid: DecisionGrid): HTMLCanvasElement {
  const cached = heatmapCache.get(grid);
  if (cached) return cached;
  const image = document.createElement('canvas');
  image.width = grid.size;
  image.height = grid.size;
  image.getContext('2d')?.putImageData(new ImageData(heatmapPixels(grid), grid.size, grid.size), 0, 0);
  heatmapCache.set(grid, image);
  return image;
}

/**
 * Draws the 2-D view on a canvas of `width` × `height` device pixels: the decision heatmap,
 * the unlabelled pool (grey), this generation's pseudo-labels (class colour, wrong ones
 * crossed in red) and the labelled examples (large, outlined). `scale` is device pixels per
 * CSS pixel, times a size factor, so marks look the same on every screen.
 */
export function drawScene(ctx: CanvasRenderingContext2D, width: number, height: number, scale: number, scene: Scene): void {
  const { split, extent, grid, pseudo } = scene;
  const [xMin, xMax, yMin, yMax] = extent;
  const px = (x: number) => ((x - xMin) / (xMax - xMin)) * width;
  const py = (y: number) => height - ((y - yMin) / (yMax - yMin)) * height;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (grid) {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    // The grid may cover a different extent than the view: place it by its own extent.
    const [gx0, gx1, gy0, gy1] = grid.extent;
    ctx.drawImage(heatmapImage(grid), px(gx0), py(gy1), px(gx1) - px(gx0), py(gy0) - py(gy1));
  }

  const { pool, labelled } = split;
  const pseudoLabel = new Int32Array(pool.n).fill(-1);
  if (pseudo) for (let i = 0; i < pseudo.indices.length; i++) pseudoLabel[pseudo.indices[i]] = pseudo.labels[i];

  // Unlabelled pool points with no pseudo-label: small and grey, drawn first, in one path.
  const small = 2.2 * scale;
  ctx.fillStyle = UNLABELLED_COLOR;
  ctx.globalAlpha = 0.75;
  ctx.beginPath();
  for (let i = 0; i < pool.n; i++) {
    if (pseudoLabel[i] >= 0) continue;
    const x = px(pool.x[i * pool.dim]);
    const y = py(pool.x[i * pool.dim + 1]);
    ctx.moveTo(x + small, y);
    ctx.arc(x, y, small, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.globalAlpha = 1;

  drawPseudoLabels(ctx, split, pseudoLabel, px, py, scale);

  // Labelled examples: large, outlined, on top of everything.
  const large = 6 * scale;
  ctx.lineWidth = 2 * scale;
  ctx.strokeStyle = OUTLINE_COLOR;
  for (let i = 0; i < labelled.n; i++) {
    const x = px(labelled.x[i * labelled.dim]);
    const y = py(labelled.x[i * labelled.dim + 1]);
    ctx.fillStyle = classColor(labelled.y[i]);
    ctx.beginPath();
    ctx.arc(x, y, large, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

function drawPseudoLabels(
  ctx: CanvasRenderingContext2D,
  split: Split,
  pseudoLabel: Int32Array,
  px: (x: number) => number,
  py: (y: number) => number,
  scale: number,
): void {
  const { pool } = split;
  const radius = 3.2 * scale;
  ctx.lineWidth = 1 * scale;
  ctx.strokeStyle = '#ffffff';
  for (let c = 0; c < pool.classes; c++) {
    ctx.fillStyle = classColor(c);
    ctx.beginPath();
    for (let i = 0; i < pool.n; i++) {
      if (pseudoLabel[i] !== c) continue;
      const x = px(pool.x[i * pool.dim]);
      const y = py(pool.x[i * pool.dim + 1]);
      ctx.moveTo(x + radius, y);
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
  // Wrong pseudo-labels: a red cross with a white halo, readable on any class colour.
  const arm = 3.5 * scale;
  const cross = new Path2D();
  for (let i = 0; i < pool.n; i++) {
    if (pseudoLabel[i] < 0 || pseudoLabel[i] === pool.y[i]) continue;
    const x = px(pool.x[i * pool.dim]);
    const y = py(pool.x[i * pool.dim + 1]);
    cross.moveTo(x - arm, y - arm);
    cross.lineTo(x + arm, y + arm);
    cross.moveTo(x + arm, y - arm);
    cross.lineTo(x - arm, y + arm);
  }
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3 * scale;
  ctx.stroke(cross);
  ctx.strokeStyle = WRONG_COLOR;
  ctx.lineWidth = 1.5 * scale;
  ctx.stroke(cross);
  ctx.lineCap = 'butt';
}

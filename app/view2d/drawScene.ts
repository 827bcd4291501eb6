import { UNCLASSED, type Split } from '../../src/data/types.ts';
import type { DecisionGrid, PseudoLabelSnapshot } from '../../src/selftrain/events.ts';
import { heatmapPixels } from './heatmap.ts';
import { classColor, UNCLASSED_COLOR, UNLABELLED_COLOR, VETOED_COLOR, WRONG_COLOR } from './palette.ts';
import { sprite, type Sprite } from './sprites.ts';

export type Extent = DecisionGrid['extent'];

export interface Scene {
  split: Split;
  /** [xMin, xMax, yMin, yMax] of the data shown. */
  extent: Extent;
  grid: DecisionGrid | null;
  pseudo: PseudoLabelSnapshot | null;
}

/** Whether pool row `row`'s pseudo-label `label` is wrong: never for a row without a class, which is not scored. */
const isWrong = (split: Split, row: number, label: number): boolean => split.pool.y[row] !== UNCLASSED && split.pool.y[row] !== label;

/** How many of this generation's pseudo-labels disagree with the true labels. */
export function countWrongPseudoLabels(split: Split, pseudo: PseudoLabelSnapshot | null): number {
  if (!pseudo) return 0;
  let wrong = 0;
  for (let i = 0; i < pseudo.indices.length; i++) if (isWrong(split, pseudo.indices[i], pseudo.labels[i])) wrong++;
  return wrong;
}

/** The critic's vetoes this generation, and how many of them were right (the teacher's label was wrong). */
export function countVetoes(split: Split, pseudo: PseudoLabelSnapshot | null): { vetoed: number; right: number } {
  const vetoed = pseudo?.vetoed;
  if (!vetoed) return { vetoed: 0, right: 0 };
  let right = 0;
  for (let i = 0; i < vetoed.indices.length; i++) if (isWrong(split, vetoed.indices[i], vetoed.labels[i])) right++;
  return { vetoed: vetoed.indices.length, right };
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
 * the unlabelled pool (grey dots; hollow grey rings for points with no class), this generation's pseudo-labels (class colour, wrong ones
 * crossed in red), a grey ring on each candidate the critic vetoed, and the labelled examples (large, outlined). `scale` is device pixels per
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
    // Bilinear: smooth enough for a heatmap, and far cheaper to raster than 'high'.
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    // The grid may cover a different extent than the view: place it by its own extent.
    const [gx0, gx1, gy0, gy1] = grid.extent;
    ctx.drawImage(heatmapImage(grid), px(gx0), py(gy1), px(gx1) - px(gx0), py(gy0) - py(gy1));
  }

  const { pool, labelled } = split;
  const pseudoLabel = new Int32Array(pool.n).fill(-1);
  if (pseudo) for (let i = 0; i < pseudo.indices.length; i++) pseudoLabel[pseudo.indices[i]] = pseudo.labels[i];
  const stamp = (mark: Sprite, x: number, y: number) => ctx.drawImage(mark.image, Math.round(x - mark.half), Math.round(y - mark.half));

  // Unlabelled pool points with no pseudo-label: small and grey (a hollow ring without a class), drawn first.
  const poolMark = sprite('pool', UNLABELLED_COLOR, scale);
  const unclassedMark = sprite('unclassed', UNCLASSED_COLOR, scale);
  for (let i = 0; i < pool.n; i++) {
    if (pseudoLabel[i] < 0) stamp(pool.y[i] === UNCLASSED ? unclassedMark : poolMark, px(pool.x[i * pool.dim]), py(pool.x[i * pool.dim + 1]));
  }
  // This generation's pseudo-labels in their class colour, then a red cross on each wrong one.
  const pseudoMarks = Array.from({ length: pool.classes }, (_, c) => sprite('pseudo', classColor(c), scale));
  for (let i = 0; i < pool.n; i++) {
    if (pseudoLabel[i] >= 0) stamp(pseudoMarks[pseudoLabel[i]], px(pool.x[i * pool.dim]), py(pool.x[i * pool.dim + 1]));
  }
  const wrongMark = sprite('wrong', WRONG_COLOR, scale);
  for (let i = 0; i < pool.n; i++) {
    if (pseudoLabel[i] >= 0 && isWrong(split, i, pseudoLabel[i])) stamp(wrongMark, px(pool.x[i * pool.dim]), py(pool.x[i * pool.dim + 1]));
  }
  // The critic's vetoes stay grey pool points, ringed.
  if (pseudo?.vetoed) {
    const vetoedMark = sprite('vetoed', VETOED_COLOR, scale);
    for (const i of pseudo.vetoed.indices) stamp(vetoedMark, px(pool.x[i * pool.dim]), py(pool.x[i * pool.dim + 1]));
  }
  // Labelled examples: large, outlined, on top of everything.
  const labelledMarks = Array.from({ length: labelled.classes }, (_, c) => sprite('labelled', classColor(c), scale));
  for (let i = 0; i < labelled.n; i++) {
    stamp(labelledMarks[labelled.y[i]], px(labelled.x[i * labelled.dim]), py(labelled.x[i * labelled.dim + 1]));
  }
}

import type { WarmupSamples } from '../../src/selftrain/events.ts';
import { LINE } from '../charts/chartTheme.ts';
import { UNLABELLED_COLOR } from '../view2d/palette.ts';
import type { Extent } from '../view2d/drawScene.ts';

/** What the plane of a 2-D denoising warm-up shows: the data's points for context, and the lattice with its reconstructions. */
export interface PlaneScene {
  /** [xMin, xMax, yMin, yMax]: the 2-D view's extent, which the lattice spans. */
  extent: Extent;
  /** The labelled rows and the pool, n × 2, drawn faint. */
  points: Float32Array;
  samples: WarmupSamples;
}

/**
 * Draws the data faint, then an arrow from each lattice point to where the warm-up's network
 * rebuilds it. `scale` multiplies marks and lines (the device pixel ratio, more in presenter mode).
 */
export function drawPlane(ctx: CanvasRenderingContext2D, width: number, height: number, scale: number, { extent, points, samples }: PlaneScene): void {
  const [xMin, xMax, yMin, yMax] = extent;
  const px = (x: number) => ((x - xMin) / (xMax - xMin)) * width;
  const py = (y: number) => height - ((y - yMin) / (yMax - yMin)) * height;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = UNLABELLED_COLOR;
  ctx.globalAlpha = 0.45;
  for (let i = 0; i < points.length; i += 2) {
    ctx.beginPath();
    ctx.arc(px(points[i]), py(points[i + 1]), 2 * scale, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = LINE.warmup;
  ctx.fillStyle = LINE.warmup;
  ctx.lineWidth = 1.5 * scale;
  const head = 5 * scale;
  for (let i = 0; i < samples.count; i++) {
    const [x0, y0] = [px(samples.inputs[2 * i]), py(samples.inputs[2 * i + 1])];
    const [x1, y1] = [px(samples.outputs[2 * i]), py(samples.outputs[2 * i + 1])];
    ctx.beginPath();
    ctx.arc(x0, y0, 1.6 * scale, 0, 2 * Math.PI);
    ctx.fill();
    const length = Math.hypot(x1 - x0, y1 - y0);
    // A point rebuilt where it was has no arrow to draw.
    if (length < 1.5 * scale) continue;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
    ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
    ctx.closePath();
    ctx.fill();
  }
}

import type uPlot from 'uplot';
import type { GenerationResult } from '../../src/selftrain/events.ts';
import { chartFont, GOAL, lineWidth, PRESENT_FONT_PX } from './chartTheme.ts';

/** Slack for a test accuracy that is the goal up to float rounding (0.29 * 100 is 28.999…). */
const EPSILON = 1e-9;

/** The first generation whose test accuracy reaches `goal` percent; null when none has. */
export function goalGeneration(results: readonly GenerationResult[], goal: number): number | null {
  return results.find((row) => row.testAccuracy >= goal / 100 - EPSILON)?.generation ?? null;
}

/**
 * What the page says under the accuracy chart about the link's goal: the target while a run
 * has not reached it, the generation that did, or that a finished run fell short.
 */
export function goalText(goal: number, reached: number | null, finished: boolean): string {
  if (reached !== null) return `Goal of ${goal}% reached in generation ${reached}.`;
  return finished ? `Goal of ${goal}% not reached in this run: try changing one setting.` : `Goal: ${goal}% test accuracy.`;
}

/** A dashed horizontal line at `goal` percent across the plot, labelled "Goal 90%" at its right end. */
export function drawGoalLine(chart: uPlot, goal: number, present: boolean): void {
  const { ctx, bbox } = chart;
  const ratio = devicePixelRatio || 1;
  const y = Math.round(chart.valToPos(goal, 'y', true));
  if (y < bbox.top || y > bbox.top + bbox.height) return;
  ctx.save();
  ctx.strokeStyle = GOAL;
  ctx.fillStyle = GOAL;
  ctx.lineWidth = lineWidth(1.5, present) * ratio;
  ctx.setLineDash([10 * ratio, 6 * ratio]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.font = chartFont(Math.round((present ? PRESENT_FONT_PX : 12) * ratio), 600);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`Goal ${goal}%`, bbox.left + bbox.width - 4 * ratio, y - 3 * ratio);
  ctx.restore();
}

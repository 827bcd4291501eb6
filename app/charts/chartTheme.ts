import type uPlot from 'uplot';

/** Line colours, shared by the charts and their legends; each passes 3:1 against white. */
export const LINE = {
  test: '#1d4ed8',
  pseudo: '#b45309',
  baseline: '#4b5563',
  oracle: '#047857',
  loss: '#6d28d9',
  /** The self-supervised warm-up's loss, on its own axis. */
  warmup: '#c2410c',
  boundary: '#9ca3af',
  /** A population's mean student; its min–max band is STUDENT_BAND. */
  students: '#0e7490',
  /** The audit's estimate of the chosen student's accuracy; its interval is AUDIT_BAND. */
  audit: '#be185d',
  /** The labelled-only model trained on labels plus audit examples. */
  withAudit: '#7c3aed',
} as const;

/** The audit's interval around its estimate. */
export const AUDIT_BAND = 'rgba(190, 24, 93, 0.12)';

/** The ring around a generation the gate rejected. */
export const REJECTED = '#dc2626';

/** The fill between a population's best and worst student. */
export const STUDENT_BAND = 'rgba(14, 116, 144, 0.18)';

/** The pinned runs' ghost lines, one colour each (MAX_PINS), lighter than the live run's. */
export const PINNED = ['#60a5fa', '#f59e0b', '#34d399'] as const;

/** The goal line (goal=, src/config/view.ts) across the accuracy chart, and its label. */
export const GOAL = '#111827';

const AXIS_STROKE = '#374151';
const GRID_STROKE = '#e5e7eb';
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Presenter mode (present=1): a chart readable from the back of a room. */
export const PRESENT_FONT_PX = 22;
/** The thinnest line a chart draws in presenter mode. */
export const PRESENT_MIN_LINE = 3;

/** A chart font of `px` pixels (`weight` 600 for labels). */
export function chartFont(px: number, weight = 400): string {
  return `${weight} ${px}px ${FONT_FAMILY}`;
}

/** A line's width: as given, or in presenter mode doubled and never under PRESENT_MIN_LINE. */
export function lineWidth(width: number, present: boolean): number {
  return present ? Math.max(PRESENT_MIN_LINE, 2 * width) : width;
}

/** An axis in the page's style, with a visible label; larger type and room in presenter mode. */
export function axis(label: string, extra: Partial<uPlot.Axis> = {}, present = false): uPlot.Axis {
  const px = present ? PRESENT_FONT_PX : 12;
  // uPlot's default axis size is 50 px.
  const size = typeof extra.size === 'number' ? extra.size : 50;
  return {
    label,
    stroke: AXIS_STROKE,
    font: chartFont(px),
    labelFont: chartFont(px, 600),
    labelSize: present ? 34 : 20,
    grid: { stroke: GRID_STROKE, width: 1 },
    ticks: { stroke: GRID_STROKE, width: 1, size: 4 },
    ...extra,
    size: present ? Math.round(size * 1.7) : size,
  };
}

/** Whole-number ticks only (generations, epochs). */
export const integerTicks: Partial<uPlot.Axis> = {
  incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
  values: (_chart, ticks) => ticks.map((tick) => String(Math.round(tick))),
};

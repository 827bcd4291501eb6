import { useCallback, useRef } from 'react';
import uPlot from 'uplot';
import type { PretextTask } from '../../src/model/pretext.ts';
import { labStore } from '../store/useLabStore.ts';
import { axis, chartFont, integerTicks, LINE, lineWidth, PRESENT_FONT_PX } from './chartTheme.ts';
import { ChartLegend, type LegendEntry } from './ChartLegend.tsx';
import { lossRange, totalEpochs, WARMUP_LOSS_NAME, withWarmup } from './lossData.ts';
import { createTaskDraw } from '../schedule/taskDraw.ts';
import { useUplot } from './useUplot.ts';
import { SaveChartButton } from '../downloads/SaveChartButton.tsx';
import { useLab } from '../store/useLabStore.ts';
import { datasetSelector, lossWarmupTaskSelector } from '../store/selectors.ts';
import type { LabState } from '../store/types.ts';

const LEGEND: LegendEntry[] = [
  { label: 'Training loss', color: LINE.loss, style: 'solid' },
  { label: 'Start of a generation', color: LINE.boundary, style: 'dashed' },
];

/** The legend, with the warm-up's line first when the run has one. */
function legendFor(task: PretextTask | null): LegendEntry[] {
  return task ? [{ label: `Warm-up (${task}): ${WARMUP_LOSS_NAME[task]}, right axis`, color: LINE.warmup, style: 'solid' }, ...LEGEND] : LEGEND;
}

/**
 * The epochs the warm-up takes at the start of the x axis: the config's before a run, the run's
 * planned epochs while it trains, its finished ones once over (a stopped warm-up takes fewer).
 */
function warmupOffset({ run, config }: LabState): number {
  if (run.status === 'idle') return config.pretrain === 'none' ? 0 : config.pepochs;
  if (!run.warmup) return 0;
  return run.warmup.result ? run.warmup.result.loss.length : run.warmup.epochs;
}

function runLength(): number {
  const state = labStore.getState();
  const { run, config } = state;
  const epochs = run.status === 'idle' ? totalEpochs(config.gens, config.epochs) : totalEpochs(run.totalGenerations, run.epochsPerGeneration);
  return epochs + warmupOffset(state);
}

/** Dashed verticals where each generation's student starts training, labelled "g1", "g2", … (and "g0" after a warm-up). */
function drawGenerationBoundaries(chart: uPlot): void {
  const { ctx, bbox } = chart;
  const ratio = devicePixelRatio || 1;
  const state = labStore.getState();
  const { present } = state.view;
  const offset = warmupOffset(state);
  const marks = [...(offset > 0 ? [{ generation: 0, x: 1 }] : []), ...state.loss.boundaries()];
  ctx.save();
  ctx.strokeStyle = LINE.boundary;
  ctx.fillStyle = '#4b5563';
  ctx.lineWidth = lineWidth(1, present) * ratio;
  ctx.setLineDash([4 * ratio, 4 * ratio]);
  ctx.font = chartFont(Math.round((present ? PRESENT_FONT_PX : 11) * ratio));
  ctx.textBaseline = 'top';
  for (const mark of marks) {
    const x = Math.round(chart.valToPos(mark.x + offset - 0.5, 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(`g${mark.generation}`, x + 3 * ratio, bbox.top + 2 * ratio);
  }
  ctx.restore();
}

/**
 * Presenter mode is read once: the page remakes the chart when the mode changes. With a warm-up
 * its loss gets its own scale and axis at the right: a squared error or a 4-way cross-entropy is
 * no classifier's loss, and one axis would make the two look comparable.
 */
function buildOptions(task: PretextTask | null, width: number, height: number): uPlot.Options {
  const { present } = labStore.getState().view;
  const line = (label: string, stroke: string, scale = 'y'): uPlot.Series => ({ label, scale, stroke, width: lineWidth(1.5, present), points: { show: false } });
  // Its few epochs are marked as points too: a one-epoch warm-up has no line to draw.
  const warmupLine: uPlot.Series = { ...line(`Warm-up (${task})`, LINE.warmup, 'warmup'), points: { show: true, size: present ? 9 : 5, fill: LINE.warmup, stroke: LINE.warmup } };
  // The axis names no measure: a long label would not fit the chart's height; the legend names it.
  const warmupAxis = task && axis('Warm-up loss', { scale: 'warmup', side: 1, size: 52, grid: { show: false }, stroke: LINE.warmup }, present);
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 5 } },
    scales: {
      x: { time: false, range: () => [0.5, runLength() + 0.5] },
      y: { range: (chart) => lossRange(chart.data[1] as ArrayLike<number>) },
      ...(task ? { warmup: { range: (chart: uPlot) => lossRange(chart.data[2] as ArrayLike<number>) } } : {}),
    },
    axes: [axis('Epoch (whole run)', integerTicks, present), axis('Loss', { size: 44 }, present), ...(warmupAxis ? [warmupAxis] : [])],
    series: [{ label: 'Epoch' }, line('Training loss', LINE.loss), ...(task ? [warmupLine] : [])],
    hooks: { draw: [drawGenerationBoundaries] },
  };
}

/**
 * Feeds the chart from the transient loss series: React never sees a loss point. It
 * redraws when the run's progress in the store moves (a few times a second, see the
 * worker client), in a task of its own right after the status line's, so both usually
 * reach the screen in one frame. The warm-up's few losses come from the run's state.
 */
function connect(task: PretextTask | null, chart: uPlot): () => void {
  const { loss } = labStore.getState();
  const draw = () => {
    const state = labStore.getState();
    const { x, y } = loss.points();
    chart.setData(task ? withWarmup(state.run.warmup?.loss ?? [], warmupOffset(state), x, y) : [x, y]);
    chart.root.dataset.lineWidths = chart.series.slice(1).map((line) => line.width ?? 1).join(' ');
    // uPlot draws its axes on the canvas: their labels for a test to read.
    chart.root.dataset.axisLabels = chart.axes.map((axis) => axis.label ?? '').join(' | ');
  };
  draw();
  const redraw = createTaskDraw(draw);
  const unsubscribeRun = labStore.subscribe((state) => state.run, redraw.schedule);
  // The x axis spans the run's length, which follows the config until a run starts.
  const unsubscribeLength = labStore.subscribe(runLength, redraw.schedule);
  return () => {
    unsubscribeRun();
    unsubscribeLength();
    redraw.cancel();
  };
}

const TITLE = 'Training loss per epoch';

/** Training loss of every epoch of the run, generation after generation, after the warm-up's when the run has one. */
export function LossChart() {
  const containerRef = useRef<HTMLDivElement>(null);
  const data = useLab(datasetSelector);
  const task = useLab(lossWarmupTaskSelector);
  // A run with a warm-up has a series and an axis more: the chart is remade when that changes.
  const options = useCallback((width: number, height: number) => buildOptions(task, width, height), [task]);
  const connectChart = useCallback((chart: uPlot) => connect(task, chart), [task]);
  useUplot(containerRef, options, connectChart);
  const legend = legendFor(task);
  const warmupText = task
    ? ` The ${task} warm-up's loss (${WARMUP_LOSS_NAME[task]}) comes first, before generation 0, on its own scale on the right-hand axis: it is not comparable with the training loss.`
    : '';
  return (
    <figure className="chart">
      <figcaption className="chart__title">{TITLE}</figcaption>
      <div
        className="chart__plot chart__plot--loss"
        ref={containerRef}
        role="img"
        aria-label={`Line chart of the training loss of every epoch; it drops within each generation and jumps where a fresh student starts.${warmupText}`}
      />
      <ChartLegend entries={legend} />
      <SaveChartButton plotRef={containerRef} title={TITLE} legend={legend} name="loss chart" fileName={`${data}-loss.png`} />
    </figure>
  );
}

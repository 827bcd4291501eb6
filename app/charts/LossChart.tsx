import { useRef } from 'react';
import uPlot from 'uplot';
import { labStore } from '../store/useLabStore.ts';
import { axis, chartFont, integerTicks, LINE, lineWidth, PRESENT_FONT_PX } from './chartTheme.ts';
import { ChartLegend, type LegendEntry } from './ChartLegend.tsx';
import { lossRange, totalEpochs } from './lossData.ts';
import { createTaskDraw } from '../schedule/taskDraw.ts';
import { useUplot } from './useUplot.ts';
import { SaveChartButton } from '../downloads/SaveChartButton.tsx';
import { useLab } from '../store/useLabStore.ts';
import { datasetSelector } from '../store/selectors.ts';

const LEGEND: LegendEntry[] = [
  { label: 'Training loss', color: LINE.loss, style: 'solid' },
  { label: 'Start of a generation', color: LINE.boundary, style: 'dashed' },
];

function runLength(): number {
  const { run, config } = labStore.getState();
  return run.status === 'idle' ? totalEpochs(config.gens, config.epochs) : totalEpochs(run.totalGenerations, run.epochsPerGeneration);
}

/** Dashed verticals where each generation's student starts training, labelled "g1", "g2", … */
function drawGenerationBoundaries(chart: uPlot): void {
  const { ctx, bbox } = chart;
  const ratio = devicePixelRatio || 1;
  const { present } = labStore.getState().view;
  ctx.save();
  ctx.strokeStyle = LINE.boundary;
  ctx.fillStyle = '#4b5563';
  ctx.lineWidth = lineWidth(1, present) * ratio;
  ctx.setLineDash([4 * ratio, 4 * ratio]);
  ctx.font = chartFont(Math.round((present ? PRESENT_FONT_PX : 11) * ratio));
  ctx.textBaseline = 'top';
  for (const mark of labStore.getState().loss.boundaries()) {
    const x = Math.round(chart.valToPos(mark.x - 0.5, 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(`g${mark.generation}`, x + 3 * ratio, bbox.top + 2 * ratio);
  }
  ctx.restore();
}

/** Presenter mode is read once: the page remakes the chart when the mode changes. */
function buildOptions(width: number, height: number): uPlot.Options {
  const { present } = labStore.getState().view;
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 5 } },
    scales: {
      x: { time: false, range: () => [0.5, runLength() + 0.5] },
      y: { range: (chart) => lossRange(chart.data[1] as ArrayLike<number>) },
    },
    axes: [axis('Epoch (whole run)', integerTicks, present), axis('Loss', { size: 44 }, present)],
    series: [{ label: 'Epoch' }, { label: 'Training loss', stroke: LINE.loss, width: lineWidth(1.5, present), points: { show: false } }],
    hooks: { draw: [drawGenerationBoundaries] },
  };
}

/**
 * Feeds the chart from the transient loss series: React never sees a loss point. It
 * redraws when the run's progress in the store moves (a few times a second, see the
 * worker client), in a task of its own right after the status line's, so both usually
 * reach the screen in one frame.
 */
function connect(chart: uPlot): () => void {
  const { loss } = labStore.getState();
  const draw = () => {
    const { x, y } = loss.points();
    chart.setData([x, y]);
    chart.root.dataset.lineWidths = chart.series.slice(1).map((line) => line.width ?? 1).join(' ');
  };
  draw();
  const task = createTaskDraw(draw);
  const unsubscribeRun = labStore.subscribe((state) => state.run, task.schedule);
  // The x axis spans the run's length, which follows the config until a run starts.
  const unsubscribeLength = labStore.subscribe(runLength, task.schedule);
  return () => {
    unsubscribeRun();
    unsubscribeLength();
    task.cancel();
  };
}

const TITLE = 'Training loss per epoch';

/** Training loss of every epoch of the run, generation after generation. */
export function LossChart() {
  const containerRef = useRef<HTMLDivElement>(null);
  const data = useLab(datasetSelector);
  useUplot(containerRef, buildOptions, connect);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{TITLE}</figcaption>
      <div
        className="chart__plot chart__plot--loss"
        ref={containerRef}
        role="img"
        aria-label="Line chart of the training loss of every epoch; it drops within each generation and jumps where a fresh student starts."
      />
      <ChartLegend entries={LEGEND} />
      <SaveChartButton plotRef={containerRef} title={TITLE} legend={LEGEND} name="loss chart" fileName={`${data}-loss.png`} />
    </figure>
  );
}

import { useRef } from 'react';
import uPlot from 'uplot';
import { shallow } from 'zustand/shallow';
import { labStore, useLab } from '../store/useLabStore.ts';
import { useShallow } from 'zustand/react/shallow';
import { accuracyInputsSelector, auditSizeSelector, pinLabelsSelector, datasetSelector, gateSelector, goalSelector, studentsSelector } from '../store/selectors.ts';
import { accuracyLegend, accuracyRange, accuracySeries, AUDIT_SERIES, PIN_SERIES, STUDENT_SERIES, type AccuracySeries } from './accuracyData.ts';
import { AUDIT_BAND, axis, GOAL, integerTicks, LINE, lineWidth, PINNED, REJECTED, STUDENT_BAND } from './chartTheme.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { drawGoalLine } from './goal.ts';
import { SaveChartButton } from '../downloads/SaveChartButton.tsx';
import { GoalNote } from './GoalNote.tsx';
import { createTaskDraw } from '../schedule/taskDraw.ts';
import { useUplot } from './useUplot.ts';

/** Generations 0 to the last, with 2.5% of the width to spare each side so the first and last points are not cut in half. */
function generationRange(points: number): uPlot.Range.MinMax {
  const last = Math.max(1, points - 1);
  return [-0.025 * last, 1.025 * last];
}

/** The link's goal, drawn as a labelled line. */
function drawGoal(chart: uPlot): void {
  const { goal, present } = labStore.getState().view;
  if (goal !== null) drawGoalLine(chart, goal, present);
}

/** The series, with presenter mode's thick lines (read once: the page remakes the chart when the mode changes). */
function buildOptions(width: number, height: number): uPlot.Options {
  const { present } = labStore.getState().view;
  const options = seriesOptions(width, height, present);
  for (const series of options.series) if (series.width !== undefined) series.width = lineWidth(series.width, present);
  return options;
}

function seriesOptions(width: number, height: number, present: boolean): uPlot.Options & { series: uPlot.Series[] } {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    scales: {
      x: { time: false, range: (chart) => generationRange(chart.data[0].length) },
      y: { range: (chart) => accuracyRange(chart.data as unknown as AccuracySeries, labStore.getState().view.goal) },
    },
    axes: [axis('Generation', integerTicks, present), axis('Accuracy %', { size: 44 }, present)],
    series: [
      { label: 'Generation' },
      { label: 'Test accuracy', stroke: LINE.test, width: 2.5, points: { show: true, size: 7, fill: LINE.test } },
      { label: 'Pseudo-label accuracy', stroke: LINE.pseudo, width: 2, points: { show: true, size: 6, fill: LINE.pseudo } },
      { label: 'Labelled only', stroke: LINE.baseline, width: 1.5, dash: [6, 4], points: { show: false } },
      { label: 'Oracle', stroke: LINE.oracle, width: 1.5, dash: [2, 3], points: { show: false } },
      // A population's spread: the band between its best and worst student, and its mean.
      { label: 'Best student', stroke: STUDENT_BAND, width: 1, points: { show: false } },
      { label: 'Worst student', stroke: STUDENT_BAND, width: 1, points: { show: false } },
      { label: 'Students mean', stroke: LINE.students, width: 1.5, dash: [5, 3], points: { show: false } },
      // The audit: its estimate, the interval as a band between its ends, the labels + audit line.
      { label: 'Audit estimate', stroke: LINE.audit, width: 1.5, dash: [4, 3], points: { show: true, size: 5, fill: LINE.audit } },
      { label: 'Audit interval low', stroke: AUDIT_BAND, width: 1, points: { show: false } },
      { label: 'Audit interval high', stroke: AUDIT_BAND, width: 1, points: { show: false } },
      { label: 'Labels + audit', stroke: LINE.withAudit, width: 1.5, dash: [8, 3], points: { show: false } },
      // Rings around the generations the gate rejected, no line between them.
      { label: 'Rejected by the gate', stroke: REJECTED, width: 2, paths: () => null, points: { show: true, size: 13, width: 2, fill: 'transparent', stroke: REJECTED } },
      // Pinned runs: ghost lines of their test accuracy, behind nothing but lighter than the live run's.
      ...PINNED.map((stroke, i) => ({ label: `Pinned run ${i + 1}`, stroke, width: 1.5, dash: [3, 3], points: { show: true, size: 4, fill: stroke } })),
    ],
    bands: [
      { series: [STUDENT_SERIES.max, STUDENT_SERIES.min], fill: STUDENT_BAND },
      { series: [AUDIT_SERIES.high, AUDIT_SERIES.low], fill: AUDIT_BAND },
    ],
    hooks: { draw: [drawGoal] },
  };
}

/** Feeds the chart from the store without re-rendering React, in a task of its own. */
function connect(chart: uPlot): () => void {
  const draw = () => {
    const series = accuracySeries(accuracyInputsSelector(labStore.getState()));
    chart.setData(series as uPlot.AlignedData);
    // What is drawn, readable without the pixels: test points so far, and the oracle's line once it is known.
    chart.root.dataset.testPoints = String(series[1].filter((value) => value !== null).length);
    chart.root.dataset.oracle = series[4][0] === null ? '' : String(series[4][0]);
    // The audit's estimates per generation (blank where none), the labels + audit line, the rejected generations.
    chart.root.dataset.audit = series[AUDIT_SERIES.estimate].map((value) => (value === null ? '' : String(value))).join(' ').trim();
    chart.root.dataset.withAudit = series[AUDIT_SERIES.withAudit][0] === null ? '' : String(series[AUDIT_SERIES.withAudit][0]);
    chart.root.dataset.rejected = series[0].filter((g) => series[AUDIT_SERIES.rejected][g] !== null).join(' ');
    // The pinned runs' ghost lines drawn: how many have a point.
    chart.root.dataset.pins = String(series.slice(PIN_SERIES).filter((line) => line.some((value) => value !== null)).length);
    // The goal line's value, and every line's width in CSS pixels (presenter mode draws none under 3).
    chart.root.dataset.goal = String(labStore.getState().view.goal ?? '');
    chart.root.dataset.lineWidths = chart.series.slice(1).map((line) => line.width ?? 1).join(' ');
  };
  draw();
  const task = createTaskDraw(draw);
  const unsubscribe = labStore.subscribe(accuracyInputsSelector, task.schedule, { equalityFn: shallow });
  const unsubscribeGoal = labStore.subscribe(goalSelector, task.schedule);
  return () => {
    unsubscribe();
    unsubscribeGoal();
    task.cancel();
  };
}

const TITLE = 'Accuracy per generation';

/** Test and pseudo-label accuracy per generation, with the baseline and oracle as reference lines and a population's band. */
export function AccuracyChart({ describedBy }: { describedBy: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const students = useLab(studentsSelector);
  const audit = useLab(auditSizeSelector);
  const gate = useLab(gateSelector);
  const goal = useLab(goalSelector);
  useUplot(containerRef, buildOptions, connect);
  const data = useLab(datasetSelector);
  const pinLabels = useLab(useShallow(pinLabelsSelector));
  const base = accuracyLegend(students, audit, gate, pinLabels);
  const legend = goal === null ? base : [...base, { label: `Goal (${goal}%)`, color: GOAL, style: 'dashed' as const }];
  return (
    <figure className="chart">
      <figcaption className="chart__title">{TITLE}</figcaption>
      <div
        className="chart__plot chart__plot--accuracy"
        ref={containerRef}
        role="img"
        aria-label="Line chart of test and pseudo-label accuracy per generation (with several students, their spread as a band; with an audit, its estimate and interval); the Generations table below has the same numbers."
        aria-describedby={describedBy}
      />
      <ChartLegend entries={legend} />
      {goal !== null && <GoalNote goal={goal} />}
      <SaveChartButton plotRef={containerRef} title={TITLE} legend={legend} name="accuracy chart" fileName={`${data}-accuracy.png`} />
    </figure>
  );
}

import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { decodePoints, encodePoints, eraseNearest } from '../../src/data/customPoints.ts';
import { makeDatasetSplit } from '../../src/data/datasetSplit.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { gridExtent, type SplitSpec } from '../../src/data/split.ts';
import { unclassedNote } from '../../src/data/customSplit.ts';
import { countUnclassed, type Split } from '../../src/data/types.ts';
import { useSplitSpec } from '../data/useSplitSpec.ts';
import { formatCount } from '../format/percent.ts';
import { createTaskDraw } from '../schedule/taskDraw.ts';
import { configSelector, gridSelector, pseudoSelector } from '../store/selectors.ts';
import { withParam } from '../controls/paramGroups.ts';
import { labStore, useLab } from '../store/useLabStore.ts';
import { countVetoes, countWrongPseudoLabels, drawScene, type Extent } from './drawScene.ts';
import { DataLegend } from './DataLegend.tsx';
import { DrawTools, type ClickMode } from './DrawTools.tsx';
import { PointProbe, type ProbePoint } from './PointProbe.tsx';
import { useCanvasSize } from './useCanvasSize.ts';

/** Marks grow a little on large views (a projector) and never shrink below their base size. */
const BASE_VIEW_SIZE = 420;

function splitFor(spec: SplitSpec): { split: Split; extent: Extent } | { error: string } {
  try {
    const split = makeDatasetSplit(spec, undefined);
    return { split, extent: gridExtent(split) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The 2-D data, the model's decision regions and this generation's pseudo-labels on one canvas. */
export function DataView() {
  const config = useLab(configSelector);
  const grid = useLab(gridSelector);
  const pseudo = useLab(pseudoSelector);
  const spec = useSplitSpec(config);
  const data = useMemo(() => splitFor(spec), [spec]);
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawnRef = useRef(false);
  const { width, height, ratio } = useCanvasSize(frameRef);
  const [probe, setProbe] = useState<ProbePoint | null>(null);
  const [mode, setMode] = useState<ClickMode>('probe');
  const drawing = DATASETS[config.data].kind === 'custom';
  /** A click's data coordinates: the inverse of drawScene's mapping over the view's extent. */
  const probeAt = (event: MouseEvent<HTMLCanvasElement>) => {
    if ('error' in data) return;
    const box = event.currentTarget.getBoundingClientRect();
    const [xMin, xMax, yMin, yMax] = data.extent;
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    const at = { x: xMin + fx * (xMax - xMin), y: yMin + (1 - fy) * (yMax - yMin) };
    if (!drawing || mode === 'probe') return setProbe(at);
    const { config: current, setConfig } = labStore.getState();
    const points = decodePoints(current.points).points;
    const next = mode === 'erase' ? eraseNearest(points, at) : [...points, mode === 'none' ? at : { ...at, label: Number(mode) }];
    setConfig(withParam(current, 'points', encodePoints(next)));
  };
  const marker = probe && !('error' in data) ? markerPosition(probe, data.extent) : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || height === 0 || 'error' in data) return;
    const draw = () => {
      const context = canvas.getContext('2d');
      if (!context) return;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
      if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
      const scale = ratio * Math.max(1, Math.min(1.6, Math.min(width, height) / BASE_VIEW_SIZE));
      drawScene(context, pixelWidth, pixelHeight, scale, { split: data.split, extent: data.extent, grid, pseudo });
    };
    // The first view draws at once; a generation's update draws in a task of its own.
    if (!drawnRef.current) {
      drawnRef.current = true;
      return draw();
    }
    const task = createTaskDraw(draw);
    task.schedule();
    return task.cancel;
  }, [data, grid, pseudo, width, height, ratio]);

  const wrong = 'error' in data ? 0 : countWrongPseudoLabels(data.split, pseudo);
  const vetoes = 'error' in data ? { vetoed: 0, right: 0 } : countVetoes(data.split, pseudo);
  const unclassed = 'error' in data ? 0 : countUnclassed(data.split.pool.y);
  const summary =
    'error' in data
      ? `The data could not be drawn: ${data.error}`
      : `${formatCount(data.split.labelled.n)} labelled${data.split.audit ? ` + ${formatCount(data.split.audit.n)} audit` : ''}, ${formatCount(data.split.pool.n)} unlabelled` +
        (pseudo && pseudo.indices.length > 0 ? `, ${formatCount(pseudo.indices.length)} pseudo-labelled (${formatCount(wrong)} wrong)` : '') +
        (vetoes.vetoed > 0 ? `, ${formatCount(vetoes.vetoed)} vetoed by the critic (${formatCount(vetoes.right)} rightly)` : '') +
        (unclassed > 0 ? `. ${unclassedNote(unclassed)}` : '');

  return (
    <figure className="data-view">
      <figcaption className="chart__title">The data and what the model believes</figcaption>
      <div className="data-view__frame" ref={frameRef}>
        <canvas
          ref={canvasRef}
          className="data-view__canvas"
          role="img"
          aria-label={`Scatter plot of the ${config.data} data over the model's decision regions: ${summary}. Click a point to see what the latest generation makes of it.`}
          onClick={probeAt}
        />
        {marker && <span className="data-view__probe" style={marker} aria-hidden="true" />}
      </div>
      <p className="data-view__summary">{summary}</p>
      {drawing && <DrawTools mode={mode} onChange={setMode} />}
      <DataLegend classNames={'error' in data ? [] : data.split.classNames} critic={config.critic === 'committee'} unclassed={unclassed > 0} />
      <PointProbe point={probe} />
    </figure>
  );
}

/** Where a probed point sits in the frame, as CSS percentages (drawScene's mapping). */
function markerPosition(point: ProbePoint, [xMin, xMax, yMin, yMax]: Extent): { left: string; top: string } {
  return { left: `${(100 * (point.x - xMin)) / (xMax - xMin)}%`, top: `${100 - (100 * (point.y - yMin)) / (yMax - yMin)}%` };
}

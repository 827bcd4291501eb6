import { useMemo } from 'react';
import { classNames } from '../../src/data/datasets.ts';
import { configSelector, modelsSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { useVerdict } from '../worker/useVerdict.ts';
import { VerdictView } from '../worker/VerdictView.tsx';

/** A point of the 2-D view, in data coordinates. */
export interface ProbePoint {
  x: number;
  y: number;
}

/** What the latest generation makes of a clicked point: its class probabilities as bars, run as the labeler runs teachers. */
export function PointProbe({ point }: { point: ProbePoint | null }) {
  const config = useLab(configSelector);
  const models = useLab(modelsSelector);
  const model = models.at(-1) ?? null;
  const inputs = useMemo(() => (point ? Float32Array.of(point.x, point.y) : null), [point]);
  const verdict = useVerdict(model, inputs, config.labeler);
  const names = classNames(config);
  if (!point) return <p className="point-probe__note">Click anywhere in the view to ask the latest generation about that point.</p>;
  const where = `(${point.x.toFixed(2)}, ${point.y.toFixed(2)})`;
  if (!model) return <p className="point-probe__note">At {where}: run the experiment, and each trained generation can say what it sees there.</p>;
  return (
    <div className="point-probe" aria-live="polite">
      <VerdictView verdict={verdict} classNames={names} lead={`At ${where}, `} what="the point" testId="point-probe-verdict" />
    </div>
  );
}

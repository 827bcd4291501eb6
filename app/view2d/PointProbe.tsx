import { useMemo } from 'react';
import { classNames } from '../../src/data/datasets2d.ts';
import { ProbabilityBars } from '../charts/ProbabilityBars.tsx';
import { formatPercent } from '../format/percent.ts';
import { configSelector, modelsSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { useVerdict } from '../worker/useVerdict.ts';

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
      {verdict && 'error' in verdict && (
        <p className="image-view__error" role="alert">
          Could not classify the point: {verdict.error}
        </p>
      )}
      {verdict && 'probabilities' in verdict && (
        <>
          <p className="point-probe__verdict" data-testid="point-probe-verdict">
            At {where}, generation {verdict.model.generation} says <strong>{names[topClass(verdict.probabilities)]}</strong> (
            {formatPercent(Math.max(...verdict.probabilities))} sure; run by {verdict.by})
          </p>
          <ProbabilityBars classNames={names} probabilities={verdict.probabilities} top={topClass(verdict.probabilities)} />
        </>
      )}
    </div>
  );
}

/** The first most probable class. */
function topClass(probabilities: Float32Array): number {
  return probabilities.indexOf(Math.max(...probabilities));
}

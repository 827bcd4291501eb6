import { useEffect, useMemo, useRef } from 'react';
import { makeDatasetSplit } from '../../src/data/datasetSplit.ts';
import { IMAGE_BYTES } from '../../src/data/images/format.ts';
import type { WarmupSamples } from '../../src/selftrain/events.ts';
import { useSplitSpec } from '../data/useSplitSpec.ts';
import { formatCount } from '../format/percent.ts';
import { denoiseErrors, planeMoves, turnAngle, turnGuesses, warmupCurveText } from '../format/warmup.ts';
import { ImageTile } from '../images/ImageTile.tsx';
import { configSelector, presentSelector, warmupSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { drawPlane } from './drawPlane.ts';
import { latticeExtent } from './latticeExtent.ts';

/**
 * What the self-supervised warm-up learned, once it is over: its curve in a sentence, then for
 * images (28×28, whatever the model) a strip of pool images with its reconstructions or its guessed turns, for 2-D data its
 * reconstruction of the plane; the sentence that says why when it stopped.
 */
export function WarmupView() {
  const warmup = useLab(warmupSelector);
  const result = warmup?.result;
  if (!result) return null;
  const { samples } = warmup;
  return (
    <figure className="warmup" data-testid="warmup-view">
      <figcaption className="chart__title">What the warm-up learned ({result.task})</figcaption>
      {result.stopped ? (
        <p className="warmup__stopped" role="alert">
          {result.stopped}
        </p>
      ) : (
        <p className="data-view__summary">{warmupCurveText(result)}</p>
      )}
      {samples?.dim === IMAGE_BYTES && samples.turns && <TurnStrip samples={samples} />}
      {samples?.dim === IMAGE_BYTES && samples.clean && <DenoiseStrip samples={samples} />}
      {samples?.dim === 2 && <PlaneView samples={samples} />}
    </figure>
  );
}

/** One pool image's pixels out of a samples array (count × dim). */
const imageAt = (values: Float32Array, i: number, dim: number) => values.subarray(i * dim, (i + 1) * dim);

/** Each turned pool image with the turn the network guessed, its probability, and whether it is right. */
function TurnStrip({ samples }: { samples: WarmupSamples }) {
  const guesses = turnGuesses(samples);
  const right = guesses.filter((guess) => guess.right).length;
  const summary = `The model guessed ${right} of ${guesses.length} turns right.`;
  return (
    <div className="warmup__strip" role="group" aria-label={`Pool images turned by 0°, 90°, 180° or 270°, each with the turn the warm-up guessed. ${summary}`}>
      <ol className="warmup__images">
        {guesses.map((guess, i) => (
          <li key={i} className={guess.right ? 'warmup__image' : 'warmup__image warmup__image--wrong'}>
            <ImageTile
              pixels={imageAt(samples.inputs, i, samples.dim)}
              label={`Pool image ${i + 1}, turned ${turnAngle(guess.turn)}: guessed ${turnAngle(guess.guess)} (${Math.round(guess.probability * 100)}%), ${guess.right ? 'right' : 'wrong'}`}
            />
            <span aria-hidden="true">
              {guess.right ? '✓' : '✗'} {turnAngle(guess.guess)} {Math.round(guess.probability * 100)}%
            </span>
          </li>
        ))}
      </ol>
      <p className="data-view__summary">
        {summary} Under each image: the turn the model guessed and its probability{right < guesses.length ? ', ✗ where it was wrong' : ''}.
      </p>
    </div>
  );
}

/** Each pool image's noisy copy above the warm-up's reconstruction of it, above the original. */
function DenoiseStrip({ samples }: { samples: WarmupSamples }) {
  const errors = denoiseErrors(samples);
  const clean = samples.clean!;
  const summary = errors
    ? `Squared error per pixel against the originals: ${errors.noisy.toFixed(3)} for the noisy copies, ${errors.rebuilt.toFixed(3)} for the reconstructions.`
    : '';
  return (
    <div className="warmup__strip" role="group" aria-label={`${samples.count} pool images: a noisy copy, the warm-up's reconstruction of it and the original. ${summary}`}>
      <ol className="warmup__images">
        {Array.from({ length: samples.count }, (_, i) => (
          <li key={i} className="warmup__image">
            <ImageTile pixels={imageAt(samples.inputs, i, samples.dim)} label={`Pool image ${i + 1} with noise`} />
            <ImageTile pixels={imageAt(samples.outputs, i, samples.dim)} label={`Pool image ${i + 1} as the warm-up rebuilt it`} />
            <ImageTile pixels={imageAt(clean, i, samples.dim)} label={`Pool image ${i + 1}, the original`} />
          </li>
        ))}
      </ol>
      <p className="data-view__summary">Top: the noisy copy the network was given; middle: its reconstruction; bottom: the original. {summary}</p>
    </div>
  );
}

/** The 2-D warm-up's reconstruction of the plane: an arrow from each lattice point to where the network rebuilds it. */
function PlaneView({ samples }: { samples: WarmupSamples }) {
  const config = useLab(configSelector);
  const present = useLab(presentSelector);
  const spec = useSplitSpec(config);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const points = useMemo(() => {
    try {
      const split = makeDatasetSplit(spec, undefined);
      return Float32Array.from([...split.labelled.x, ...split.pool.x]);
    } catch {
      return new Float32Array(0);
    }
  }, [spec]);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const side = Math.round(canvas.clientWidth * ratio);
    canvas.width = side;
    canvas.height = side;
    drawPlane(context, side, side, ratio * (present ? 2 : 1), { extent: latticeExtent(samples), points, samples });
  }, [samples, points, present]);
  const moves = planeMoves(samples);
  const lattice = Math.round(Math.sqrt(moves.points));
  const summary =
    `Arrows from each of the ${formatCount(moves.points)} points of a ${lattice} × ${lattice} lattice over the plane to where the warm-up rebuilds it: ` +
    `a point moves ${moves.mean.toFixed(2)} on average and ${moves.largest.toFixed(2)} at most, on a plane ${moves.width.toFixed(1)} wide.`;
  return (
    <div className="warmup__plane">
      <canvas ref={canvasRef} className="warmup__canvas" role="img" aria-label={`${summary} The data's points are drawn faint beneath.`} />
      <p className="data-view__summary">
        {summary} A denoising network learns to pull noisy points back toward the data, so the arrows show where it places the data (grey dots: the
        data itself).
      </p>
    </div>
  );
}

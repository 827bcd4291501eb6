import { useState } from 'react';
import { classNames, DATASETS } from '../../src/data/datasets.ts';
import { configSelector, modelsSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { ImageTile } from './ImageTile.tsx';
import { PAD_SIDE, useDrawingCanvas } from './useDrawingCanvas.ts';
import { useVerdict } from '../worker/useVerdict.ts';
import { VerdictView } from '../worker/VerdictView.tsx';

/** "Latest" in the generation picker: follow each new generation as it finishes. */
const LATEST = 'latest';

/** For image data: draw a digit (or a garment) and see what a chosen generation makes of it, live. */
export function DrawPad() {
  const config = useLab(configSelector);
  const models = useLab(modelsSelector);
  const [picked, setPicked] = useState<number | typeof LATEST>(LATEST);
  const [image, setImage] = useState<Float32Array | null>(null);
  const { canvasRef, handlers, clear } = useDrawingCanvas(setImage);
  // A generation the current run does not have (after a reset, say) falls back to the latest.
  const model = models.find((m) => m.generation === picked) ?? models.at(-1) ?? null;
  const verdict = useVerdict(model, image, config.labeler);
  const names = classNames(config);
  const what = DATASETS[config.data].example;

  return (
    <section className="draw-pad" aria-label="Draw and classify">
      <h3 className="chart__title">Draw {what}; the network says what it sees</h3>
      <div className="draw-pad__body">
        <div className="draw-pad__surface">
          <canvas ref={canvasRef} className="draw-pad__canvas" width={PAD_SIDE} height={PAD_SIDE} role="img" aria-label={`Drawing pad: draw ${what} here`} {...handlers} />
          <div className="draw-pad__tools">
            <button type="button" className="button draw-pad__clear" onClick={clear}>
              Clear
            </button>
            <label>
              Generation{' '}
              <select value={String(picked)} onChange={(event) => setPicked(event.target.value === LATEST ? LATEST : Number(event.target.value))} disabled={models.length === 0}>
                <option value={LATEST}>latest{models.length > 0 ? ` (${models.at(-1)!.generation})` : ''}</option>
                {models.map((m) => (
                  <option key={m.generation} value={m.generation}>
                    {m.generation}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        <div className="draw-pad__result" aria-live="polite">
          {image && <ImageTile pixels={image} label="The drawing as the network sees it: 28×28, centred" />}
          {!model && <p className="draw-pad__note">Run the experiment: each trained generation can classify your drawing.</p>}
          {model && !image && <p className="draw-pad__note">Draw in the box with a mouse, finger or pen.</p>}
          <VerdictView verdict={verdict} classNames={names} lead="" what="the drawing" testId="draw-pad-verdict" />
        </div>
      </div>
    </section>
  );
}

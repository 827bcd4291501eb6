import { useMemo, useState } from 'react';
import { DATASETS } from '../../src/data/datasets.ts';
import { IMAGE_BYTES } from '../../src/data/images/format.ts';
import { formatCount, formatPercent } from '../format/percent.ts';
import { configSelector, pseudoSelector, testPredictionsSelector } from '../store/selectors.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { useLab } from '../store/useLabStore.ts';
import { DataProgress } from './DataProgress.tsx';
import { DrawPad } from './DrawPad.tsx';
import { galleryItems, perClassCounts } from './galleryItems.ts';
import { ImageTile } from './ImageTile.tsx';
import { useImageSplit } from './useImageSplit.ts';

/** Images shown at most: the most confident ones; the counts above cover all. */
const SHOWN = 120;

/** For image data, in place of the 2-D view: the download, then this generation's pseudo-labelled images by confidence, the test confusion matrix and the drawing pad. */
export function ImageView() {
  const config = useLab(configSelector);
  const pseudo = useLab(pseudoSelector);
  const testPredictions = useLab(testPredictionsSelector);
  const state = useImageSplit(config);
  const [onlyClass, setOnlyClass] = useState<number | null>(null);
  const split = state.kind === 'ready' ? state.split : null;
  const items = useMemo(() => (split ? galleryItems(split, pseudo, onlyClass) : []), [split, pseudo, onlyClass]);
  const counts = useMemo(() => (split ? perClassCounts(split, pseudo) : []), [split, pseudo]);
  const name = DATASETS[config.data].title;
  const wrong = counts.reduce((sum, count) => sum + count.wrong, 0);
  const total = counts.reduce((sum, count) => sum + count.total, 0);

  return (
    <figure className="image-view data-view">
      <figcaption className="chart__title">Pseudo-labelled images, most confident first</figcaption>
      <DataProgress name={name} state={state} />
      {split && (
        <>
          <p className="data-view__summary" data-testid="gallery-summary">
            {formatCount(split.labelled.n)} labelled, {formatCount(split.pool.n)} unlabelled
            {total > 0 ? `, ${formatCount(total)} pseudo-labelled (${formatCount(wrong)} wrong, ${formatPercent(1 - wrong / total)} right)` : ': run to see the pseudo-labels'}
          </p>
          <div className="image-view__classes" role="group" aria-label="Pseudo-labels per class; pick one to filter">
            <button type="button" aria-pressed={onlyClass === null} onClick={() => setOnlyClass(null)}>
              All
            </button>
            {split.classNames.map((className, c) => (
              <button key={className} type="button" aria-pressed={onlyClass === c} onClick={() => setOnlyClass(onlyClass === c ? null : c)}>
                {className}: {formatCount(counts[c].total)}
                {counts[c].wrong > 0 ? ` (${formatCount(counts[c].wrong)} wrong)` : ''}
              </button>
            ))}
          </div>
          <ol className="image-view__gallery" aria-label="Pseudo-labelled images">
            {items.slice(0, SHOWN).map((item) => {
              const label = split.classNames[item.label];
              const truth = split.classNames[item.truth];
              const isWrong = item.label !== item.truth;
              return (
                <li key={item.row} className={isWrong ? 'image-view__item image-view__item--wrong' : 'image-view__item'}>
                  <ImageTile
                    pixels={split.pool.x.subarray(item.row * IMAGE_BYTES, (item.row + 1) * IMAGE_BYTES)}
                    label={`${label}, ${formatPercent(item.confidence)} sure${isWrong ? `, really ${truth}` : ''}`}
                  />
                  <span className="image-view__caption">
                    {label} {formatPercent(item.confidence)}
                    {isWrong && <span className="image-view__truth"> is {truth}</span>}
                  </span>
                </li>
              );
            })}
          </ol>
          <ConfusionMatrix split={split} predicted={testPredictions} />
          <DrawPad />
        </>
      )}
    </figure>
  );
}

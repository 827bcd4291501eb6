import { useMemo, useState } from 'react';
import { DATASETS } from '../../src/data/datasets.ts';
import { IMAGE_BYTES } from '../../src/data/images/format.ts';
import { formatCount, formatPercent } from '../format/percent.ts';
import { configSelector, pseudoSelector, testPredictionsSelector } from '../store/selectors.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { useLab } from '../store/useLabStore.ts';
import { DataProgress } from './DataProgress.tsx';
import { DrawPad } from './DrawPad.tsx';
import { galleryItems, perClassCounts, vetoedItems, type GalleryItem } from './galleryItems.ts';
import { ImageTile } from './ImageTile.tsx';
import { useImageSplit } from './useImageSplit.ts';
import type { Split } from '../../src/data/types.ts';

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
  const vetoed = useMemo(() => (split ? vetoedItems(split, pseudo, onlyClass) : []), [split, pseudo, onlyClass]);
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
            {formatCount(split.labelled.n)} labelled{split.audit ? ` + ${formatCount(split.audit.n)} audit` : ''}, {formatCount(split.pool.n)} unlabelled
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
          <Gallery split={split} items={items} label="Pseudo-labelled images" />
          {pseudo?.vetoed && (
            <section className="image-view__vetoed" aria-label="Vetoed by the critic">
              <h3 className="image-view__heading" data-testid="vetoed-summary">
                Vetoed by the critic: {formatCount(vetoed.length)}
                {onlyClass === null ? '' : ` labelled ${split.classNames[onlyClass]}`}, {formatCount(vetoed.filter((item) => item.label !== item.truth).length)} of them
                rightly (the teacher was wrong); not trained on
              </h3>
              <Gallery split={split} items={vetoed} label="Images the critic vetoed" vetoed />
            </section>
          )}
          <ConfusionMatrix split={split} predicted={testPredictions} />
          <DrawPad />
        </>
      )}
    </figure>
  );
}

/** Up to SHOWN images with the teacher's label and confidence, the wrong ones marked with the truth; `vetoed` marks each as the critic's veto. */
function Gallery({ split, items, label, vetoed = false }: { split: Split; items: GalleryItem[]; label: string; vetoed?: boolean }) {
  return (
    // It scrolls when long: focusable, so the keyboard can scroll it too.
    <ol className="image-view__gallery" aria-label={label} tabIndex={0}>
      {items.slice(0, SHOWN).map((item) => {
        const name = split.classNames[item.label];
        const truth = split.classNames[item.truth];
        const isWrong = item.label !== item.truth;
        const className = ['image-view__item', isWrong ? 'image-view__item--wrong' : '', vetoed ? 'image-view__item--vetoed' : ''].filter(Boolean).join(' ');
        return (
          <li key={item.row} className={className}>
            <ImageTile
              pixels={split.pool.x.subarray(item.row * IMAGE_BYTES, (item.row + 1) * IMAGE_BYTES)}
              label={`${vetoed ? 'vetoed: ' : ''}${name}, ${formatPercent(item.confidence)} sure${isWrong ? `, really ${truth}` : ''}`}
            />
            <span className="image-view__caption">
              {vetoed ? '✕ ' : ''}
              {name} {formatPercent(item.confidence)}
              {isWrong && <span className="image-view__truth"> is {truth}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

import type { Split } from '../../src/data/types.ts';
import type { PseudoLabelSnapshot } from '../../src/selftrain/events.ts';

/** One pseudo-labelled pool image as the gallery shows it. */
export interface GalleryItem {
  /** Row of the pool. */
  row: number;
  label: number;
  truth: number;
  confidence: number;
}

type Labels = Pick<PseudoLabelSnapshot, 'indices' | 'labels' | 'confidence'>;

/** This generation's pseudo-labels, most confident first, optionally of one predicted class only. */
export function galleryItems(split: Split, pseudo: PseudoLabelSnapshot | null, onlyClass: number | null): GalleryItem[] {
  return pseudo ? items(split, pseudo, onlyClass) : [];
}

/** The teacher's labels the critic vetoed this generation, as galleryItems orders and filters them; none without a critic. */
export function vetoedItems(split: Split, pseudo: PseudoLabelSnapshot | null, onlyClass: number | null): GalleryItem[] {
  return pseudo?.vetoed ? items(split, pseudo.vetoed, onlyClass) : [];
}

function items(split: Split, labels: Labels, onlyClass: number | null): GalleryItem[] {
  const out: GalleryItem[] = [];
  for (let i = 0; i < labels.indices.length; i++) {
    const label = labels.labels[i];
    if (onlyClass !== null && label !== onlyClass) continue;
    const row = labels.indices[i];
    out.push({ row, label, truth: split.pool.y[row], confidence: labels.confidence[i] });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.row - b.row);
}

/** Pseudo-labels per predicted class, and how many of them are wrong. */
export function perClassCounts(split: Split, pseudo: PseudoLabelSnapshot | null): { total: number; wrong: number }[] {
  const counts = split.classNames.map(() => ({ total: 0, wrong: 0 }));
  if (!pseudo) return counts;
  for (let i = 0; i < pseudo.indices.length; i++) {
    const count = counts[pseudo.labels[i]];
    count.total++;
    if (split.pool.y[pseudo.indices[i]] !== pseudo.labels[i]) count.wrong++;
  }
  return counts;
}

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

/** This generation's pseudo-labels, most confident first, optionally of one predicted class only. */
export function galleryItems(split: Split, pseudo: PseudoLabelSnapshot | null, onlyClass: number | null): GalleryItem[] {
  if (!pseudo) return [];
  const items: GalleryItem[] = [];
  for (let i = 0; i < pseudo.indices.length; i++) {
    const label = pseudo.labels[i];
    if (onlyClass !== null && label !== onlyClass) continue;
    const row = pseudo.indices[i];
    items.push({ row, label, truth: split.pool.y[row], confidence: pseudo.confidence[i] });
  }
  return items.sort((a, b) => b.confidence - a.confidence || a.row - b.row);
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

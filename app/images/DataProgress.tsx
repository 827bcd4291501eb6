import { formatCount } from '../format/percent.ts';
import type { ImageSplitState } from './useImageSplit.ts';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The image download as a progress bar with its bytes, or the reason it failed. */
export function DataProgress({ name, state }: { name: string; state: ImageSplitState }) {
  if (state.kind === 'error') {
    return (
      <p className="image-view__error" role="alert">
        Could not load the {name} images: {state.message}. The rest of the page still works: reload to try again, or pick another dataset.
      </p>
    );
  }
  const received = state.kind === 'ready' ? state.total : state.received;
  const total = state.total;
  const label = state.kind === 'ready' ? `${name} images loaded (${megabytes(total)})` : `Loading the ${name} images`;
  return (
    <div className="image-view__progress">
      <progress
        className="image-view__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={received}
        max={Math.max(total, 1)}
        value={received}
      />
      <span className="image-view__bytes">
        {label}
        {state.kind === 'loading' ? `: ${megabytes(received)} of ${total > 0 ? megabytes(total) : '…'}` : ''}
        {state.kind === 'ready' ? `, ${formatCount(state.split.pool.n)} pool images` : ''}
      </span>
    </div>
  );
}

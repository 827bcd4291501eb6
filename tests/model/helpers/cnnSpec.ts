import type { CnnSpec } from '../../../src/model/types.ts';

/** A CNN over channels × height × width images: 3 classes, no hidden dense layer, no dropout, unless `rest` says otherwise. */
export function cnnSpec(channels: number, height: number, width: number, filters: number[], rest: Partial<CnnSpec> = {}): CnnSpec {
  return { kind: 'cnn', inputDim: channels * height * width, image: { channels, height, width }, classes: 3, filters, hidden: [], dropout: 0, ...rest };
}

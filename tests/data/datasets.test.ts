import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/config/presets.ts';
import { classNames, DATASET_NAMES, DATASETS, IMAGE_DATASETS, imageRequestFor, isImageDataset } from '../../src/data/datasets.ts';

describe('the dataset table', () => {
  it('names every dataset once, 2-D problems first, in the Dataset menu order', () => {
    expect(DATASET_NAMES).toEqual(['circle', 'xor', 'gauss', 'spiral', 'moons', 'custom', 'mnist', 'fashion']);
    expect(IMAGE_DATASETS).toEqual(['mnist', 'fashion']);
  });

  it.each(DATASET_NAMES.filter((name) => name !== 'custom'))("names %s's tuned preset, which exists and trains on it", (name) => {
    const preset = PRESETS.find((candidate) => candidate.name === DATASETS[name].preset);
    expect(preset?.dataset).toBe(name);
    expect(preset?.kind).toBe('gain');
  });

  it.each(DATASET_NAMES)('gives %s one class name per class at every allowed count', (name) => {
    const { min, max } = DATASETS[name].classes;
    for (let classes = min; classes <= max; classes++) expect(classNames({ data: name, classes })).toHaveLength(classes);
  });

  it('says which sets are images, and only image sets ask for files', () => {
    expect(DATASET_NAMES.filter(isImageDataset)).toEqual(['mnist', 'fashion']);
    expect(isImageDataset('__proto__')).toBe(false);
    expect(imageRequestFor({ data: 'moons', labels: 18, pool: 500, test: 1000 })).toBeUndefined();
    expect(imageRequestFor({ data: 'fashion', labels: 100, pool: 4900, test: 2000 })).toEqual({ data: 'fashion', train: 5000, test: 2000 });
  });

  it('gives every image set an image shape that matches its example shape', () => {
    for (const name of IMAGE_DATASETS) {
      const { image, exampleShape } = DATASETS[name];
      expect(exampleShape).toEqual([image.channels, image.height, image.width]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../../src/config/codec.ts';
import { IMAGE_BYTES } from '../../../src/data/images/format.ts';
import { loadImages } from '../../../src/data/images/load.ts';
import { diskSource } from '../../../src/data/images/node/diskSource.ts';
import { imageRequest, makeImageSplit } from '../../../src/data/images/split.ts';
import { makeSplit, SplitError } from '../../../src/data/split.ts';

const configOf = (link: string) => decodeLink(link).config;
const counts = (y: Int32Array) => Array.from({ length: 10 }, (_, c) => y.filter((label) => label === c).length);

describe('makeImageSplit', () => {
  it('draws a class-balanced labelled set and a disjoint pool by seed, and takes the first official test images', async () => {
    const config = configOf('data=mnist&labels=100&pool=3000&test=500&seed=7');
    const request = imageRequest(config);
    expect(request).toEqual({ data: 'mnist', train: 5000, test: 500 });
    const images = await loadImages(request, diskSource());
    const split = makeImageSplit(config, images);
    expect(counts(split.labelled.y)).toEqual(new Array(10).fill(10));
    expect([split.labelled.n, split.pool.n, split.test.n, split.pool.dim]).toEqual([100, 3000, 500, IMAGE_BYTES]);
    expect(split.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Test rows are the official test images in order, scaled to [0, 1].
    expect(Array.from(split.test.y.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    for (let p = 0; p < IMAGE_BYTES; p++) expect(split.test.x[IMAGE_BYTES + p]).toBe(Math.fround(images.test.images[IMAGE_BYTES + p] / 255));
    // No image is both labelled and in the pool.
    const key = (x: Float32Array, row: number) => x.subarray(row * IMAGE_BYTES, (row + 1) * IMAGE_BYTES).join(',');
    const labelled = new Set(Array.from({ length: 100 }, (_, row) => key(split.labelled.x, row)));
    for (let row = 0; row < split.pool.n; row++) expect(labelled.has(key(split.pool.x, row))).toBe(false);
    // Same seed, same split; another seed, other labelled images.
    expect(makeImageSplit(config, images).labelled.x).toEqual(split.labelled.x);
    expect(makeImageSplit({ ...config, seed: 8 }, images).labelled.x).not.toEqual(split.labelled.x);
  });

  it('names Fashion-MNIST classes and refuses images that do not cover the config', async () => {
    const config = configOf('data=fashion&labels=20&pool=100&test=30');
    const images = await loadImages(imageRequest(config), diskSource());
    const split = makeImageSplit(config, images);
    expect(split.classNames[0]).toBe('T-shirt/top');
    expect(split.classNames[9]).toBe('Ankle boot');
    expect(counts(split.labelled.y)).toEqual(new Array(10).fill(2));
    expect(() => makeImageSplit({ ...config, test: 40 }, images)).toThrow(SplitError);
    expect(() => makeSplit(config)).toThrow(/fashion is not drawn from the seed/);
  });
});

describe('an image audit', () => {
  it('is balanced over the classes, disjoint from labels, pool and test, and leaves the labels as audit=0 draws them', async () => {
    const config = configOf('data=mnist&labels=100&audit=50&pool=3000&test=500&seed=7');
    expect(imageRequest(config)).toEqual({ data: 'mnist', train: 5000, test: 500 });
    const images = await loadImages(imageRequest(config), diskSource());
    const split = makeImageSplit(config, images);
    const audit = split.audit!;
    expect(counts(audit.y)).toEqual(new Array(10).fill(5));
    expect(audit.pixels).toHaveLength(50 * IMAGE_BYTES);
    const key = (x: Float32Array, row: number) => x.subarray(row * IMAGE_BYTES, (row + 1) * IMAGE_BYTES).join(',');
    const audited = new Set(Array.from({ length: audit.n }, (_, row) => key(audit.x, row)));
    for (const set of [split.labelled, split.pool]) for (let row = 0; row < set.n; row++) expect(audited.has(key(set.x, row))).toBe(false);
    const without = makeImageSplit({ ...config, audit: 0 }, images);
    expect(without.audit).toBeUndefined();
    expect(split.labelled.x).toEqual(without.labelled.x);
    expect(makeImageSplit(config, images).audit!.x).toEqual(audit.x);
  });
});

describe('image settings in a link', () => {
  it('fixes ten classes silently, allows 60,000/10,000 for images and clamps 2-D sets to 5,000 with a note', () => {
    const mnist = decodeLink('data=mnist&labels=100&pool=59900&test=10000');
    expect(mnist.notes).toEqual([]);
    expect([mnist.config.classes, mnist.config.pool, mnist.config.test]).toEqual([10, 59_900, 10_000]);
    expect(decodeLink('data=mnist&labels=100&pool=60000').notes).toEqual([expect.stringContaining('using pool=59900')]);
    expect(decodeLink('data=mnist&classes=3').notes).toEqual([expect.stringContaining('always has 10 classes')]);
    const moons = decodeLink('data=moons&pool=60000&test=10000');
    expect([moons.config.pool, moons.config.test]).toEqual([5000, 5000]);
    expect(moons.notes).toHaveLength(2);
  });
});

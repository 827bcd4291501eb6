import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, linkLengthNote, MAX_LINK_LENGTH } from '../../src/config/codec.ts';
import { decodePoints, encodePoints, STARTER_POINTS, type CustomPoint } from '../../src/data/customPoints.ts';

/** n points of `classes` classes along a line. */
const line = (n: number, classes: number): CustomPoint[] => Array.from({ length: n }, (_, i) => ({ x: (i / n) * 10 - 5, y: i % 3, label: i % classes }));

describe('points= in a link', () => {
  it('is written only under data=custom, and dropped from other datasets', () => {
    const points = encodePoints(line(30, 4));
    const custom = decodeLink(`data=custom&points=${points}&labels=8`);
    expect(custom.notes).toEqual([]);
    expect(custom.config).toMatchObject({ points, classes: 4, labels: 8 });
    expect(encodeLink(custom.config)).toContain(`&points=${points}&`);
    const moons = decodeLink(`data=moons&points=${points}`);
    expect(moons.config.points).toBe('');
    expect(encodeLink(moons.config)).not.toContain('points=');
  });

  it('starts data=custom from the starter points when the link has none, or too few', () => {
    const none = decodeLink('data=custom');
    expect(none.notes).toEqual([]);
    expect(decodePoints(none.config.points).points).toEqual(STARTER_POINTS);
    const few = decodeLink(`data=custom&points=${encodePoints(line(3, 2))}`);
    expect(few.notes).toEqual(['data=custom needs at least 4 points with a class; using the starter points']);
    expect(few.config.points).toBe(none.config.points);
  });

  it('reads a damaged value as no points, with a note, and keeps working', () => {
    const { config, notes } = decodeLink('data=custom&points=abc');
    expect(notes).toEqual(["the link's points could not be read (its length, 3, is not a multiple of 4); no points were loaded"]);
    expect(config.points).toBe(encodePoints(STARTER_POINTS));
  });

  it('fits labels and audit into the points there are', () => {
    const points = encodePoints(line(20, 2));
    expect(decodeLink(`data=custom&points=${points}&labels=40`).notes).toEqual([
      'labels=40 does not fit the 20 points with a class (2 classes, a pool and a test set); using 18',
    ]);
    const { config, notes } = decodeLink(`data=custom&points=${points}&labels=6&audit=30`);
    expect(notes).toEqual([
      'audit=30 does not fit the 20 points with a class beside the labels; using 16',
      'labels=6 does not fit the 20 points with a class (2 classes, a pool and a test set); using 2',
    ]);
    expect(config).toMatchObject({ audit: 16, labels: 2 });
  });

  it('says when a link is too long to share, and offers the CSV instead', () => {
    const link = encodeLink(decodeLink(`data=custom&points=${encodePoints(line(1000, 2))}`).config);
    expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(linkLengthNote(link)).toMatch(/more than the 4096 a link may hold: too many points to share this way\. Share them as a CSV file instead\./);
    expect(linkLengthNote(encodeLink(decodeLink('data=custom').config))).toBeUndefined();
  });
});

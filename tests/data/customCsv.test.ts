import { describe, expect, it } from 'vitest';
import { importPointsCsv, parsePointsCsv, pointsToCsv } from '../../src/data/customCsv.ts';
import { STARTER_POINTS, type CustomPoint } from '../../src/data/customPoints.ts';

/** 200 data rows after a header; every tenth (lines 11, 21, ...) is broken one of four ways. */
function fileWithBadRows(): { text: string; badLines: number[] } {
  const lines = ['x,y,label'];
  const badLines: number[] = [];
  const broken = ['oops,1,0', '1,,1', '1,2,7.5', '9,1,0'];
  for (let i = 0; i < 200; i++) {
    const line = lines.length + 1;
    if (i % 10 === 9) {
      lines.push(broken[badLines.length % broken.length]);
      badLines.push(line);
    } else {
      lines.push(i % 7 === 0 ? `${(i % 12) - 5.5},${-(i % 11) / 2},` : `${(i % 12) - 5.5},${-(i % 11) / 2},${i % 3}`);
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, badLines };
}

describe('parsePointsCsv', () => {
  it('keeps the 180 good rows of 200 and names each of the 20 bad lines', () => {
    const { text, badLines } = fileWithBadRows();
    const { points, errors } = parsePointsCsv(text);
    expect(points).toHaveLength(180);
    expect(errors).toHaveLength(20);
    expect(errors.map((error) => Number(/^line (\d+): /.exec(error)?.[1]))).toEqual(badLines);
    expect(errors.slice(0, 4)).toEqual([
      'line 11: x is not a number',
      'line 21: y is not a number',
      'line 31: label "7.5" is not a class from 0 to 9 (leave it empty for a point with no class)',
      'line 41: x (9) is outside -6 to 6',
    ]);
    expect(points.filter((point) => point.label === undefined)).toHaveLength(26);
    expect(points[0]).toEqual({ x: -5.5, y: 0 });
    expect(points[1]).toEqual({ x: -4.5, y: -0.5, label: 1 });
  });

  it('reads a file without a header, with spaces and a row of two values', () => {
    expect(parsePointsCsv('1, 2, 1\n-3,4\n\n0.5,-0.25,0')).toEqual({
      points: [{ x: 1, y: 2, label: 1 }, { x: -3, y: 4 }, { x: 0.5, y: -0.25, label: 0 }],
      errors: [],
    });
  });

  it('names a row with the wrong number of values', () => {
    expect(parsePointsCsv('1,2,0,5\n7').errors).toEqual([
      'line 1: expected x,y,label (2 or 3 values), found 4',
      'line 2: expected x,y,label (2 or 3 values), found 1',
    ]);
  });
});

describe('importPointsCsv', () => {
  const drawn: CustomPoint[] = [{ x: 1, y: 1, label: 0 }, { x: -1, y: -1, label: 1 }, { x: 0, y: 2 }];

  it('leaves the points already there in place for a garbage file', () => {
    for (const garbage of ['\u0000\u0001PNG garbage\nmore,garbage,here', '', 'x,y,label\n']) {
      const result = importPointsCsv(drawn, garbage);
      expect(result.accepted).toBe(false);
      expect(result.points).toEqual(drawn);
      expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('replaces them with a file that has good rows, and still names the bad ones', () => {
    const result = importPointsCsv(drawn, 'x,y,label\n2,3,1\nnope\n');
    expect(result).toEqual({ accepted: true, points: [{ x: 2, y: 3, label: 1 }], errors: ['line 3: expected x,y,label (2 or 3 values), found 1'] });
  });
});

describe('pointsToCsv', () => {
  it('writes a file that reads back as the same points, unlabelled ones too', () => {
    const points = [...STARTER_POINTS, { x: 0.012, y: -6 }];
    const text = pointsToCsv(points);
    expect(text.startsWith('x,y,label\r\n')).toBe(true);
    expect(text.endsWith('0.012,-6,\r\n')).toBe(true);
    const read = parsePointsCsv(text);
    expect(read.errors).toEqual([]);
    expect(read.points).toHaveLength(points.length);
    read.points.forEach((point, i) => {
      expect(point.label).toBe(points[i].label);
      expect(point.x).toBeCloseTo(points[i].x, 9);
      expect(point.y).toBeCloseTo(points[i].y, 9);
    });
  });
});

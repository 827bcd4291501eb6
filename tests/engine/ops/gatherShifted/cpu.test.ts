import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { imageShift } from '../../../../src/engine/ops/gatherShifted/shift.ts';

/** Images of 5×4 pixels whose pixel (y, x) of image i holds 100·i + 10·y + x + 1, so a moved pixel says where it came from. */
const HEIGHT = 5;
const WIDTH = 4;
const SHAPE = { channels: 1, height: HEIGHT, width: WIDTH };
const pixel = (i: number, y: number, x: number) => 100 * i + 10 * y + x + 1;
const images = (n: number) => Float32Array.from({ length: n * HEIGHT * WIDTH }, (_, e) => pixel(Math.floor(e / (HEIGHT * WIDTH)), Math.floor(e / WIDTH) % HEIGHT, e % WIDTH));

describe('gatherShifted', () => {
  it('gathers each row moved by its own drawn shift, zero-filled where it moved in from outside', async () => {
    const backend = createCpuBackend();
    const src = backend.createTensor(6 * HEIGHT * WIDTH, 'src');
    backend.write(src, images(6));
    const index = backend.createIndexTensor(5, 'index');
    backend.writeIndices(index, Int32Array.from([9, 4, 0, 5, 2]));
    const out = backend.createTensor(4 * HEIGHT * WIDTH, 'out');
    backend.gatherShifted(src, SHAPE, index, 1, 4, out, 2, 31, 7);
    const got = await backend.read(out);
    for (let r = 0; r < 4; r++) {
      const row = [4, 0, 5, 2][r];
      const { dx, dy } = imageShift(31, 7, r, 2);
      for (let y = 0; y < HEIGHT; y++) {
        for (let x = 0; x < WIDTH; x++) {
          const [sy, sx] = [y - dy, x - dx];
          const inside = sy >= 0 && sy < HEIGHT && sx >= 0 && sx < WIDTH;
          expect(got[r * HEIGHT * WIDTH + y * WIDTH + x], `row ${r} (${y}, ${x})`).toBe(inside ? pixel(row, sy, sx) : 0);
        }
      }
    }
  });

  it('is a plain gather at shift 0', async () => {
    const backend = createCpuBackend();
    const src = backend.createTensor(3 * HEIGHT * WIDTH, 'src');
    backend.write(src, images(3));
    const index = backend.createIndexTensor(2, 'index');
    backend.writeIndices(index, Int32Array.from([2, 1]));
    const [plain, shifted] = [backend.createTensor(2 * HEIGHT * WIDTH, 'plain'), backend.createTensor(2 * HEIGHT * WIDTH, 'shifted')];
    backend.gather(src, HEIGHT * WIDTH, index, 0, 2, plain);
    backend.gatherShifted(src, SHAPE, index, 0, 2, shifted, 0, 1, 1);
    expect(Array.from(await backend.read(shifted))).toEqual(Array.from(await backend.read(plain)));
  });

  it('draws every shift in [-2, 2]² about equally often, anew for each counter', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 25_000; i++) {
      const { dx, dy } = imageShift(5, 1, i, 2);
      counts.set(`${dx},${dy}`, (counts.get(`${dx},${dy}`) ?? 0) + 1);
    }
    expect(counts.size).toBe(25);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
    const draws = (counter: number) => Array.from({ length: 20 }, (_, i) => imageShift(5, counter, i, 2));
    expect(draws(2)).not.toEqual(draws(1));
    expect(draws(1)).toEqual(draws(1));
  });

  it('draws model k of a stacked op at k·rows + r, so model 0 shifts as one model does', async () => {
    const backend = createCpuBackend();
    const src = backend.createTensor(3 * HEIGHT * WIDTH, 'src');
    backend.write(src, images(3));
    const index = backend.createIndexTensor(3, 'index');
    backend.writeIndices(index, Int32Array.from([0, 1, 2]));
    const single = backend.createTensor(3 * HEIGHT * WIDTH, 'single');
    const pair = backend.createTensor(3 * HEIGHT * WIDTH, 'pair', 2);
    backend.gatherShifted(src, SHAPE, index, 0, 3, single, 1, 8, 2);
    backend.gatherShifted(src, SHAPE, index, 0, 3, pair, 1, 8, 2);
    const both = await backend.read(pair);
    expect(Array.from(both.subarray(0, 3 * HEIGHT * WIDTH))).toEqual(Array.from(await backend.read(single)));
    const secondRow0 = imageShift(8, 2, 3, 1);
    const firstPixel = both[3 * HEIGHT * WIDTH];
    expect(firstPixel).toBe(secondRow0.dx <= 0 && secondRow0.dy <= 0 ? pixel(0, -secondRow0.dy, -secondRow0.dx) : 0);
  });

  it('refuses a row outside the source and a shift it cannot draw, saying which', () => {
    const backend = createCpuBackend();
    const src = backend.createTensor(2 * HEIGHT * WIDTH, 'src');
    const index = backend.createIndexTensor(1, 'index');
    backend.writeIndices(index, Int32Array.from([2]));
    const out = backend.createTensor(HEIGHT * WIDTH, 'out');
    expect(() => backend.gatherShifted(src, SHAPE, index, 0, 1, out, 1, 1, 1)).toThrow(/index 2 at position 0 is outside the 2 source rows/);
    expect(() => backend.gatherShifted(src, SHAPE, index, 0, 1, out, 1.5, 1, 1)).toThrow(/maxShift must be a whole number/);
  });
});

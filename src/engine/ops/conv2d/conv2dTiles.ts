import { defineKernel, type Kernel } from '../../webgpu/kernel.ts';
import activation from '../activationBackward/activation.wgsl?raw';
import frame from './conv2dTiles.wgsl?raw';
import weightGradFrame from './conv2dWeightGradTiles.wgsl?raw';

/** Output channels and pixels of one row per invocation of conv2dTiles.wgsl. */
export const TILE_CHANNELS = 4;
export const TILE_PIXELS = 4;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `frame` with each line `$NAME` replaced by lines[NAME]. */
const fill = (source: string, lines: Record<string, string[]>) => source.replace(/^\$(\w+)$/gm, (_, name: string) => lines[name].join('\n'));

/** conv2dTiles.wgsl with its $ lines written out for kernel side k: the tile's taps unrolled into register arithmetic. */
function tilesSource(k: number): string {
  const pad = (k - 1) / 2;
  const columns = TILE_PIXELS + k - 1;
  const tile = range(TILE_CHANNELS).flatMap((o) => range(TILE_PIXELS).map((p) => [o, p] as const));
  const taps = range(k).map((a) => {
    const loads = range(columns).map((j) => `        let s${j} = source(rowIn && col${j}, at + ${j});`);
    const products = tile.flatMap(([o, p]) => range(k).map((b) => `        acc${o}${p} = fma(s${p + b}, w${o}${a}${b}, acc${o}${p});`));
    return [`      {`, `        let sy = i32(y) + ${a - pad};`, `        let rowIn = sy >= 0 && sy < height;`, `        let at = srcPlane + sy * width + x0;`, ...loads, ...products, `      }`];
  });
  const lines: Record<string, string[]> = {
    COLUMNS: range(columns).map((j) => `  let col${j} = x0 + ${j} >= 0 && x0 + ${j} < width;`),
    ZERO: tile.map(([o, p]) => `    var acc${o}${p} = 0.0;`),
    WEIGHTS: range(TILE_CHANNELS).flatMap((o) => range(k).flatMap((a) => range(k).map((b) => `      let w${o}${a}${b} = weight(c, d0 + ${o}u, ${a}u, ${b}u);`))),
    TAPS: taps.flat(),
    STORES: tile.map(([o, p]) => `    store(r, d0 + ${o}u, y, u32(x0 + PAD) + ${p}u, acc${o}${p});`),
  };
  return `${activation}\nconst K = ${k}u;\nconst PAD = ${pad};\n${fill(frame, lines)}`;
}

/** conv2dWeightGradTiles.wgsl with its $ lines written out for kernel side k: the window's slide and the gradients' products unrolled. */
function weightGradSource(k: number): string {
  const pad = (k - 1) / 2;
  const channels = range(TILE_CHANNELS);
  const weights = channels.flatMap((o) => range(k).flatMap((a) => range(k).map((b) => `g${o}${a}${b}`)));
  const sums = [...weights, ...channels.map((o) => `gb${o}`)];
  const inside = (a: number, column: string) => `in${a} && ${column} >= 0 && ${column} < width`;
  const lines: Record<string, string[]> = {
    ZERO: sums.map((name) => `    var ${name} = 0.0;`),
    ROWS: range(k).flatMap((a) => [
      `        let row${a} = y + ${a - pad};`,
      `        let in${a} = row${a} >= 0 && row${a} < height;`,
      `        let at${a} = xPlane + row${a} * width;`,
      `        var s${a}0 = 0.0;`,
      ...range(k - 1).map((b) => `        var s${a}${b + 1} = source(${inside(a, `${b - pad}`)}, at${a} + ${b - pad});`),
    ]),
    SLIDE: [
      ...range(k).flatMap((a) => range(k - 1).map((b) => `          s${a}${b} = s${a}${b + 1};`)),
      ...range(k).map((a) => `          s${a}${k - 1} = source(${inside(a, `px + ${pad}`)}, at${a} + px + ${pad});`),
      ...channels.map((o) => `          let u${o} = upstream(o0 + ${o}u, at);`),
    ],
    PRODUCTS: [
      ...channels.flatMap((o) => range(k).flatMap((a) => range(k).map((b) => `          g${o}${a}${b} = fma(u${o}, s${a}${b}, g${o}${a}${b});`))),
      ...channels.map((o) => `          gb${o} += u${o};`),
    ],
    PARTIALS: sums.map((name, e) => `    partial[lid * SUMS + ${e}u] = ${name};`),
  };
  return `const K = ${k}u;\nconst SUMS = ${sums.length}u;\n${fill(weightGradFrame, lines)}`;
}

const kernels = new Map<string, Kernel>();

function built(label: string, source: () => string): Kernel {
  let kernel = kernels.get(label);
  if (!kernel) {
    kernel = defineKernel(label, source());
    kernels.set(label, kernel);
  }
  return kernel;
}

/** The conv2dTiles kernel for kernel side k, built on first use. */
export const tilesKernel = (k: number): Kernel => built(`conv2dTiles${k}`, () => tilesSource(k));

/** The conv2dWeightGradTiles kernel for kernel side k, built on first use. */
export const weightGradTilesKernel = (k: number): Kernel => built(`conv2dWeightGradTiles${k}`, () => weightGradSource(k));

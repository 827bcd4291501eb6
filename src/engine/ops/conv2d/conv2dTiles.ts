import { defineKernel, type Kernel } from '../../webgpu/kernel.ts';
import activation from '../activationBackward/activation.wgsl?raw';
import frame from './conv2dTiles.wgsl?raw';
import weightGradFrame from './conv2dWeightGradTiles.wgsl?raw';

/** Output channels per invocation of conv2dTiles.wgsl. */
export const TILE_CHANNELS = 8;
/** Output channels per workgroup of conv2dWeightGradTiles.wgsl. */
export const GRADIENT_CHANNELS = 4;

/**
 * Pixels of one image row per invocation of conv2dTiles.wgsl: 14, a whole row of a 14-wide
 * image and half of a 28-wide one; 7 for images up to 7 wide, which would leave half a
 * 14-pixel tile idle.
 */
export const tilePixels = (width: number) => (width <= 7 ? 7 : 14);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `frame` with each line `$NAME` replaced by lines[NAME]. */
const fill = (source: string, lines: Record<string, string[]>) => source.replace(/^\$(\w+)$/gm, (_, name: string) => lines[name].join('\n'));

/** conv2dTiles.wgsl with its $ lines written out for kernel side k: the tile's taps unrolled into register arithmetic. */
function tilesSource(k: number, pixels: number): string {
  const pad = (k - 1) / 2;
  const columns = pixels + k - 1;
  const channels = range(TILE_CHANNELS);
  const tile = channels.flatMap((o) => range(pixels).map((p) => [o, p] as const));
  const taps = range(k).map((a) => {
    const loads = range(columns).map((j) => `        let s${j} = source(rowIn && col${j}, at + ${j});`);
    const products = tile.flatMap(([o, p]) => range(k).map((b) => `        acc${o}_${p} = fma(s${p + b}, w${o}_${a}${b}, acc${o}_${p});`));
    return [`      {`, `        let sy = i32(y) + ${a - pad};`, `        let rowIn = sy >= 0 && sy < height;`, `        let at = srcPlane + sy * width + x0;`, ...loads, ...products, `      }`];
  });
  const weight = (o: number, a: number, b: number) => {
    const at = `wc + ${o}u * oStride`;
    return `      let w${o}_${a}${b} = select(0.0, w[select(0u, select(${at} + ${a * k + b}u, ${at} - ${a * k + b}u, INPUT_GRADIENT), live${o})], live${o});`;
  };
  const lines: Record<string, string[]> = {
    COLUMNS: range(columns).map((j) => `  let col${j} = x0 + ${j} >= 0 && x0 + ${j} < width;`),
    LIVE: channels.map((o) => `  let live${o} = d0 + ${o}u < params.dstChannels;`),
    ZERO: tile.map(([o, p]) => `    var acc${o}_${p} = 0.0;`),
    WEIGHTS: channels.flatMap((o) => range(k).flatMap((a) => range(k).map((b) => weight(o, a, b)))),
    TAPS: taps.flat(),
    STORES: [
      ...channels.map((o) => `    let bias${o} = select(0.0, bias[biasBase + select(0u, d0 + ${o}u, live${o})], HAS_BIAS && live${o});`),
      ...tile.map(([o, p]) => `    if (live${o} && col${p + pad}) { out[outAt + ${o}u * plane + ${p}u] = activation(ACTIVATION, acc${o}_${p} + bias${o}); }`),
    ],
  };
  const constants = `const K = ${k}u;\nconst PAD = ${pad};\nconst CHANNELS = ${TILE_CHANNELS}u;\nconst PIXELS = ${pixels}u;`;
  return `${activation}\n${constants}\n${fill(frame, lines)}`;
}

/** conv2dWeightGradTiles.wgsl with its $ lines written out for kernel side k: the window's slide and the gradients' products unrolled. */
function weightGradSource(k: number): string {
  const pad = (k - 1) / 2;
  const channels = range(GRADIENT_CHANNELS);
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
  return `const K = ${k}u;\nconst CHANNELS = ${GRADIENT_CHANNELS}u;\nconst SUMS = ${sums.length}u;\n${fill(weightGradFrame, lines)}`;
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

/** The conv2dTiles kernel for kernel side k and tiles `pixels` wide, built on first use. */
export const tilesKernel = (k: number, pixels: number): Kernel => built(`conv2dTiles${k}x${pixels}`, () => tilesSource(k, pixels));

/** The conv2dWeightGradTiles kernel for kernel side k, built on first use. */
export const weightGradTilesKernel = (k: number): Kernel => built(`conv2dWeightGradTiles${k}`, () => weightGradSource(k));

// Compiles the engine's WebAssembly kernels (every src/engine/ops/<op>/*.as.ts, AssemblyScript)
// into one module, src/engine/wasm/kernels.wasm, which git ignores. 128-bit SIMD only, never
// relaxed SIMD (its fused multiply-add differs between machines). The memory is imported: the
// runtime (src/engine/wasm/) owns it, allocates tensors in it and grows it. Rebuilt only when
// the sources, this script or the compiler changed (a hash in kernels.wasm.stamp), so the
// entry points (ensure.mjs, the vitest global setup) may call it every time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OPS = join(ROOT, 'src/engine/ops');
export const KERNELS_WASM = join(ROOT, 'src/engine/wasm/kernels.wasm');
const STAMP = `${KERNELS_WASM}.stamp`;

const FLAGS = ['--optimize', '--optimizeLevel', '3', '--enable', 'simd', '--runtime', 'stub', '--importMemory', '--initialMemory', '1', '--noAssert'];

/** The kernel sources, in a fixed order so the module (and the stamp) is the same on every machine. */
function kernelSources() {
  const sources = [];
  for (const op of readdirSync(OPS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const file of readdirSync(join(OPS, op)).sort()) if (file.endsWith('.as.ts')) sources.push(join(OPS, op, file));
  }
  return sources;
}

function stampOf(sources) {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(join(ROOT, 'node_modules/assemblyscript/package.json')));
  for (const source of sources) hash.update(relative(ROOT, source)).update(readFileSync(source));
  return hash.digest('hex');
}

/** Builds kernels.wasm unless it is up to date; returns whether it built. */
export async function buildWasm({ quiet = false } = {}) {
  const sources = kernelSources();
  const stamp = stampOf(sources);
  if (existsSync(KERNELS_WASM) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return false;
  const asc = await import('assemblyscript/asc');
  const args = [...sources.map((source) => relative(ROOT, source)), '--outFile', relative(ROOT, KERNELS_WASM), ...FLAGS];
  if (!quiet) console.error(`> asc ${args.join(' ')}`);
  const { error, stderr } = await asc.main(args, { stdout: process.stdout, stderr: process.stderr, baseDir: ROOT });
  if (error) throw new Error(`The WebAssembly kernels did not compile: ${error.message}\n${stderr.toString()}`);
  writeFileSync(STAMP, stamp);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWasm();

// Compiles the engine's WebAssembly kernels (every src/engine/ops/<op>/*.as.ts, AssemblyScript)
// into two modules that git ignores: src/engine/wasm/kernels.wasm, over an ordinary memory, and
// kernels.shared.wasm, the same code over a shared memory (threads), which the runtime uses
// where the page is cross-origin isolated. 128-bit SIMD only, never relaxed SIMD (its fused
// multiply-add differs between machines). The memory is imported: the runtime
// (src/engine/wasm/) owns it, allocates tensors in it and grows it. The modules have no data
// segments, so every thread may instantiate one over the same memory without rewriting it.
// Rebuilt only when the sources, this script or the compiler changed (a hash in
// kernels.wasm.stamp), so the entry points (ensure.mjs, the vitest global setup) may call it every time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OPS = join(ROOT, 'src/engine/ops');
export const KERNELS_WASM = join(ROOT, 'src/engine/wasm/kernels.wasm');
const SHARED_WASM = join(ROOT, 'src/engine/wasm/kernels.shared.wasm');
const STAMP = `${KERNELS_WASM}.stamp`;

const FLAGS = ['--optimize', '--optimizeLevel', '3', '--enable', 'simd', '--runtime', 'stub', '--importMemory', '--initialMemory', '1', '--noAssert'];
/** The shared module's memory: shared, up to wasm32's 4 GiB (65536 pages), as the runtime makes it. */
const SHARED_FLAGS = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];

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
  if ([KERNELS_WASM, SHARED_WASM, STAMP].every(existsSync) && readFileSync(STAMP, 'utf8') === stamp) return false;
  const asc = await import('assemblyscript/asc');
  for (const [outFile, flags] of [[KERNELS_WASM, FLAGS], [SHARED_WASM, [...FLAGS, ...SHARED_FLAGS]]]) {
    const args = [...sources.map((source) => relative(ROOT, source)), '--outFile', relative(ROOT, outFile), ...flags];
    if (!quiet) console.error(`> asc ${args.join(' ')}`);
    const { error, stderr } = await asc.main(args, { stdout: process.stdout, stderr: process.stderr, baseDir: ROOT });
    if (error) throw new Error(`The WebAssembly kernels did not compile: ${error.message}\n${stderr.toString()}`);
    if (hasDataSection(readFileSync(outFile))) throw new Error(`${relative(ROOT, outFile)} has a data section: each thread's instance would rewrite it in the shared memory.`);
  }
  writeFileSync(STAMP, stamp);
  return true;
}

/** Whether a module has a data section (id 11): walks the sections, each an id and a LEB128 length. */
function hasDataSection(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    if (id === 11) return true;
    at += size;
  }
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWasm();

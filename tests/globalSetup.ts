import { buildWasm } from '../scripts/buildWasm.mjs';

/** Builds the WebAssembly kernels when a kernel changed (or a fresh clone has none yet), before any test loads them. */
export default async function setup() {
  await buildWasm();
}

/** src/engine/wasm/kernels.wasm, the compiled kernels. */
export const KERNELS_WASM: string;
/** Builds kernels.wasm from every src/engine/ops/<op>/*.as.ts unless it is up to date; resolves to whether it built. */
export function buildWasm(options?: { quiet?: boolean }): Promise<boolean>;

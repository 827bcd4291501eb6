/**
 * The two headers that make a page cross-origin isolated, so it may share memory between
 * threads (the WebAssembly backend's kernel threads, jax-js's and onnxruntime-web's): sent by
 * the site's dev server and preview, and by the bench page's. A static host sends them too
 * where it can (docs/backends.md).
 */
export const CROSS_ORIGIN_ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

import type { WebOrt } from './webOrt.ts';
import { createOrtLabeler, type OrtSessionOptions } from './ortLabeler.ts';

/** onnxruntime-web's Node build on its WASM execution provider, one thread: the CLI's labelling runtime. */
export async function loadNodeOrt(): Promise<WebOrt> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  const options: OrtSessionOptions = { executionProviders: ['wasm'] };
  return { ort, options, provider: 'wasm', version: ort.env.versions.web ?? 'unknown', labeler: (config) => createOrtLabeler(ort, config, options) };
}

import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** Builds the bench page with Vite and serves it on 127.0.0.1 (a secure context, so WebGPU is allowed). */
export async function buildAndServeBenchPage(): Promise<{ url: string; close(): Promise<void> }> {
  await build({ configFile: CONFIG });
  const server = await preview({ configFile: CONFIG, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address for the bench page');
  return { url, close: () => server.close() };
}

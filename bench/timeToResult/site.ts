// The app's production build, served as the e2e tests serve it (tests/e2e/globalSetup.ts), but
// built into bench-results/site so a bench run leaves dist/ alone.
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const OUT = fileURLToPath(new URL('../../bench-results/site', import.meta.url));

export async function buildAndServeSite(): Promise<{ url: string; close(): Promise<void> }> {
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const server = await preview({ build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address for the site');
  return { url, close: () => server.close() };
}

import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the site under a subpath-free `dist/` and serves it the way a static host would. */
export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report an address');
  project.provide('baseUrl', address);
  return async () => {
    await server.close();
  };
}

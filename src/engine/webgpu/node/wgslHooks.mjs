// Node module hooks that give `import source from './kernel.wgsl?raw'` Vite's meaning (the
// file's text as the default export), so the WebGPU backend loads under plain Node and tsx
// (the CLI) as it does under Vite. Registered by registerWgsl.mjs.
import { readFile } from 'node:fs/promises';

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith('?raw')) return nextResolve(specifier, context);
  const resolved = await nextResolve(specifier.slice(0, -'?raw'.length), context);
  return { url: `${resolved.url}?raw`, format: 'module', shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('?raw')) return nextLoad(url, context);
  const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}

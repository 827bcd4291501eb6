// `node --import ./src/engine/webgpu/node/registerWgsl.mjs` (or `tsx --import ...`): lets
// Node import the kernels' `.wgsl?raw` sources. See wgslHooks.mjs.
import { register } from 'node:module';

register('./wgslHooks.mjs', import.meta.url);

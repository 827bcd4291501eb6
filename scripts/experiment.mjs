// `npm run experiment -- ...`: the CLI under tsx, with what Dawn for Node (the `webgpu`
// package, loaded only for --backend webgpu) needs to find Chromium's SwiftShader driver
// where there is no GPU. These must be set before node starts, hence this wrapper.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (existsSync('/usr/lib/chromium/vk_swiftshader_icd.json')) {
  env.LD_LIBRARY_PATH = [process.env.LD_LIBRARY_PATH, '/usr/lib/chromium'].filter(Boolean).join(':');
  env.VK_ICD_FILENAMES = process.env.VK_ICD_FILENAMES || '/usr/lib/chromium/vk_swiftshader_icd.json';
}
const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exitCode = run.status ?? 1;

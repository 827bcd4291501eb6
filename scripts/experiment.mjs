// `npm run experiment -- ...`: the CLI under tsx, with the SwiftShader variables that
// `--backend webgpu` needs where there is no GPU (they must be set before node starts).
import { spawnSync } from 'node:child_process';
import { withSwiftShader } from './swiftshaderEnv.mjs';

const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...process.argv.slice(2)], { stdio: 'inherit', env: withSwiftShader() });
process.exitCode = run.status ?? 1;

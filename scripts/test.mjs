// `npm test`: install what is missing (Debian's Chromium included), then typecheck,
// lint, unit tests and browser end-to-end tests, stopping at the first failure.
import { execSync } from 'node:child_process';
import { ensureChromium, ensureDependencies, ensureWasm } from './ensure.mjs';
import { withSwiftShader } from './swiftshaderEnv.mjs';

ensureDependencies();
await ensureWasm();
ensureChromium();

// vitest's workers load Dawn for Node; they inherit these from this process.
const env = withSwiftShader();

const steps = [
  ['typecheck', 'npx tsc -p tsconfig.json'],
  ['lint', 'npx eslint . --max-warnings=0'],
  ['unit', 'npx vitest run'],
  ['end-to-end', 'npx vitest run -c vitest.e2e.config.ts'],
];
for (const [name, command] of steps) {
  console.log(`\n=== ${name}: ${command}`);
  const started = Date.now();
  try {
    execSync(command, { stdio: 'inherit', env });
  } catch {
    console.error(`\n${name} failed.`);
    process.exit(1);
  }
  console.log(`=== ${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Installs what a fresh clone is missing, using only Node's standard library:
// npm dependencies (when package-lock.json changed since the last install), the
// WebAssembly kernels (when a kernel changed) and, when asked, Debian's Chromium for
// the browser tests.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const STAMP = 'node_modules/.install-stamp';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command) {
  console.error(`> ${command}`);
  execSync(command, { stdio: 'inherit', env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' } });
}

export function ensureDependencies() {
  const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json') : Buffer.from('');
  // The lock file changes exactly when the dependency tree does; other edits to package.json
  // (a new script) must not trigger a reinstall.
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
  run(existsSync('package-lock.json') ? 'npm ci --no-fund --no-audit' : 'npm install --no-fund --no-audit');
  writeFileSync(STAMP, hash);
}

/** Compiles the WebAssembly kernels when they changed; after ensureDependencies (it needs assemblyscript). */
export async function ensureWasm() {
  const { buildWasm } = await import('./buildWasm.mjs');
  await buildWasm();
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureDependencies();
  await ensureWasm();
  if (process.argv.includes('--chromium')) ensureChromium();
}

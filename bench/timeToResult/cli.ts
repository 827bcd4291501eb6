// Times one link on the command line as a person runs it: `node scripts/experiment.mjs "<link>"
// --json --progress`, from the process's start to its generation 0 line on stderr and to its exit.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TimedRun } from '../report/types.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function timeCliRun(link: string, timeoutMs: number): Promise<TimedRun> {
  const run: TimedRun = { backend: null, firstGenerationSeconds: null, endSeconds: null, error: null };
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  // Its own process group, so a run past the limit is ended with the tsx process it starts.
  const child = spawn(process.execPath, ['scripts/experiment.mjs', link, '--json', '--progress'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (run.firstGenerationSeconds === null && /^generation 0 of /m.test(stderr)) run.firstGenerationSeconds = seconds();
  });
  const timer = setTimeout(() => {
    run.error = `no exit within ${timeoutMs / 1000} s`;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      if (run.error === null) {
        run.endSeconds = seconds();
        if (code === 0) run.backend = (JSON.parse(stdout) as { backend: string }).backend;
        else run.error = `exit code ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`;
      }
      resolve(run);
    });
  });
}

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 x64, 2 × Intel(R) Xeon(R) ..., 23 GiB": the OS, CPUs and memory. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  return [osName(), `${os.type()} ${os.release()} ${os.arch()}`, `${cpus.length} × ${model}`, memory].filter(Boolean).join(', ');
}

function osName(): string | null {
  if (!existsSync('/etc/os-release')) return null;
  const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((entry) => entry.startsWith('PRETTY_NAME='));
  return line ? line.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '') : null;
}

/** The 1-minute load average against the core count: wall-clock rates drop when other work shares the cores. */
export function describeLoad(): string {
  return `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores when the run started`;
}

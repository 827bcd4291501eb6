/**
 * Median epoch CPU seconds (user + system, this process) of each engine, epochs interleaved,
 * after one warm-up epoch each: on a shared machine CPU time tracks the work better than wall
 * time. `clock: 'wall'` times wall seconds instead, for engines on several threads (whose CPU
 * time adds up every thread's).
 */
import { median } from './median.ts';

export async function epochMedians(epochs: number, engines: (() => Promise<unknown>)[], clock: 'cpu' | 'wall' = 'cpu'): Promise<number[]> {
  for (const runEpoch of engines) await runEpoch();
  const seconds = engines.map(() => [] as number[]);
  for (let e = 0; e < epochs; e++) {
    for (const [i, runEpoch] of engines.entries()) {
      const [start, wallStart] = [process.cpuUsage(), performance.now()];
      await runEpoch();
      const used = process.cpuUsage(start);
      seconds[i].push(clock === 'wall' ? (performance.now() - wallStart) / 1e3 : (used.user + used.system) / 1e6);
    }
  }
  return seconds.map(median);
}

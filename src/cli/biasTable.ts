/**
 * The confirmation-bias presets run by run: `npx tsx src/cli/biasTable.ts [--seeds 0-9,42-46]`
 * prints, for each seed, the bias preset and the critic's preset side by side, as markdown for
 * bench/presets.md and docs/critic.md (paste it by hand). CPU backend, so the numbers reproduce.
 * `--critic 'students=16&agree=15'` sets those keys of the critic's link first: the variants
 * docs/critic.md compares, controls without a critic (`students=1&critic=none`) among them.
 */
import { decodeLink } from '../config/codec.ts';
import { PRESETS } from '../config/presets.ts';
import { biasRunOf, showsBias, type BiasRun } from './presetCheck.ts';

const percent = (fraction: number | null) => (fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`);
const share = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/** "0-9,42-46" → [0, ..., 9, 42, ..., 46]. */
export function parseSeeds(text: string): number[] | null {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return null;
    for (let seed = from; seed <= to; seed++) seeds.push(seed);
  }
  return seeds;
}

function cells(r: BiasRun): string[] {
  const admitted = `${r.admitted[0] ?? 0} → ${r.admitted.at(-1) ?? 0} (${r.admitted.length})`;
  return [percent(r.baseline), percent(r.last), `${percent(r.firstPseudoLabelAccuracy)} → ${percent(r.lastPseudoLabelAccuracy)}`, admitted];
}

/** `link` with the keys of `overrides` (a link's query, `k=v&...`) set to their values. */
function withKeys(link: string, overrides: string): string {
  const params = new URLSearchParams(link);
  for (const [key, value] of new URLSearchParams(overrides)) params.set(key, value);
  return params.toString();
}

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? '') : null;
};

async function main(): Promise<number> {
  const seeds = parseSeeds(option('--seeds') ?? '0-9,42-46');
  const bias = PRESETS.find((p) => p.kind === 'bias' && decodeLink(p.link).config.critic === 'none');
  const preset = PRESETS.find((p) => p.kind === 'bias' && decodeLink(p.link).config.critic === 'committee');
  const critic = preset && { name: preset.name, link: withKeys(preset.link, option('--critic') ?? '') };
  if (!seeds || !bias || !critic) {
    process.stderr.write(`Usage: npx tsx src/cli/biasTable.ts [--seeds 0-9,42-46] [--critic 'students=16&agree=15']   (whole numbers and ranges; link keys)\n`);
    return 2;
  }
  for (const note of decodeLink(critic.link).notes) process.stderr.write(`--critic: ${note}\n`);
  const lines = [
    `| Seed | ${bias.name}: generation 0 | last generation | pseudo-label accuracy, first → last | labels admitted, first → last (generations) | shows the bias | ${critic.name}: generation 0 | last generation | pseudo-label accuracy, first → last | labels admitted | vetoed | critic precision | critic recall | critic's last − bias preset's |`,
    '|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const pairs: [BiasRun, BiasRun][] = [];
  for (const seed of seeds) {
    const b = await biasRunOf(bias.link, seed);
    const c = await biasRunOf(critic.link, seed);
    pairs.push([b, c]);
    const gain = ((c.last - b.last) * 100).toFixed(1);
    lines.push(`| ${seed} | ${[...cells(b), showsBias(b) ? 'yes' : 'no', ...cells(c), String(c.vetoed), share(c.vetoedWrong, c.vetoed), share(c.vetoedWrong, c.teacherWrong), gain].join(' | ')} |`);
  }
  const bs = pairs.map(([b]) => b);
  const cs = pairs.map(([, c]) => c);
  const m = (runs: BiasRun[], pick: (r: BiasRun) => number | null) => percent(mean(runs.map((r) => pick(r) ?? 0)));
  const sum = (pick: (r: BiasRun) => number) => cs.reduce((s, r) => s + pick(r), 0);
  const pla = (runs: BiasRun[]) => `${m(runs, (r) => r.firstPseudoLabelAccuracy)} → ${m(runs, (r) => r.lastPseudoLabelAccuracy)}`;
  const admittedMean = (runs: BiasRun[]) => `${Math.round(mean(runs.map((r) => r.admitted[0] ?? 0)))} → ${Math.round(mean(runs.map((r) => r.admitted.at(-1) ?? 0)))}`;
  const wins = pairs.filter(([b, c]) => c.last > b.last).length;
  lines.push(
    `| mean | ${m(bs, (r) => r.baseline)} | ${m(bs, (r) => r.last)} | ${pla(bs)} | ${admittedMean(bs)} | ${bs.filter(showsBias).length} of ${bs.length} | ${m(cs, (r) => r.baseline)} | ${m(cs, (r) => r.last)} | ${pla(cs)} | ${admittedMean(cs)} | ${sum((r) => r.vetoed)} | ${share(sum((r) => r.vetoedWrong), sum((r) => r.vetoed))} | ${share(sum((r) => r.vetoedWrong), sum((r) => r.teacherWrong))} | ${((mean(cs.map((r) => r.last)) - mean(bs.map((r) => r.last))) * 100).toFixed(1)} (ahead on ${wins} of ${pairs.length}) |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main();

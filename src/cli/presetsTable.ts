/**
 * Measures every preset over several seeds and prints the markdown table of bench/presets.md:
 * `npx tsx src/cli/presetsTable.ts [--seeds N]`; paste it into bench/presets.md by hand (that file is also the research log).
 */
import { decodeLink } from '../config/codec.ts';
import { PRESETS } from '../config/presets.ts';
import { isImageDataset } from '../data/datasets.ts';
import { createCpuBackend } from '../engine/backends/cpu.ts';
import { measurePreset, presetVerdict, type PresetMeasurement } from './presetCheck.ts';

const DEFAULT_SEEDS = 5;

const percent = (fraction: number | null) => (fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`);

function row(name: string, kind: 'gain' | 'bias', m: PresetMeasurement, heldOut: PresetMeasurement): string {
  const pseudo = (x: PresetMeasurement) => `${percent(x.firstPseudoLabelAccuracy)} → ${percent(x.lastPseudoLabelAccuracy)}`;
  const verdict = (x: PresetMeasurement) => (presetVerdict(kind, x).met ? 'yes' : 'no');
  const cells = [
    name,
    kind,
    `${m.seeds[0]}–${m.seeds.at(-1)}`,
    percent(m.baseline),
    percent(m.last),
    percent(m.oracle),
    pseudo(m),
    percent(m.longerBaseline),
    verdict(m),
    `${percent(heldOut.baseline)} → ${percent(heldOut.last)} (oracle ${percent(heldOut.oracle)}); ${pseudo(heldOut)}; ${verdict(heldOut)}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<number> {
  const at = process.argv.indexOf('--seeds');
  const seeds = at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_SEEDS;
  if (!Number.isInteger(seeds) || seeds < 1) {
    process.stderr.write('Usage: npx tsx src/cli/presetsTable.ts [--seeds N]   (N a whole number >= 1)\n');
    return 2;
  }
  const lines = [
    '| Preset | Kind | Seeds | Generation 0 | Last generation | Oracle | Pseudo-label accuracy, first → last | Labelled only, 10× epochs | Meets the goal | Next seeds: generation 0 → last; pseudo-labels; meets |',
    '|---|---|---|---:|---:|---:|---:|---:|---|---|',
  ];
  const details: string[] = [];
  // The image presets are measured with the CLI on all 10,000 test images (bench/presets.md, "Image presets: where they stand").
  for (const preset of PRESETS.filter((candidate) => !isImageDataset(candidate.dataset))) {
    const started = performance.now();
    const config = decodeLink(preset.link).config;
    const m = await measurePreset(preset.link, seeds, () => createCpuBackend(), { longerBaseline: true });
    // The presets were chosen on their first seeds; the next ones show whether the choice holds.
    const heldOut = await measurePreset(preset.link, seeds, () => createCpuBackend(), { firstSeed: config.seed + seeds });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`${preset.name}: ${presetVerdict(preset.kind, m).reason} (${seconds.toFixed(1)} s)\n`);
    lines.push(row(preset.name, preset.kind, m, heldOut));
    details.push(`- **${preset.name}**: \`#${preset.link}\` (${config.gens} generations of ${config.epochs} epochs); pseudo-label accuracy by generation: ${m.pseudoLabelAccuracy.map(percent).join(' → ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n${details.join('\n')}\n`);
  return 0;
}

main().then((code) => (process.exitCode = code));

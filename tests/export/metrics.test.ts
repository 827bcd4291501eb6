import { expect, test } from 'vitest';
import { metricsCsv, metricsJson } from '../../src/export/metrics.ts';
import type { GenerationResult } from '../../src/selftrain/events.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

const config = smallConfig({ gens: 1 });
const GENERATIONS: GenerationResult[] = [
  { generation: 0, testAccuracy: 0.75, pseudoLabelAccuracy: null, coverage: 0, pseudoLabels: 0, perClass: [0, 0], perClassRight: [0, 0], meanConfidence: 0, seconds: 0.5 },
  { generation: 1, testAccuracy: 0.8125, pseudoLabelAccuracy: 0.9, coverage: 0.25, pseudoLabels: 50, perClass: [20, 30], perClassRight: [18, 27], meanConfidence: 0.875, seconds: 1.25 },
];

test('metricsCsv: a header, one row per generation, empty cells for null, pseudo-labels and right ones per class last', () => {
  expect(metricsCsv({ config, oracle: 0.9, generations: GENERATIONS }).split('\r\n')).toEqual([
    'generation,testAccuracy,pseudoLabelAccuracy,coverage,pseudoLabels,meanConfidence,seconds,pseudoLabelsClass0,pseudoLabelsClass1,pseudoLabelsRightClass0,pseudoLabelsRightClass1',
    '0,0.75,,0,0,0,0.5,0,0,0,0',
    '1,0.8125,0.9,0.25,50,0.875,1.25,20,30,18,27',
    '',
  ]);
  expect(metricsCsv({ config, oracle: null, generations: [] })).toBe('generation,testAccuracy,pseudoLabelAccuracy,coverage,pseudoLabels,meanConfidence,seconds\r\n');
});

test('metricsJson and metricsCsv of a real run carry the run\'s numbers', async () => {
  const { result } = await runCollecting(config);
  const metrics = { config, oracle: result.oracle.testAccuracy, generations: result.generations };
  const json = JSON.parse(metricsJson(metrics));
  expect(json.link).toBe(`#${result.link}`);
  expect(json.config).toEqual(config);
  expect(json.baseline).toEqual(result.baseline);
  expect(json.oracle).toEqual(result.oracle);
  expect(json.generations).toEqual(result.generations);
  const rows = metricsCsv(metrics).trim().split('\r\n').slice(1).map((line) => line.split(','));
  expect(rows.map((row) => Number(row[1]))).toEqual(result.generations.map((g) => g.testAccuracy));
  const classes = config.classes;
  expect(rows.map((row) => row.slice(7, 7 + classes).map(Number))).toEqual(result.generations.map((g) => g.perClass));
  expect(rows.map((row) => row.slice(7 + classes).map(Number))).toEqual(result.generations.map((g) => g.perClassRight));
});

test('metricsCsv of a population: the chosen student, then each student\'s test accuracy and agreement', () => {
  const students = { testAccuracy: [0.75, 0.5], judge: 'agreement' as const, agreement: [0.9, 0.9], best: 0 };
  const lines = metricsCsv({ config, oracle: 0.9, generations: [{ ...GENERATIONS[0], students }, GENERATIONS[1]] }).split('\r\n');
  expect(lines[0]).toMatch(/,pseudoLabelsRightClass1,bestStudent,studentTestAccuracy0,studentTestAccuracy1,studentAgreement0,studentAgreement1$/);
  expect(lines[1]).toMatch(/,0,0,0,0,0,0.75,0.5,0.9,0.9$/);
  expect(lines[2]).toMatch(/,18,27,,,,,$/);
});

test('metricsJson of a population run carries every student', async () => {
  const { result } = await runCollecting({ ...config, students: 3 });
  const json = JSON.parse(metricsJson({ config: result.config, oracle: result.oracle.testAccuracy, generations: result.generations }));
  expect(json.generations[1].students.testAccuracy).toHaveLength(3);
  expect(json.generations.map((g: { students: unknown }) => g.students)).toEqual(result.generations.map((g) => g.students));
});

test('metricsCsv under a critic adds its four columns, empty where it did not vote or a share is null', () => {
  const critic = { vetoed: 4, vetoedWrong: 0, precision: 0, recall: null };
  const lines = metricsCsv({ config: { ...config, critic: 'committee' }, oracle: 0.9, generations: [GENERATIONS[0], { ...GENERATIONS[1], critic }] }).split('\r\n');
  expect(lines[0]).toMatch(/,pseudoLabelsRightClass1,criticVetoed,criticVetoedWrong,criticPrecision,criticRecall$/);
  expect(lines[1]).toMatch(/,0,0,,,,$/);
  expect(lines[2]).toMatch(/,18,27,4,0,0,$/);
  expect(JSON.parse(metricsJson({ config, oracle: 0.9, generations: [{ ...GENERATIONS[1], critic }] })).generations[0].critic).toEqual(critic);
});

test("metricsCsv under a recipe search adds the chosen recipe's knobs and score; the JSON carries every generation's recipes", () => {
  const arms = [{ lr: 0.03, k: 30, inoise: 0.8, dropout: 0.1, soft: true }, { lr: 0.09, k: 30, inoise: 0.8, dropout: 0.1, soft: false }];
  const recipes = { arms, student: [0, 1, 1], scores: [0.8, 0.85], chosen: 1 };
  const metrics = { config: { ...config, students: 3, search: 'bandit' as const }, oracle: 0.9, generations: [{ ...GENERATIONS[1], recipes }] };
  const lines = metricsCsv(metrics).split('\r\n');
  expect(lines[0]).toMatch(/,pseudoLabelsRightClass1,chosenRecipeLr,chosenRecipeTau,chosenRecipeK,chosenRecipeInoise,chosenRecipeDropout,chosenRecipeSoft,chosenRecipeScore$/);
  expect(lines[1]).toMatch(/,18,27,0.09,,30,0.8,0.1,0,0.85$/);
  expect(JSON.parse(metricsJson(metrics)).generations[0].recipes).toEqual(recipes);
});

test('metricsCsv and metricsJson of an audited, gated run carry the audit, the gate and the labels + audit line', async () => {
  const { result } = await runCollecting({ ...config, students: 2, audit: 20, gate: true, gens: 2 });
  const metrics = { config: result.config, oracle: result.oracle.testAccuracy, withAudit: result.baseline.withAudit!.testAccuracy, generations: result.generations };
  const json = JSON.parse(metricsJson(metrics));
  expect(json.baseline).toEqual(result.baseline);
  expect(json.generations.map((g: GenerationResult) => [g.audit, g.gate])).toEqual(result.generations.map((g) => [g.audit, g.gate]));
  const lines = metricsCsv(metrics).trim().split('\r\n');
  expect(lines[0]).toMatch(/,auditEstimate,auditLow,auditHigh,auditAccuracy0,auditAccuracy1,gateAccepted,gateChallenger,gateChampion,gateReason$/);
  const row = (g: GenerationResult) => {
    const gate = g.gate ? [g.gate.accepted ? 1 : 0, g.gate.challenger, g.gate.champion, g.gate.reason] : ['', '', '', ''];
    return [g.audit!.estimate, g.audit!.low, g.audit!.high, ...g.audit!.accuracy, ...gate].join(',');
  };
  for (const [i, g] of result.generations.entries()) expect(lines[i + 1].endsWith(`,${row(g)}`)).toBe(true);
  // A reason with a comma stays one cell.
  const gated = { ...result.generations[1], gate: { accepted: false, challenger: 0.5, champion: 0.6, reason: 'below, "so" kept' } };
  expect(metricsCsv({ ...metrics, generations: [gated] }).split('\r\n')[1]).toMatch(/,0,0.5,0.6,"below, ""so"" kept"$/);
});

test('metricsJson names the backend and adapter once the run has started, as the CLI does', () => {
  const backend = { kind: 'wasm' as const, adapter: 'CPU (WebAssembly SIMD)', reason: 'a test' };
  const json = JSON.parse(metricsJson({ config, oracle: 0.9, generations: GENERATIONS, backend }));
  expect([json.backend, json.adapter]).toEqual(['wasm', 'CPU (WebAssembly SIMD)']);
  expect(Object.keys(json).slice(0, 4)).toEqual(['link', 'config', 'backend', 'adapter']);
  const notStarted = JSON.parse(metricsJson({ config, oracle: null, generations: [], backend: null }));
  expect('backend' in notStarted).toBe(false);
});

test("metricsJson carries the warm-up's result before the generations, as the CLI's JSON does, and nothing without one", () => {
  const warmup = { task: 'denoise' as const, loss: [0.8, 0.4] };
  const json = JSON.parse(metricsJson({ config, oracle: 0.9, generations: GENERATIONS, warmup }));
  expect(json.warmup).toEqual(warmup);
  expect(Object.keys(json).slice(-2)).toEqual(['warmup', 'generations']);
  expect('warmup' in JSON.parse(metricsJson({ config, oracle: 0.9, generations: GENERATIONS, warmup: null }))).toBe(false);
});

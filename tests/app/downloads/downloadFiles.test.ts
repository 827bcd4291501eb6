import { fromBinary } from '@bufbuild/protobuf';
import { ModelProtoSchema } from 'onnx-buf';
import { expect, test } from 'vitest';
import { allModelsFile, metricsFile, modelFile } from '../../../app/downloads/downloadFiles.ts';
import type { GenerationModel } from '../../../src/selftrain/events.ts';
import { runCollecting, smallConfig } from '../../selftrain/fixtures.ts';

const config = smallConfig({ gens: 2 });

async function models(): Promise<{ models: GenerationModel[]; result: Awaited<ReturnType<typeof runCollecting>>['result'] }> {
  const collected: GenerationModel[] = [];
  const { result } = await runCollecting(config, { onModel: (model) => collected.push(model) });
  return { models: collected, result };
}

/** The names and sizes a ustar archive lists, read from its headers. */
function tarListing(archive: Uint8Array): { name: string; size: number; offset: number }[] {
  const listing = [];
  const text = (from: number, length: number) => new TextDecoder().decode(archive.subarray(from, from + length)).replace(/\0.*$/s, '');
  for (let offset = 0; archive[offset] !== 0; ) {
    const size = parseInt(text(offset + 124, 12), 8);
    listing.push({ name: text(offset, 100), size, offset: offset + 512 });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return listing;
}

test('the model download is the generation\'s ONNX file, named like the CLI\'s; the archive holds every generation\'s', async () => {
  const { models: all } = await models();
  const one = await modelFile(config, all[1]);
  expect(one.name).toBe('gen-1.onnx');
  const model = fromBinary(ModelProtoSchema, one.data);
  expect(model.metadataProps.find((p) => p.key === 'generation')?.value).toBe('1');

  const archive = await allModelsFile(config, all);
  expect(archive.name).toBe('moons-models.tar');
  const listing = tarListing(archive.data);
  expect(listing.map((entry) => entry.name)).toEqual(['gen-0.onnx', 'gen-1.onnx', 'gen-2.onnx']);
  for (const [g, entry] of listing.entries()) {
    expect(archive.data.subarray(entry.offset, entry.offset + entry.size)).toEqual((await modelFile(config, all[g])).data);
  }
});

test('the metrics downloads carry the run\'s generations', async () => {
  const { result } = await models();
  const metrics = { config, oracle: result.oracle.testAccuracy, generations: result.generations };
  const json = metricsFile(metrics, 'json');
  expect(json.name).toBe('moons-metrics.json');
  expect(JSON.parse(new TextDecoder().decode(json.data)).generations).toEqual(result.generations);
  const csv = metricsFile(metrics, 'csv');
  expect([csv.name, csv.type]).toEqual(['moons-metrics.csv', 'text/csv']);
  expect(new TextDecoder().decode(csv.data).trim().split('\r\n')).toHaveLength(1 + result.generations.length);
});

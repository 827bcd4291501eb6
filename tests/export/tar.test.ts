import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tarArchive, type TarEntry } from '../../src/export/tar.ts';

const scratch = mkdtempSync(join(tmpdir(), 'autodidact-tar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const ENTRIES: TarEntry[] = [
  { name: 'gen-00.onnx', data: bytes(1000, 1) },
  { name: 'gen-01.onnx', data: bytes(512, 2) },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: 'metrics.json', data: new TextEncoder().encode('{"a":1}\n') },
];

/** Reads a ustar archive back by its header fields (name, octal size, checksum). */
function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  const text = (from: number, length: number) => String.fromCharCode(...archive.subarray(from, from + length)).replace(/\0.*$/s, '');
  for (let offset = 0; archive.subarray(offset, offset + 512).some((b) => b !== 0); ) {
    const header = archive.subarray(offset, offset + 512);
    const stored = parseInt(text(offset + 148, 8), 8);
    const sum = header.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(sum, 'header checksum').toBe(stored);
    expect(text(offset + 257, 6)).toBe('ustar');
    const size = parseInt(text(offset + 124, 12), 8);
    entries.push({ name: text(offset, 100), data: archive.slice(offset + 512, offset + 512 + size) });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

test('tarArchive: read back field by field, every file comes back byte for byte, in order', () => {
  const archive = tarArchive(ENTRIES, 1_700_000_000);
  expect(archive.length % 512).toBe(0);
  // Per file a header and its data in whole blocks (1000 bytes take 2, none take 0), then two end blocks.
  expect(archive.length).toBe(512 * ((1 + 2) + (1 + 1) + 1 + (1 + 1) + 2));
  expect(readTar(archive)).toEqual(ENTRIES);
});

test('tarArchive: GNU tar lists and extracts it', () => {
  const file = join(scratch, 'models.tar');
  writeFileSync(file, tarArchive(ENTRIES, 1_700_000_000));
  const listing = execFileSync('tar', ['-tvf', file], { encoding: 'utf8' }).trim().split('\n');
  expect(listing.map((line) => line.split(/\s+/).at(-1))).toEqual(ENTRIES.map((e) => e.name));
  expect(listing[0]).toMatch(/^-rw-r--r-- .*1000 2023-11-1\d/);
  execFileSync('tar', ['-xf', file, '-C', scratch]);
  for (const entry of ENTRIES) expect(new Uint8Array(readFileSync(join(scratch, entry.name)))).toEqual(entry.data);
});

test('tarArchive refuses names ustar cannot hold', () => {
  expect(() => tarArchive([{ name: 'x'.repeat(101), data: new Uint8Array(1) }])).toThrow(/1 to 100 characters/);
  expect(() => tarArchive([{ name: 'modèle.onnx', data: new Uint8Array(1) }])).toThrow(/printable ASCII/);
  expect(() => tarArchive([{ name: '', data: new Uint8Array(1) }])).toThrow(RangeError);
});

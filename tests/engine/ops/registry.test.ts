import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm.ts';
import { OPS, type OpName } from '../../../src/engine/ops/registry.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** One row of docs/ops.md's table, its cells without the backticks. */
interface Row {
  op: string;
  folder: string;
  backends: string;
  parity: string;
}

/** The table's rows: the lines under its header row that start with a backticked op name. */
function tableRows(markdown: string): Row[] {
  const unquote = (cell: string) => cell.trim().replace(/^`|`$/g, '');
  return markdown
    .split('\n')
    .filter((line) => /^\| `\w+` \|/.test(line))
    .map((line) => {
      const [op, folder, , backends, parity] = line.split('|').slice(1, -1).map(unquote);
      return { op, folder, backends, parity };
    });
}

const rows = tableRows(read('docs/ops.md'));
const names = Object.keys(OPS) as OpName[];
const backendsOf = (name: OpName) => (['cpu', 'wasm', 'webgpu'] as const).filter((b) => OPS[name][b]).join(', ');

describe('the op table (docs/ops.md) and the registry', () => {
  it('list the same ops in the same order', () => {
    expect(rows.map((row) => row.op)).toEqual(names);
  });

  it('give each op the same backends and parity case', () => {
    for (const row of rows.filter((r) => r.op in OPS)) {
      const name = row.op as OpName;
      expect({ op: name, backends: row.backends, parity: row.parity }).toEqual({ op: name, backends: backendsOf(name), parity: OPS[name].parity });
    }
  });

  it("name each op's folder, whose contract declares the op", () => {
    for (const row of rows) {
      const folder = row.folder.replace(/\/$/, '');
      expect(read(`src/engine/ops/${folder}/${folder}.ts`), row.op).toMatch(new RegExp(`^  ${row.op}\\??\\(`, 'm'));
    }
  });

  it('point at parity cases that exist', () => {
    for (const name of names) {
      const [file, builder] = OPS[name].parity.split('#');
      expect(existsSync(new URL(file, ROOT)), file).toBe(true);
      if (builder) expect(read(file), `${name}: ${builder} in ${file}`).toMatch(new RegExp(`^const ${builder} = `, 'm'));
    }
  });

  it('give the CPU backend every required op', () => {
    const backend = createCpuBackend();
    for (const name of names) expect(typeof backend[name], name).toBe(OPS[name].cpu ? 'function' : 'undefined');
  });

  it('give the WebAssembly backend every op the CPU has: its kernel where the registry lists one, else the CPU reference', () => {
    const backend = createWasmBackend();
    for (const name of names) {
      const expected = OPS[name].wasm ? 'a kernel' : OPS[name].cpu ? 'the reference' : 'none';
      const actual = backend[name] === undefined ? 'none' : backend[name] === OPS[name].cpu ? 'the reference' : 'a kernel';
      expect(actual, name).toBe(expected);
    }
  });
});

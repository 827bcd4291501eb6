import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { expect, test } from 'vitest';

/**
 * The folders of src/ (config, data, engine, model, selftrain, host, onnx, export, worker, cli)
 * depend on one another one way: no folder reaches back, through any chain of imports, to a
 * folder that imports it. Files in a folder's subfolders belong to it; imports inside one
 * folder are not edges.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The top folder of src/ that holds `path`; null outside src/ or for a file at its root. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts[0] === '..' || parts.length < 2 ? null : parts[0];
}

/** Folder → the folders its files import (relative imports inside src/ only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), (match[1] ?? match[2]).replace(/\?.*$/, ''));
      const to = folderOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's folders, found by depth-first search (one path per cycle found). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

test('no import cycle between folders of src/', () => {
  const graph = folderGraph();
  expect(graph.size).toBeGreaterThan(8);
  expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
});

test('the cycle finder finds a cycle where there is one', () => {
  const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
  expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
});

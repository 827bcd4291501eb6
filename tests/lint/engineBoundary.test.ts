import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint rule that keeps src/ an engine', () => {
  test.each([
    ["import { useState } from 'react';\nexport const x = useState;", 'no-restricted-imports'],
    ["import { create } from 'zustand';\nexport const x = create;", 'no-restricted-imports'],
    ["import { App } from '../app/App.tsx';\nexport const x = App;", 'no-restricted-imports'],
    ['export const width = window.innerWidth;', 'no-restricted-globals'],
    ["export const el = document.createElement('div');", 'no-restricted-globals'],
    ['export const r = Math.random();', 'no-restricted-properties'],
  ])('rejects %s', async (code, rule) => {
    expect(await ruleIds(code, 'src/data/example.ts')).toContain(rule);
  });

  test('allows the same code in app/', async () => {
    expect(await ruleIds('export const width = window.innerWidth;', 'app/example.ts')).toEqual([]);
  });
});

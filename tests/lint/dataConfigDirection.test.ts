import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint();

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('the lint rule that says src/config depends on src/data, not the reverse', () => {
  test.each([
    ["import type { ExperimentConfig } from '../config/schema.ts';\nexport type T = ExperimentConfig;", 'src/data/example.ts'],
    ["import { PRESETS } from '../../config/presets.ts';\nexport const p = PRESETS;", 'src/data/images/example.ts'],
  ])('rejects %s in %s, naming the direction', async (code, filePath) => {
    const found = await messages(code, filePath);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: .*src\/config imports src\/data, never the other way/);
  });

  test('still keeps React out of src/data', async () => {
    expect(await messages("import { useState } from 'react';\nexport const x = useState;", 'src/data/example.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*src\/ never imports React/),
    ]);
  });

  test('allows src/config to import src/data', async () => {
    expect(await messages("import { DATASETS } from '../data/datasets.ts';\nexport const d = DATASETS;", 'src/config/example.ts')).toEqual([]);
  });
});

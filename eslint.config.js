import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// DOM globals the engine must never touch: it runs in a Worker, in Node and in the benchmark page.
const DOM_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'location', 'history', 'alert', 'HTMLElement', 'HTMLCanvasElement'].map(
  (name) => ({ name, message: 'src/ is the engine: no DOM. Pass what you need in from app/.' }),
);

// What no engine file imports.
const ENGINE_IMPORT_PATTERNS = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/ never imports React.' },
  { group: ['zustand', 'zustand/*'], message: 'src/ never imports zustand.' },
  { group: ['**/app/**', '../app', '../../app'], message: 'src/ never imports app/.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'public/**', 'test-results/**', 'bench-results/**', '**/*.as.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: ENGINE_IMPORT_PATTERNS,
        },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded RNG (src/data/rng.ts).' }],
    },
  },
  {
    // One direction between data and config: the experiment's settings know the datasets
    // (src/data/datasets.ts), the datasets never know the settings. Flat config replaces a
    // rule's options per file, so this block repeats src/'s patterns and adds its own.
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE_IMPORT_PATTERNS,
            { group: ['**/config/**', '**/config'], message: 'src/config imports src/data, never the other way: take a data-side type (SplitSpec, DatasetName) instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);

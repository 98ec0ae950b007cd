import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import engineBoundary from './tools/eslint/engine-boundary.js';

const root = import.meta.dirname;
const local = { rules: { 'engine-boundary': engineBoundary } };

// A component family is a folder of engine/ with a family.ts (engine/family.ts): found, not listed, so a new family
// edits nothing here.
const families = readdirSync(join(root, 'engine'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'engine', d.name, 'family.ts')))
  .map((d) => d.name);

// Ambient time and randomness break determinism: the engine takes time from its scheduler and
// randomness from its seeded streams only.
const ambient = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded streams in engine/sim/random.ts.' },
    { object: 'Date', property: 'now', message: 'Simulated time comes from the scheduler.' },
    { object: 'performance', property: 'now', message: 'Simulated time comes from the scheduler.' },
  ],
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask', 'performance'].map(
      (name) => ({ name, message: 'The engine has no wall clock: schedule simulated events instead.' }),
    ),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'Simulated time comes from the scheduler.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['engine/**/*.ts'],
    plugins: { eventlab: local },
    languageOptions: { globals: { ...globals.es2022 } },
    rules: { ...ambient, 'eventlab/engine-boundary': ['error', { root, allow: [] }] },
  },
  {
    files: ['engine/worker.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['comlink', '@dagrejs/dagre'] }] },
  },
  {
    // Layout is a pure function of the topology; dagre is the one package it may use.
    files: ['engine/layout/**/*.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['@dagrejs/dagre'] }] },
  },
  {
    // Snapshots deflate their trace chunks when memory is short; fflate is the deflate the app's share links use too.
    files: ['engine/live/traceChunks.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['fflate'] }] },
  },
  {
    files: ['engine/**/*.test.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['vitest', 'fast-check', 'node:fs', 'node:path', 'node:url'] }] },
  },
  {
    // The schemas family uses the Avro library (imported dynamically, so it stays out of the first load).
    files: ['engine/schemas/**/*.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['avsc', 'vitest'] }] },
  },
  {
    // The engine seam: outside a family's folder, code reaches the family only through the component registry
    // (components.ts) and the messaging port, never through its modules or its part of the world. The public API
    // (index.ts) re-exports Kafka's documented functions; tests and the test harness may look inside.
    files: ['engine/**/*.ts'],
    ignores: [...families.map((f) => `engine/${f}/**`), 'engine/index.ts', 'engine/components.ts', 'engine/testing/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: families.map((f) => `**/${f}/*`), message: 'Reach a family through engine/components.ts or the messaging port (engine/messaging/).' }] }],
      'no-restricted-syntax': [
        ...ambient['no-restricted-syntax'],
        { selector: "MemberExpression[object.property.name='parts']", message: "A family's part of the world is its own: ask the family (engine/family.ts) or the messaging port." },
      ],
    },
  },
  {
    // AsyncAPI names Kafka and RabbitMQ in their own terms (servers, topic and queue bindings): its exporter reads
    // the resolved specs of those two families (plain data), as a document about them must.
    files: ['engine/asyncapi/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Generators for property tests live beside the tests that use them.
    files: ['engine/testing/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'eventlab/engine-boundary': ['error', { root, allow: ['fast-check'] }] },
  },
);

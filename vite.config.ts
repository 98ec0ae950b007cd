import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './tools/csp.ts';

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The three libraries the first screen needs, each in a chunk of its own: their exact share of the first load
        // shows in tools/first-load.mjs, and a change to the app leaves them cached. Only their first-screen parts are
        // named (CodeMirror's autocomplete, say, still loads with the completions), so nothing lazy becomes eager.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'vendor-codemirror', test: /node_modules[\\/](@codemirror[\\/](view|state|language|commands|lint)|@lezer[\\/](common|highlight)|style-mod|w3c-keyname|crelt|@marijn[\\/]find-cluster-break)[\\/]/ },
            { name: 'vendor-xyflow', test: /node_modules[\\/](@xyflow|classcat|d3-(selection|zoom|drag|transition|interpolate|color|dispatch|timer|ease))[\\/]/ },
            // Then the app's own first-screen code and the small packages it needs, in one chunk (which rolldown folds
            // into the entry's) rather than some forty: each module a lazy panel shares with the first screen was a chunk
            // of its own. One file compresses better and carries no import and export lists between the pieces: 11 KB
            // less gzip. `$initial` is rolldown's tag for what the entry imports statically, so nothing lazy joins it.
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['engine/**/*.test.ts', 'bench/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'lessons/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    // Engine tests run whole simulations; on a busy two-core machine a few take seconds.
    testTimeout: 30_000,
    pool: 'threads',
    // Every core: vitest's default leaves one for itself (one worker on a two-core CI machine), though its main thread
    // only collects results; with two the unit suite takes about half the time.
    maxWorkers: availableParallelism(),
  },
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './tools/csp.ts';

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['engine/**/*.test.ts', 'bench/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'lessons/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    // Engine tests run whole simulations; on a busy two-core machine a few take seconds.
    testTimeout: 30_000,
    pool: 'threads',
  },
});

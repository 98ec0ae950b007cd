// The floor page's build (see ../first-load-floor.mjs): one page, FLOOR_PAGE (bare or usable), built as the app is.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = process.env.FLOOR_PAGE ?? 'bare';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: process.env.FLOOR_OUT ?? `${root}/dist-${page}`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: `${root}/${page}.html`,
      // React Flow's "use client" is for server rendering, which this page has none of.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

// What a built page downloads before it runs, read off vite's output: the module scripts its HTML lists and every
// chunk they import statically, with their exact gzip sizes (level 9). Shared by tools/first-load.mjs (the app, with
// its budgets) and tools/first-load-floor.mjs (the three first-screen libraries alone).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 18's first-load targets, in bytes of gzip. */
export const TARGET = { main: 200 * 1024, worker: 100 * 1024 };

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The module scripts a page lists (`assets/…`): the entry, and the chunks vite lists beside it. */
export const moduleScripts = (html) => [...html.matchAll(/<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);

/** Reading the files of one build folder, `dir`. */
export function buildDir(dir) {
  const read = (file) => readFileSync(join(dir, file));
  /** The chunks `file` imports statically (`import{a}from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
  const staticImports = (file) =>
    [...read(file).toString('utf8').matchAll(/\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => `assets/${m[1]}`);
  return {
    read,
    gz: (file) => gzipSync(read(file), { level: 9 }).length,
    /** `entries` and everything they import statically, transitively. */
    closure(...entries) {
      const seen = new Set();
      const visit = (file) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const dep of staticImports(file)) visit(dep);
      };
      for (const entry of entries) visit(entry);
      return [...seen];
    },
  };
}

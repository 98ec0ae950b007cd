/**
 * A lesson for the command line: the folder numbered `arg` (`5`, `05`, or the folder's name), its title, goals and
 * run. Its goals.ts is bundled on the spot, as the scripts run bundled (tools/run-ts.mjs) and Node cannot import
 * TypeScript by itself. Used by `npm run sim -- --lesson N` and by `--search --property lesson-goals --lesson N`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LessonGoals } from '../engine/index.ts';

export interface LoadedLesson {
  dir: string;
  title: string;
  lesson: LessonGoals;
}

/** The lesson, or what is wrong with `arg` (no such lesson, and which there are). */
export async function loadLesson(arg: string): Promise<LoadedLesson | string> {
  const root = resolvePath('lessons');
  const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d+-/.test(d.name)).map((d) => d.name);
  const n = Number(arg);
  const dir = dirs.find((d) => d === arg || (Number.isInteger(n) && Number(d.slice(0, d.indexOf('-'))) === n));
  if (!dir) return `--lesson ${arg}: no such lesson; the lessons are ${dirs.map((d) => Number(d.slice(0, d.indexOf('-')))).join(', ')}`;
  const title = /^title:\s*(.+)$/m.exec(readFileSync(join(root, dir, 'lesson.md'), 'utf8'))?.[1] ?? dir;
  const { build } = await import('esbuild');
  const outfile = resolvePath('node_modules/.cache/eventlab', `lesson-${dir}.mjs`);
  await build({ entryPoints: [join(root, dir, 'goals.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const mod = (await import(pathToFileURL(outfile).href)) as LessonGoals;
  return { dir, title, lesson: { goals: mod.goals, run: mod.run } };
}

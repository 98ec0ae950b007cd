import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = new URL('./first-load.mjs', import.meta.url).pathname;
let dir = '';

/** A dist folder: index.html loading `scripts` (index-a.js), and each file in `files` under assets/. */
function dist(files: Record<string, string | Buffer>, scripts = ['index-a.js']): string {
  dir = mkdtempSync(join(tmpdir(), 'first-load-'));
  mkdirSync(join(dir, 'assets'));
  const tags = scripts.map((s) => `<script type="module" crossorigin src="./assets/${s}"></script>`).join('\n');
  writeFileSync(join(dir, 'index.html'), `${tags}<link rel="stylesheet" href="./assets/index-a.css">`);
  writeFileSync(join(dir, 'assets/index-a.css'), 'body{}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), text);
  return dir;
}

/** `n` bytes that gzip cannot shrink (a fixed linear congruential sequence). */
function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) b[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return b;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('tools/first-load.mjs', () => {
  it('counts what the entry and the worker import statically, and leaves dynamic imports to the lazy total', () => {
    const d = dist({
      'index-a.js': 'import{a as b}from"./vendor-a.js";import"./side-a.js";const l=()=>import("./lazy-a.js");',
      'vendor-a.js': 'export const a=1;',
      'side-a.js': 'import{a}from"./vendor-a.js";console.log(a);',
      'lazy-a.js': 'import{a}from"./deep-a.js";',
      'deep-a.js': 'export const a=2;',
      'worker-a.js': 'import{x}from"./engine-a.js";const r=()=>import("./workerRuns-a.js");',
      'engine-a.js': 'export const x=3;',
      'workerRuns-a.js': 'export const y=4;',
    });
    const out = execFileSync('node', [script, '--dir', d, '--check'], { encoding: 'utf8' });
    const section = (title: string) => out.split(title)[1]!.split(/\n(?! )/)[0]!;
    expect(section('main thread, JavaScript')).toMatch(/index-a\.js[\s\S]*(vendor-a|side-a)\.js[\s\S]*(vendor-a|side-a)\.js/);
    expect(section('main thread, JavaScript')).not.toMatch(/lazy-a|deep-a/);
    expect(section('engine worker, JavaScript')).toMatch(/worker-a\.js[\s\S]*engine-a\.js/);
    expect(section('engine worker, JavaScript')).not.toMatch(/workerRuns-a/);
    expect(out).toMatch(/loaded on use \(3 chunks\)/);
    expect(out).toContain('within budget');
  });

  it('counts every module script the page lists, as vite lists the chunks grouped with the entry beside it', () => {
    const d = dist(
      {
        'runtime-a.js': 'export const r=0;',
        'vendor-a.js': noise(2_000),
        'app-a.js': 'import{r}from"./runtime-a.js";import{t}from"./tail-a.js";const l=()=>import("./lazy-a.js");',
        'tail-a.js': 'export const t=1;',
        'lazy-a.js': 'export const z=2;',
        'worker-a.js': 'export{};',
      },
      ['runtime-a.js', 'vendor-a.js', 'app-a.js'],
    );
    const out = execFileSync('node', [script, '--dir', d], { encoding: 'utf8' });
    const main = out.split('main thread, JavaScript')[1]!.split(/\n(?! )/)[0]!;
    for (const f of ['runtime-a', 'vendor-a', 'app-a', 'tail-a']) expect(main).toContain(`${f}.js`);
    expect(main).not.toContain('lazy-a');
    // The 2,000 bytes of noise alone gzip to more than 2,000: the total counts the vendor script.
    expect(Number(/main thread first load .*\((\d+) B;/.exec(out)![1])).toBeGreaterThan(2_000);
  });

  it('fails past the budget, naming the part over it', () => {
    const d = dist({ 'index-a.js': noise(400_000), 'worker-a.js': 'export{};' });
    const run = spawnSync('node', [script, '--dir', d, '--check'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/over budget: main \d+ B > \d+ B/);
    expect(run.stderr).not.toMatch(/worker \d+ B >/);
  });
});

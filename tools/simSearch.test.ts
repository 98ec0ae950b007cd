/**
 * `npm run sim -- --search` shared among processes finds what one process finds: the same first failing run, the
 * same shrunk story, the same count of runs; only the wall time differs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function search(file: string, ...extra: string[]) {
  const r = spawnSync('node', ['tools/run-ts.mjs', 'tools/sim.ts', file, '--json', ...extra], { encoding: 'utf8' });
  expect([0, 1], r.stderr).toContain(r.status);
  return JSON.parse(r.stdout) as { workers: number; runs: number; found: unknown; shrunk: { story: string; replay: string } | null };
}

describe('npm run sim -- --search --workers', () => {
  it('finds the same counterexample with one process and with three', () => {
    const one = search('docs/topologies/orders-acks1.mmd', '--search', '12');
    const three = search('docs/topologies/orders-acks1.mmd', '--search', '12', '--workers', '3');
    expect(three.workers).toBe(3);
    expect(one.found).not.toBeNull();
    expect(three.found).toEqual(one.found);
    expect(three.runs).toBe(one.runs);
    expect(three.shrunk).toEqual(one.shrunk);
  }, 120_000);

  it('tries the whole budget across the processes when nothing fails', () => {
    const two = search('docs/topologies/orders-acksall.mmd', '--search', '6', '--faults', 'broker', '--duration', '10s', '--workers', '2');
    expect(two.found).toBeNull();
    expect(two.runs).toBe(6);
  }, 120_000);

  it('refuses a number of workers that is not one', () => {
    const r = spawnSync('node', ['tools/run-ts.mjs', 'tools/sim.ts', 'docs/topologies/orders-acks1.mmd', '--search', '5', '--workers', 'two'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--workers takes a whole number of processes or auto, not 'two'");
  }, 60_000);
});

/**
 * `npm run sim -- --search` shared among processes finds what one process finds: the same first failing run, the
 * same shrunk story, the same count of runs; only the wall time differs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseProperty } from './simSearch.ts';

function search(file: string, ...extra: string[]) {
  const r = spawnSync('node', ['tools/run-ts.mjs', 'tools/sim.ts', file, '--json', ...extra], { encoding: 'utf8' });
  expect([0, 1], r.stderr).toContain(r.status);
  return JSON.parse(r.stdout) as { property: string; workers: number; runs: number; found: unknown; shrunk: { story: string; replay: string } | null };
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

describe('npm run sim -- --search --property', () => {
  it('reads checkout-within with its limit, in milliseconds or as a duration', () => {
    expect(parseProperty('checkout-within=500')).toEqual({ name: 'checkout-within', withinMs: 500 });
    expect(parseProperty('checkout-within=2s')).toEqual({ name: 'checkout-within', withinMs: 2000 });
    expect(parseProperty('checkout-within')).toMatch(/needs its limit: checkout-within=500/);
    expect(parseProperty('sagas-settled')).toEqual({ name: 'sagas-settled' });
  });

  it('names the valid properties on a typo, and refuses one the design has nothing for', () => {
    const typo = spawnSync('node', ['tools/run-ts.mjs', 'tools/sim.ts', 'docs/topologies/orders-acks1.mmd', '--search', '2', '--property', 'no-los'], { encoding: 'utf8' });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("--property is one of no-loss, no-missed, no-duplicates, order, checkout-within=<ms>, sagas-settled, lesson-goals (with --lesson N), not 'no-los'");
    const sagas = spawnSync('node', ['tools/run-ts.mjs', 'tools/sim.ts', 'docs/topologies/orders-acks1.mmd', '--search', '2', '--property', 'sagas-settled'], { encoding: 'utf8' });
    expect(sagas.status).toBe(2);
    expect(sagas.stderr).toContain('--property sagas-settled does not apply: it has no saga');
  }, 60_000);

  it('finds the checkouts a crashed Orders refuses', () => {
    const r = search('docs/topologies/orders-acks1.mmd', '--search', '8', '--property', 'checkout-within=1s', '--faults', 'service', '--duration', '5s');
    expect(r.property).toBe('checkout-within');
    expect(r.shrunk?.story).toMatch(/crash Orders at .*fails \d+ checkouts? \(the first at [\d.]+ s: checkout #\d+, refused by Orders/);
  }, 60_000);

  it("with --lesson, searches the lesson's goals on top of its own faults, and replays with both", () => {
    const r = search('lessons/24-choreography-or-orchestration/starter.mmd', '--search', '1', '--lesson', '24');
    expect(r.property).toBe('lesson-goals');
    expect(r.shrunk?.story).toContain("fails the goal 'nothing-half-done'");
    expect(r.shrunk?.replay).toContain("--fault '20s crash Inv' --fault '25s restart Inv'");
  }, 60_000);
});

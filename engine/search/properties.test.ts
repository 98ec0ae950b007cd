/**
 * The properties beyond the history checkers (issue 17 §1): checkouts answered within N ms, sagas settled, a lesson's
 * goals met; the vocabulary they draw from (services crashed, services slowed) and how shrinking makes a slowdown
 * smaller. Budgets are small: each search is a handful of short runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LessonGoals } from '../goals/types.ts';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import { propertiesFor } from './properties.ts';
import { DEFAULT_KINDS, defaultKinds, faultVocabulary, runOnce, search } from './search.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const starter24 = read('lessons/24-choreography-or-orchestration/starter.mmd');
const solution24 = read('lessons/24-choreography-or-orchestration/solution.mmd');
/** A few users a second: a slowed Orders answers late but has threads to spare, so nothing is refused. */
const calm = `graph LR
  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]
  %% @config Client rate=5/s
`;
const specOf = (text: string) => createSimulation(parseTopology(text).topology, { traceCapacity: 16 }).spec;
/** Lesson 24's run and first goal, as data (engine/ reads no lesson module). */
const lesson: LessonGoals = {
  run: { seed: 24, durationS: 60, faults: ['20s crash {Inventory}', '25s restart {Inventory}'] },
  goals: [{ id: 'nothing-half-done', text: 'Every order saga Payment takes part in that starts before 50 s has ended completed or compensated by 60 s.', check: { kind: 'sagas-settled', saga: '{Payment}', startedBeforeS: 50, byS: 60 } }],
};

describe('checkout-within', () => {
  it('finds checkouts answered late when a service is slowed, names them by id and time, and shrinks the slowdown', () => {
    const r = search(calm, { property: { name: 'checkout-within', withinMs: 300 }, budget: 6, seed: 1, durationUs: 10_000_000, kinds: ['slow'], shrinkBudget: 30 });
    expect(r.found).toBeDefined();
    const v = r.shrunk!.violation;
    expect(v.property).toBe('checkout-within');
    expect(v.ids.length).toBeGreaterThan(0);
    expect(v.summary).toMatch(/^answers \d+ checkouts? later than 300 ms \(#\d+ in [\d,]+ ms at [\d.]+ s/);
    // One slowdown, milder than the 2 s drawn but still over the limit.
    const slows = r.shrunk!.run.faults.filter((f) => / slow \S+ [1-9]/.test(f));
    expect(slows).toHaveLength(1);
    const by = Number(/ (\d+)ms$/.exec(slows[0]!)![1]);
    expect(by).toBeLessThan(2000);
    expect(by).toBeGreaterThanOrEqual(300);
    expect(runOnce(parseTopology(calm).topology, r.shrunk!.run, { name: 'checkout-within', withinMs: 300 })).toEqual(v);
  });

  it('finds the checkouts a crashed service refuses', () => {
    const r = search(calm, { property: { name: 'checkout-within', withinMs: 1000 }, budget: 6, seed: 1, durationUs: 10_000_000, kinds: ['service'], shrinkBudget: 20 });
    expect(r.shrunk?.violation.summary).toMatch(/fails \d+ checkouts? \(the first at [\d.]+ s: checkout #\d+, refused by Orders/);
  });

  it('finds none under a generous limit', () => {
    const r = search(calm, { property: { name: 'checkout-within', withinMs: 5000 }, budget: 6, seed: 1, durationUs: 10_000_000, kinds: ['slow'] });
    expect(r.runs).toBe(6);
    expect(r.found).toBeUndefined();
  });
});

describe('sagas-settled', () => {
  it("finds a saga left half done in lesson 24's choreography, and none in its orchestration", () => {
    const starter = search(starter24, { property: 'sagas-settled', budget: 4, seed: 1, durationUs: 15_000_000, shrinkBudget: 20 });
    expect(starter.shrunk?.violation.summary).toMatch(/^leaves \d+ sagas? of Pay half done: saga #\d+ has Pay done/);
    expect(starter.shrunk!.violation.ids.length).toBeGreaterThan(0);
    const solution = search(solution24, { property: 'sagas-settled', budget: 4, seed: 1, durationUs: 15_000_000 });
    expect(solution.runs).toBe(4);
    expect(solution.found).toBeUndefined();
  });
});

describe('lesson-goals', () => {
  it("finds a run of lesson 24's starter that fails a goal, with the lesson's own faults and length, and none of its solution", () => {
    const starter = search(starter24, { property: { name: 'lesson-goals', lesson }, budget: 2, seed: 1, shrink: false });
    expect(starter.found?.run.durationUs).toBe(60_000_000);
    expect(starter.found?.violation.summary).toMatch(/^fails the goal 'nothing-half-done'.*with the lesson's own faults too: /);
    const solution = search(solution24, { property: { name: 'lesson-goals', lesson }, budget: 2, seed: 1 });
    expect(solution.runs).toBe(2);
    expect(solution.found).toBeUndefined();
  });
});

describe('what is offered', () => {
  it('offers checkout-within where something sends checkouts, sagas-settled where there are sagas, lesson-goals in a lesson', () => {
    expect(propertiesFor(specOf(calm))).toEqual(['no-loss', 'no-missed', 'no-duplicates', 'order', 'checkout-within']);
    expect(propertiesFor(specOf(solution24))).toContain('sagas-settled');
    expect(propertiesFor(specOf(calm))).not.toContain('sagas-settled');
    expect(propertiesFor(specOf(calm), { lesson: true })).toContain('lesson-goals');
  });

  it('keeps the history properties on the vocabulary they had; crashes and slowdowns of services for the others', () => {
    expect(defaultKinds('no-loss')).toEqual(DEFAULT_KINDS);
    expect(defaultKinds('checkout-within')).toEqual([...DEFAULT_KINDS, 'service', 'slow']);
    const twoInstances = `${calm}  Orders --> Payments[Payment Service]\n  %% @config Payments instances=2\n`;
    const faults = faultVocabulary(specOf(twoInstances), ['service', 'slow']).map((e) => `${e.fault} / ${e.recover}`);
    expect(faults).toEqual([
      'crash Orders / restart Orders',
      'crash Payments/1 / restart Payments/1',
      'crash Payments/2 / restart Payments/2',
      'slow Orders 2000ms / slow Orders 0ms',
      'slow Payments 2000ms / slow Payments 0ms',
    ]);
  });
});

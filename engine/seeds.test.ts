/**
 * Every diagram of the curriculum's seeds (engine/topology/fixtures/seeds, extracted as the seeds draw them) runs as
 * the pattern a reader would expect: every edge that carries messages carried some, every node drawn as a component
 * took part, and the one concept map says it has nothing to simulate.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './topology/parse.ts';
import { TestSim } from './testing/testSim.ts';

const dir = new URL('./topology/fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir).filter((f) => f.endsWith('.mmd')).sort();
const CARRYING = new Set(['publish', 'subscribe', 'request', 'write', 'read']);
/** Kinds that are drawn, not simulated: a concept, a record drawn in a log. */
const DRAWN_ONLY = new Set(['note', 'event']);

function run(file: string) {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const t = parseTopology(text).topology;
  const s = TestSim.of(text, { seed: 1 }).advance('30s');
  return { t, s, carried: (id: string) => s.w.metrics.edges.get(id) ?? 0 };
}

describe('every seed diagram simulates what it draws', () => {
  it('has the ten diagrams', () => expect(seeds).toHaveLength(10));

  for (const file of seeds.filter((f) => f !== '003-4.mmd')) {
    it(`${file}: messages went through every edge that carries any, and every component took part`, () => {
      const { t, s, carried } = run(file);
      expect(s.sim.diagnostics.filter((d) => /not simulated|nothing to simulate/i.test(d.message))).toEqual([]);
      const silent = t.edges.filter((e) => (CARRYING.has(e.kind) || carried(e.id) > 0) && carried(e.id) === 0).map((e) => `${e.from}>${e.to}`);
      expect(silent).toEqual([]);
      // A partition takes part by holding records (its group reads it by whichever member's edge); the rest by traffic.
      const tookPart = (n: (typeof t.nodes)[number]) =>
        n.partitionOf ? s.logIds(n.partitionOf.topic, n.partitionOf.index).length > 0 : t.edges.some((e) => (e.from === n.id || e.to === n.id) && carried(e.id) > 0);
      const idle = t.nodes.filter((n) => !DRAWN_ONLY.has(n.kind) && !tookPart(n)).map((n) => n.id);
      expect(idle).toEqual([]);
    });
  }

  it("003-1: the drawn log is one order's stream, and the state is its replay", () => {
    const { s, carried } = run('003-1.mmd');
    const es = s.w.parts.eventstore.stores[0]!;
    expect(es.node).toBe('EVENTS');
    expect(es.log.map((id) => s.w.messages.types[s.w.messages.chunks[0]!.type[id]!])).toEqual(['OrderCreated', 'ItemAdded', 'ItemAdded', 'DiscountApplied', 'OrderConfirmed']);
    expect([...es.streams.values()].map((st) => st.events.length)).toEqual([5]);
    expect(s.w.parts.eventstore.readModels.map((rm) => [rm.node, rm.appliedTo])).toEqual([['S1', 5]]);
    expect(carried('L_E5_S1_0')).toBe(5);
  });

  it('003-4, a concept map, is drawn and says it has nothing to simulate', () => {
    const { s } = run('003-4.mmd');
    expect(s.sim.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'nothing to simulate: this diagram draws concepts, not components (no service, broker, queue or store)'],
    ]);
    expect(s.w.metrics.edges.size).toBe(0);
  });
});

/**
 * Seed 003's topic drawn with its records in its partitions and read by a group of three, with no producer drawn:
 * the records come from the producer the drawing implies, keyed by order, one order's drawn life per key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyOf, typeOf } from '../history/messages.ts';
import { TestSim } from '../testing/testSim.ts';

const seed = readFileSync(new URL('../topology/fixtures/seeds/003-3.mmd', import.meta.url), 'utf8');

describe('a topic drawn with records but no producer', () => {
  it('gets an implied producer, and the group of three consumers reads every partition', () => {
    const s = TestSim.of(seed, { seed: 3 }).advance('30s');
    expect(s.sim.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'nothing drawn writes to order-events: an implied producer writes OrderPlaced, OrderConfirmed, OrderShipped per order key at the default rate (draw a producer to set your own)'],
    ]);
    const m = s.metrics();
    expect(m.produced).toBeGreaterThan(500);
    expect(m.lost).toBe(0);
    expect(m.reordered).toBe(0);
    for (let i = 0; i < 3; i++) expect(s.logIds('order-events', i).length).toBeGreaterThan(50);
    // Each consumer owns a partition: all three process.
    const processed = s.processedBy('fulfillment');
    expect(processed.length).toBeGreaterThan(300);
  });

  it('writes each order key to one partition, in the order the seed draws one order’s life', () => {
    const s = TestSim.of(seed, { seed: 4 }).advance('20s');
    const msgs = s.w.messages;
    const partitionOfKey = new Map<number, number>();
    const typesOfKey = new Map<number, string[]>();
    for (let p = 0; p < 3; p++) {
      for (const id of s.logIds('order-events', p)) {
        const k = keyOf(msgs, id);
        expect(partitionOfKey.get(k) ?? p).toBe(p);
        partitionOfKey.set(k, p);
        typesOfKey.set(k, [...(typesOfKey.get(k) ?? []), msgs.types[typeOf(msgs, id)]!]);
      }
    }
    expect(typesOfKey.size).toBeGreaterThan(50);
    for (const types of typesOfKey.values()) {
      // Each order started here goes Placed, Confirmed, Shipped; a key drawn again starts again.
      for (let i = 0; i < types.length; i++) expect(types[i]).toBe(['OrderPlaced', 'OrderConfirmed', 'OrderShipped'][i % 3]);
    }
  });

  it('is not added where anything drawn writes to the topic', () => {
    const drawn = seed.replace('subgraph CG', 'Shop[Order Service] -->|publish| P0\nsubgraph CG');
    const s = TestSim.of(drawn, { seed: 1 }).advance('5s');
    expect(s.sim.diagnostics.filter((d) => d.message.includes('implied producer'))).toEqual([]);
    expect(s.w.parts.apps.services.some((x) => x.node.endsWith('·producer'))).toBe(false);
  });
});

/**
 * A worker pool behind the poll loop (`processing.threads`, semantics C9): auto-commit commits what the poll loop has
 * handed over, so a crash loses the records still waiting or in progress, and the missed-records checker names them;
 * the same crash with processing on the poll thread loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

const text = (billing: string) => `graph LR
  Orders[Order Service] -->|OrderCreated| K[Kafka Broker: orders]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3
  %% @config Orders rate=300/s key=customerId keys=100
  %% @config Billing ${billing}
`;

/**
 * Four workers at 20 ms a record handle 200 of the 300 records a second: the pool's queue fills, and the poll loop's
 * auto-commits run ahead of what was processed. Runs to 12 s, notes what the pool holds, crashes Billing, restarts it.
 */
function crashed(billing: string) {
  const s = TestSim.of(text(`processing=20ms ${billing}`), { seed: 3 }).until('12s');
  const r = s.w.parts.apps.readers[0]!;
  const held = new Set<number>();
  if (r.pool) {
    for (let i = r.pool.head; i < r.pool.ids.length; i++) held.add(r.pool.ids[i]!);
    for (const id of r.pool.working) if (id > 0) held.add(id);
  }
  s.fault('crash Billing').advance('2s').fault('restart Billing').advance('20s');
  return { s, held, h: s.sim.history() };
}

describe('processing.threads (C9)', () => {
  it('processes in parallel: four workers keep up with what one cannot', () => {
    const one = TestSim.of(text('processing=8ms'), { seed: 3 }).until('10s');
    const four = TestSim.of(text('processing=8ms processing.threads=4'), { seed: 3 }).until('10s');
    // 300 records a second at 8 ms each need 2.4 workers: one falls behind, four keep up with the 2,100 sent since the
    // group formed (about 3 s in).
    expect(four.processedBy('Billing').length).toBeGreaterThan(2000);
    expect(one.processedBy('Billing').length).toBeLessThan(1000);
  });

  it('with auto-commit, a crash loses the records the pool held: the group never processes them, and the checker names each', () => {
    const { s, held, h } = crashed('processing.threads=4');
    expect(held.size).toBeGreaterThan(0);
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBeGreaterThan(0);
    const missed = new Set(h.missed.examples.map((x) => x.message));
    expect(h.missed.examples.every((x) => x.why === 'passed' && x.group === 'Billing')).toBe(true);
    // Every missed record was in the pool at the crash, and none of them was ever processed.
    for (const id of missed) expect(held.has(id)).toBe(true);
    const processed = new Set(s.processedBy('Billing'));
    for (const id of missed) expect(processed.has(id)).toBe(false);
  });

  it('the same crash with processing on the poll thread misses nothing (at-least-once)', () => {
    const { h } = crashed('');
    expect(h.missed.count).toBe(0);
    expect(h.lost.count).toBe(0);
  });
});

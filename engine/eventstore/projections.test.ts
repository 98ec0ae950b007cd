/**
 * CQRS as the event store family runs it: a projection reads its store with a catch-up subscription and maintains
 * read models; its lag is visible in events and milliseconds; a client that writes then reads through a read model
 * can see stale data, which the checker reports with ids and lag; a projection that is not idempotent double-counts
 * the events that come again after its crash, and the checker says so.
 */
import { describe, expect, it } from 'vitest';
import { keyText } from '../history/keys.ts';
import { keyOf, typeOf } from '../history/messages.ts';
import { entries } from '../history/trace.ts';
import { describeEntry } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { eventSourcingFacts } from './facts.ts';
import { eventstore } from './family.ts';
import type { ProjectionNodeLive } from './live.ts';
import { ET } from './trace.ts';

const text = (proj = '', rate = '100/s') => `graph LR
  Client[Client] -->|PlaceOrder| Handler[Command Handler]
  Handler -->|OrderPlaced| ES[(Event Store)]
  ES -->|Publish| PROJ[Projection Engine]
  PROJ --> RM[Read Model]
  Client -->|GetOrders| RM
  %% @config Client rate=${rate}
  %% @config PROJ ${proj}
`;

const live = (s: TestSim) => {
  const out: Record<string, unknown> = {};
  eventstore.live!(s.w, out, []);
  return out;
};

describe('a projection', () => {
  it('keeps a read model of every event, and its lag in events and ms is live data', () => {
    // 100 events a second, 20 ms to apply each: it falls behind by about 50 a second.
    const s = TestSim.of(text('handle.ms=20'), { seed: 1 }).until('4s');
    const rm = live(s)['RM'] as ProjectionNodeLive;
    expect(rm.type).toBe('projection');
    expect(rm.lagEvents).toBeGreaterThan(100);
    expect(rm.lagMs).toBeGreaterThan(1000);
    expect(rm.position).toBeGreaterThan(100);
    const proj = live(s)['PROJ'] as ProjectionNodeLive;
    expect(proj.lagEvents).toBe(rm.lagEvents);
    // A fast one keeps up.
    const fast = live(TestSim.of(text('handle.ms=0.1'), { seed: 1 }).until('4s'))['RM'] as ProjectionNodeLive;
    expect(fast.lagEvents).toBeLessThan(3);
  });

  it('once caught up, equals a replay of the store', () => {
    const s = TestSim.of(text(), { seed: 2 }).until('3s');
    const p = s.w.parts.eventstore;
    const es = p.stores[0]!;
    // Stop the writes and let it catch up.
    s.fault('crash Handler').advance('2s');
    const rm = p.readModels[0]!;
    expect(rm.appliedTo).toBe(es.log.length);
    for (const [key, st] of es.streams) expect(rm.rows.get(key)).toBe(st.events.length);
    expect(eventSourcingFacts(s.w).mismatches).toEqual([]);
  });

  it('read-your-writes violation: a client reading right after its write sees stale data, reported with ids and lag', () => {
    const s = TestSim.of(text('handle.ms=5'), { seed: 1 }).until('3s');
    const f = eventSourcingFacts(s.w);
    expect(f.reads).toBeGreaterThan(200);
    expect(f.rywViolations).toBeGreaterThan(10);
    expect(f.staleReads).toBeGreaterThanOrEqual(f.rywViolations);
    const v = f.examples.find((x) => x.ownWrite)!;
    expect(v.client).toBe('Client');
    expect(v.readModel).toBe('RM');
    expect(s.w.messages.types[typeOf(s.w.messages, v.event)]).toBe('OrderPlaced');
    expect(v.correlation).toBeGreaterThan(0);
    expect(v.lagEvents).toBeGreaterThan(0);
    expect(v.lagMs).toBeGreaterThan(0);
    const e = entries(s.w.trace).find((x) => x.kind === ET.staleRead)!;
    expect(describeEntry(s.w, e).text).toMatch(/a read of RM was stale: \d+ events? behind the store/);
    // Reading later than the projection's lag: no violation.
    const later = eventSourcingFacts(TestSim.of(`${text('handle.ms=0.1')}  %% @config RM read.after.ms=200\n`, { seed: 1 }).until('3s').w);
    expect(later.reads).toBeGreaterThan(200);
    expect(later.rywViolations).toBe(0);
  });

  it('double-counts under redelivery after its crash when not idempotent, and the checker says so', () => {
    const run = (dedupe: string) => {
      const s = TestSim.of(text(`checkpoint.every=50 dedupe=${dedupe}`), { seed: 5 }).until('2.3s');
      s.fault('crash PROJ').advance('1s').fault('restart PROJ').advance('2s');
      s.fault('crash Handler').advance('3s'); // writes stop; the projection catches up
      return s;
    };
    const bad = run('none');
    const f = eventSourcingFacts(bad.w);
    expect(f.doubleCounted.length).toBeGreaterThan(0);
    const d = f.doubleCounted[0]!;
    expect(d.readModel).toBe('RM');
    expect(d.times).toBe(2);
    expect(keyText(bad.w.keys, keyOf(bad.w.messages, d.event))).toBe(d.stream);
    // Caught up, its rows differ from a replay of the store: the events counted twice.
    expect(f.mismatches.length).toBeGreaterThan(0);
    expect(f.mismatches.every((m) => m.rows > m.events)).toBe(true);
    const rewind = entries(bad.w.trace).find((x) => x.kind === ET.projRewind)!;
    expect(describeEntry(bad.w, rewind).text).toMatch(/PROJ resubscribed from its checkpoint \d+: \d+ events? it had applied come again/);
    expect(entries(bad.w.trace).some((x) => x.kind === ET.projTwice)).toBe(true);

    const good = run('position');
    const g = eventSourcingFacts(good.w);
    expect(good.w.parts.eventstore.engines[0]!.stats.rewinds).toBe(1);
    expect(good.w.parts.eventstore.engines[0]!.stats.skipped).toBeGreaterThan(0);
    expect(g.doubleCounted).toEqual([]);
    expect(g.mismatches).toEqual([]);
  });

  it('rebuilds from the start of the store: behind while it replays, then equal to a replay, double counts repaired', () => {
    const s = TestSim.of(text('checkpoint.every=50 dedupe=none handle.ms=0.5'), { seed: 5 }).until('2.3s');
    s.fault('crash PROJ').advance('1s').fault('restart PROJ').advance('2s');
    s.fault('crash Client').advance('2s'); // writes stop; the projection catches up
    const before = eventSourcingFacts(s.w);
    expect(before.doubleCounted.length).toBeGreaterThan(0);
    expect(before.mismatches.length).toBeGreaterThan(0);
    const total = s.w.parts.eventstore.stores[0]!.log.length;

    s.fault('rebuild PROJ').advance('10ms');
    const [rm] = s.w.parts.eventstore.readModels;
    expect(rm!.appliedTo).toBeLessThan(total / 2);
    const e = entries(s.w.trace).find((x) => x.kind === ET.projRebuild)!;
    expect(describeEntry(s.w, e).text).toBe(`PROJ is rebuilding: its read model cleared, replaying ${total} events from the start of the store`);
    expect(s.w.faults.applied.at(-1)!.note).toBe(`rebuilding PROJ: RM cleared, replaying ${total.toLocaleString('en')} events from the start of ES`);

    s.advance('5s');
    const after = eventSourcingFacts(s.w);
    expect(rm!.appliedTo).toBe(total);
    expect(after.doubleCounted).toEqual([]);
    expect(after.mismatches).toEqual([]);
    expect(s.w.parts.eventstore.engines[0]!.stats.rebuilds).toBe(1);
  });

  it('rebuilds only a projection', () => {
    const s = TestSim.of(text(), { seed: 1 }).advance('1s');
    expect(() => s.fault('rebuild Handler')).toThrow("Handler is not a projection of an event store: only a projection (or one of its read models) can be rebuilt");
  });

  it('inline: the read model is updated in the append itself, so no read is stale, and every append waits for it', () => {
    const run = (mode: string) => TestSim.of(text(`handle.ms=5 mode=${mode}`), { seed: 1 }).until('3s');
    const slow = run('async');
    const inline = run('inline');
    expect(eventSourcingFacts(slow.w).rywViolations).toBeGreaterThan(10);
    const f = eventSourcingFacts(inline.w);
    expect(f.reads).toBeGreaterThan(200);
    expect(f.staleReads).toBe(0);
    expect(f.rywViolations).toBe(0);
    const [rm] = inline.w.parts.eventstore.readModels;
    expect(rm!.appliedTo).toBe(inline.w.parts.eventstore.stores[0]!.log.length);
    expect(f.mismatches).toEqual([]);
    // The append's transaction carries the projection's 5 ms: checkouts are that much slower than async ones.
    const p50 = (s: TestSim) => s.metrics().checkouts.latencyMs.p50;
    expect(p50(inline) - p50(slow)).toBeGreaterThan(4);
  });
});

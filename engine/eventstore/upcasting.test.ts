/**
 * Event versions: a command handler's new release writes and reads version 2 of its events from `upgrade.at`. Events
 * in the store never change, so streams hold both versions; loading one upcasts the older events as they are read,
 * or, with no upcaster, fails the command. Snapshots taken after the old events spare the upcast.
 */
import { describe, expect, it } from 'vitest';
import { entries } from '../history/trace.ts';
import { describeEntry } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { ET } from './trace.ts';

const text = (handler: string, store = '') => `graph LR
  Client[Client] -->|PlaceOrder| Handler[Command Handler]
  Handler -->|OrderPlaced| ES[(Event Store)]
  %% @config Client rate=50/s
  %% @config ES aggregates=20 ${store}
  %% @config Handler event.version=2 upgrade.at=5s ${handler}
`;

describe('event versions and upcasting', () => {
  it('before the upgrade every event is version 1; after it, version 2, and the old ones are upcast on load', () => {
    const s = TestSim.of(text(''), { seed: 1 }).until('10s');
    const es = s.w.parts.eventstore.stores[0]!;
    const at5 = es.appendedAt.findIndex((t) => t >= 5_000_000);
    expect(at5).toBeGreaterThan(100);
    expect(new Set(es.versions.slice(0, at5))).toEqual(new Set([1]));
    expect(new Set(es.versions.slice(at5))).toEqual(new Set([2]));
    expect(es.stats.upcast).toBeGreaterThan(100);
    expect(es.stats.unreadable).toBe(0);
    // What failed failed on a concurrent append (20 streams at 50 commands a second), none on a version.
    const c = s.w.parts.apps.clients[0]!;
    expect(c.failed).toBe(es.stats.rejected);
  });

  it('without an upcaster, a command on a stream that holds version 1 events fails, and the log says why', () => {
    const s = TestSim.of(text('upcast=false'), { seed: 1 }).until('10s');
    const es = s.w.parts.eventstore.stores[0]!;
    expect(es.stats.unreadable).toBeGreaterThan(50);
    expect(es.stats.upcast).toBe(0);
    const c = s.w.parts.apps.clients[0]!;
    expect(c.failed).toBe(es.stats.unreadable + es.stats.rejected);
    const e = entries(s.w.trace).find((x) => x.kind === ET.esUnreadable)!;
    expect(describeEntry(s.w, e).text).toMatch(/^ES: a command on order-\d+ failed: its handler reads version 2 and the stream holds a version 1 event with no upcaster for it$/);
    // The old release's commands, before 5 s, succeeded; after it every stream of the 20 holds version 1 events.
    expect(c.ok).toBeGreaterThan(200);
    expect(es.versions.filter((v) => v === 2)).toEqual([]);
  });

  it('a snapshot taken after the old events spares their upcast', () => {
    const without = TestSim.of(text(''), { seed: 2 }).until('12s').w.parts.eventstore.stores[0]!.stats.upcast;
    const withSnapshots = TestSim.of(text('', 'snapshot.every=5'), { seed: 2 }).until('12s').w.parts.eventstore.stores[0]!.stats.upcast;
    expect(withSnapshots).toBeLessThan(without / 2);
  });

  it('changes nothing for a handler that never upgrades', () => {
    const s = TestSim.of(text('').replace('event.version=2 upgrade.at=5s', ''), { seed: 1 }).until('6s');
    const es = s.w.parts.eventstore.stores[0]!;
    expect(new Set(es.versions)).toEqual(new Set([1]));
    expect(es.stats.upcast + es.stats.unreadable).toBe(0);
  });
});

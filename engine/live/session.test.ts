import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advance, changeSettings, createSession, frameOf, inject, nearFrameOf, scheduleFault, seek, seekNear, stepEvent, stepHop, unscheduleFault, type Session } from './session.ts';
import { eventLog, keyPath, logKinds, messageLife } from './queries.ts';
import { groupDetail, partitionDetail } from '../kafka/queries.ts';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';

const text = (acks: string) => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=2
  %% @config Client rate=300/s key=customerId keys=50
  %% @config Orders acks=${acks}
`;

const pick = (m: { acknowledged: number; processed: number }) => ({ acknowledged: m.acknowledged, processed: m.processed });

function session(acks = 'all'): Session {
  const s = createSession(text(acks), { seed: 7, faults: ['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '40s heal'] });
  if ('errors' in s) throw new Error(JSON.stringify(s.errors));
  return s;
}

describe('live session', () => {
  it('reports parse errors instead of starting', () => {
    const s = createSession('graph LR\n  A[ --> B');
    expect('errors' in s && s.errors[0]!.line).toBe(2);
  });

  it('plays the run the headless simulation makes, moment for moment', () => {
    const faults = ['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '40s heal'];
    const s = session('1');
    const parsed = parseTopology(text('1'));
    if (!parsed.ok) throw new Error('parse');
    const headless = createSimulation(parsed.topology, { seed: 7, faults, traceCapacity: 1 << 18 });
    // What the search, the lesson checks and `npm run sim` run, and what a share link's seed and faults promise.
    for (const t of [0, 5_000_000, 25_000_000, 45_000_000]) {
      advance(s, t);
      headless.run(t);
      expect(s.sim.hash()).toBe(headless.hash());
    }
  }, 30_000);

  it('scrubbing back and playing forward again rebuilds exactly the same history', () => {
    const s = session();
    advance(s, 30_000_000);
    const at30 = s.sim.hash();
    seek(s, 12_345_000);
    expect(s.sim.world.now).toBe(12_345_000);
    advance(s, 30_000_000);
    expect(s.sim.hash()).toBe(at30);
  });

  it('a long seek shows the nearest snapshot first, then replays on from it to the same moment as a plain seek', () => {
    const near = createSession(text('all'), { seed: 7, snapshotEveryEvents: 1e9, nearReplayEvents: 1000 });
    const plain = createSession(text('all'), { seed: 7, snapshotEveryEvents: 1e9 });
    if ('errors' in near || 'errors' in plain) throw new Error('parse');
    advance(near, 8_000_000);
    advance(plain, 8_000_000);
    // Only the snapshot at 0 exists: going back to 5 s replays 5 s of events, so the first half restores it.
    expect(seekNear(near, 5_000_000)).toBe(true);
    expect(near.sim.world.now).toBe(0);
    expect(frameOf(near).timeUs).toBe(0);
    seek(near, 5_000_000);
    seek(plain, 5_000_000);
    expect(near.sim.world.now).toBe(5_000_000);
    expect(near.sim.hash()).toBe(plain.sim.hash());
    // Forward from here (no restore needed), or a replay shorter than the threshold: nothing to show first.
    expect(seekNear(near, 6_000_000)).toBe(false);
    expect(near.sim.world.now).toBe(5_000_000);
    const short = createSession(text('all'), { seed: 7, snapshotEveryEvents: 1e9, nearReplayEvents: 1e9 });
    if ('errors' in short) throw new Error('parse');
    advance(short, 8_000_000);
    expect(seekNear(short, 5_000_000)).toBe(false);
    expect(short.sim.world.now).toBe(8_000_000);
  });

  it('replays injected faults at their exact place', () => {
    const s = session();
    advance(s, 5_000_000);
    expect(inject(s, 'crash Billing').ok).toBe(true);
    advance(s, 20_000_000);
    const h = s.sim.hash();
    seek(s, 1_000_000);
    advance(s, 20_000_000);
    expect(s.sim.hash()).toBe(h);
  });

  it('a fault injected between two events replays at the moment it was injected, not at the event before', () => {
    // docs/topologies/orders-acks1.mmd, seed 1: the clock stood at 10,020,022 µs, after the last event before it.
    const s = createSession(readFileSync(new URL('../../docs/topologies/orders-acks1.mmd', import.meta.url), 'utf8'), { seed: 1 });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 10_020_022);
    expect(inject(s, 'crash leader:orders-topic/0').ok).toBe(true);
    advance(s, 30_020_022);
    const live = { hash: s.sim.hash(), ...pick(s.sim.metrics()) };
    seek(s, 5_000_000);
    advance(s, 30_020_022);
    expect({ hash: s.sim.hash(), ...pick(s.sim.metrics()) }).toEqual(live);
    expect(s.sim.world.faults.applied[0]!.at).toBe(10_020_022);
  });

  it('a fault scheduled during the run fires at its own moment, and in every replay; one taken off never fires', () => {
    const s = session();
    advance(s, 2_000_000);
    expect(scheduleFault(s, '5s crash Billing').ok).toBe(true);
    expect(scheduleFault(s, '6s crash Orders').ok).toBe(true);
    expect(scheduleFault(s, '1s crash Orders').ok).toBe(false); // the run is past that moment
    expect(frameOf(s).pending.slice(0, 3)).toEqual(['5s crash Billing', '6s crash Orders', '10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller']);
    advance(s, 5_500_000);
    expect(unscheduleFault(s, '6s crash Orders').ok).toBe(true);
    expect(unscheduleFault(s, '5s crash Billing').ok).toBe(false); // already fired
    advance(s, 20_000_000);
    const fired = () => s.sim.world.faults.applied.map((f) => [f.at, f.note]);
    expect(fired()).toContainEqual([5_000_000, 'crashed Billing']);
    expect(fired().some(([, note]) => note === 'crashed Orders')).toBe(false);
    const live = { hash: s.sim.hash(), fired: fired() };
    seek(s, 1_000_000);
    // Before the moment they were scheduled: the run meets the one it keeps, and not the one it took off.
    expect(frameOf(s).pending.slice(0, 2)).toEqual(['5s crash Billing', '10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller']);
    advance(s, 20_000_000);
    expect({ hash: s.sim.hash(), fired: fired() }).toEqual(live);
  });

  it('a seek forward counts the losses of the moment it lands on, as a seek back does', () => {
    const s = session('1');
    expect(frameOf(s).counters.lost).toBe(0);
    seek(s, 60_000_000);
    expect(frameOf(s).counters.lost).toBeGreaterThan(0);
  }, 30_000);

  it('a fork with acks=all from a past moment avoids the loss the acks=1 future had', () => {
    const s = session('1');
    advance(s, 60_000_000);
    expect(frameOf(s).counters.lost).toBeGreaterThan(0); // the isolated leader's acks=1 writes vanished
    seek(s, 5_000_000);
    expect(changeSettings(s, text('all')).ok).toBe(true);
    expect(s.headUs).toBe(5_000_000); // the old future is gone
    advance(s, 60_000_000);
    const f = frameOf(s);
    expect(f.counters.lost).toBe(0);
    expect(f.timeUs).toBe(60_000_000);
  }, 30_000);

  describe('a fork keeps the faults of the old future', () => {
    const split = '15s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller';
    const fired = (s: Session) => s.sim.world.faults.applied.map((f) => [f.at, f.note]);

    it('faults scheduled after the fork point still strike at their moments', () => {
      const s = createSession(text('1'), { seed: 7 });
      if ('errors' in s) throw new Error(JSON.stringify(s.errors));
      advance(s, 12_000_000);
      expect(scheduleFault(s, split).ok).toBe(true);
      expect(scheduleFault(s, '30s heal').ok).toBe(true);
      advance(s, 40_000_000);
      seek(s, 8_000_000);
      // Scrubbed back: the run has not scheduled them yet, but it meets them, in a replay and in a fork.
      expect(frameOf(s).pending).toEqual([split, '30s heal']);
      expect(changeSettings(s, text('all')).ok).toBe(true);
      expect(frameOf(s).pending).toEqual([split, '30s heal']);
      advance(s, 50_000_000);
      expect(fired(s)).toEqual([
        [15_000_000, 'network split: Kafka/1 | Kafka/2, Kafka/3, Kafka/controller'],
        [30_000_000, 'network healed'],
      ]);
      expect(frameOf(s, true).counters.lost).toBe(0);
    }, 30_000);

    it('a fault injected live after the fork point strikes at the moment it was injected', () => {
      const s = session();
      advance(s, 12_500_000);
      expect(inject(s, 'crash Billing').ok).toBe(true);
      advance(s, 20_000_000);
      seek(s, 5_000_000);
      expect(frameOf(s).pending[0]).toBe('10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller');
      expect(frameOf(s).pending).toContain('12500ms crash Billing');
      expect(inject(s, 'crash Orders').ok).toBe(true); // a fork by injection keeps them too
      advance(s, 20_000_000);
      expect(fired(s).map(([at]) => at)).toEqual([5_000_000, 10_000_000, 12_500_000]);
      expect(fired(s).at(-1)).toEqual([12_500_000, 'crashed Billing']);
    }, 30_000);

    it('a fault taken off the schedule after the fork point stays off in the fork; scheduled and taken off cancels out', () => {
      const s = session();
      advance(s, 12_000_000);
      expect(scheduleFault(s, '25s crash Billing').ok).toBe(true);
      advance(s, 20_000_000);
      expect(unscheduleFault(s, '40s heal').ok).toBe(true);
      expect(unscheduleFault(s, '25s crash Billing').ok).toBe(true);
      advance(s, 45_000_000);
      seek(s, 5_000_000);
      expect(frameOf(s).pending).toEqual(['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller']);
      expect(changeSettings(s, text('1')).ok).toBe(true);
      advance(s, 45_000_000);
      expect(fired(s).map(([at]) => at)).toEqual([10_000_000]);
    }, 30_000);

    it('scrubbed back, a fault the run meets later can be taken off: the fork is made without it', () => {
      const s = session();
      advance(s, 12_000_000);
      expect(scheduleFault(s, '15s crash Billing').ok).toBe(true);
      advance(s, 20_000_000);
      seek(s, 8_000_000);
      expect(unscheduleFault(s, '15s crash Nobody').ok).toBe(false);
      expect(s.headUs).toBe(20_000_000); // nothing to take off: no fork
      expect(unscheduleFault(s, '15s crash Billing').ok).toBe(true);
      advance(s, 20_000_000);
      expect(fired(s).map(([, note]) => note)).not.toContain('crashed Billing');
    }, 30_000);
  });

  it('counts losses every few frames while playing, and exactly when asked', () => {
    const s = session('1');
    advance(s, 9_000_000);
    expect(frameOf(s).counters.lost).toBe(0); // before the split at 10 s
    advance(s, 60_000_000);
    expect(frameOf(s).counters.lost).toBe(0); // one frame after the last count: not counted again yet
    expect(frameOf(s, true).counters.lost).toBeGreaterThan(0);
  }, 30_000);

  it("a long seek's first frame leaves lost and missed to its exact frame, and says so", () => {
    const s = createSession(text('1'), { seed: 7, faults: ['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '40s heal'], snapshotEveryEvents: 1e9, nearReplayEvents: 1000 });
    if ('errors' in s) throw new Error('parse');
    advance(s, 60_000_000);
    const atHead = frameOf(s, true).counters;
    expect(atHead.lost).toBeGreaterThan(0);
    expect(atHead.lossPending).toBe(false);
    // Only the snapshot at 0 exists, where nothing is lost yet: a count there would say 0.
    expect(seekNear(s, 50_000_000)).toBe(true);
    const near = nearFrameOf(s);
    expect(near.timeUs).toBe(0);
    expect(near.counters).toMatchObject({ lossPending: true, lost: atHead.lost, missed: atHead.missed });
    seek(s, 50_000_000);
    const exact = frameOf(s).counters;
    expect(exact.lossPending).toBe(false);
    expect(exact.lost).toBe(frameOf(s, true).counters.lost);
    expect(exact.lost).toBeGreaterThan(0);
  }, 30_000);

  it('refuses a settings change that alters the structure', () => {
    const s = session();
    advance(s, 2_000_000);
    const r = changeSettings(s, text('all').replace('partitions=3', 'partitions=6'));
    expect(r.ok).toBe(false);
    expect(r.note).toMatch(/3 to 6 partitions/);
  });

  it('steps one event, or to the next message hop, and says what ran and what the event log recorded', () => {
    const s = session();
    advance(s, 3_000_000);
    const before = s.sim.world.events;
    const one = stepEvent(s);
    expect(s.sim.world.events).toBe(before + 1);
    expect(one.events).toHaveLength(1);
    expect(one.atUs).toBe(s.sim.world.now);
    const hop = stepHop(s);
    expect(s.sim.world.events).toBe(before + 1 + hop.events.length);
    // Every entry the step recorded is in the event log too, the same words.
    const log = eventLog(s.sim.world, { limit: hop.entries.length });
    expect(hop.entries.map((e) => e.text)).toEqual(log.slice(-hop.entries.length).map((e) => e.text));
    // Stepping on until something is recorded: the report carries it in words.
    let r = stepHop(s);
    for (let i = 0; i < 50 && r.entries.length === 0; i++) r = stepHop(s);
    expect(r.entries.length).toBeGreaterThan(0);
    expect(r.entries[0]!.text).not.toBe('');
  });

  it('names the kinds the event log can show: those its ring holds, the split among them once it happened', () => {
    const s = session();
    advance(s, 5_000_000);
    const early = logKinds(s.sim.world);
    expect(early).toEqual(expect.arrayContaining(['send', 'append', 'ack', 'deliver']));
    expect(early).not.toContain('fault');
    expect(early).not.toContain('sagaStart');
    advance(s, 12_000_000);
    const later = logKinds(s.sim.world);
    expect(later).toContain('fault');
    // Every kind named has entries in the log.
    for (const kind of later) expect(eventLog(s.sim.world, { kinds: [kind], limit: 1 }), kind).toHaveLength(1);
  });

  it('frames carry live state and the chart samples since the last frame', () => {
    const s = session();
    advance(s, 3_500_000);
    const f1 = frameOf(s);
    expect(f1.samples.length).toBe(3);
    expect(f1.samplesFromStart).toBe(true);
    advance(s, 5_500_000);
    const f2 = frameOf(s);
    expect(f2.samples.map((x) => x.t)).toEqual([4_000_000, 5_000_000]);
    expect(f2.samplesFromStart).toBe(false);
    const kafka = f2.nodes['Kafka'];
    expect(kafka?.type === 'kafka' && kafka.partitions).toHaveLength(3);
    const billing = f2.nodes['Billing'];
    expect(billing?.type === 'service' && billing.processed).toBeGreaterThan(0);
    expect(Object.values(f2.edges).some((n) => n > 0)).toBe(true);
  });

  it('counts messages on every edge they travel: requests, publishes and deliveries to subscribers', () => {
    const s = session();
    advance(s, 8_000_000);
    const { edges, counters } = frameOf(s);
    expect(Object.keys(edges).sort()).toEqual(['L_Client_Orders_0', 'L_Kafka_Billing_0', 'L_Orders_Kafka_0']);
    expect(edges['L_Orders_Kafka_0']).toBe(counters.produced);
    expect(edges['L_Kafka_Billing_0']).toBeGreaterThan(0);
    expect(edges['L_Kafka_Billing_0']).toBeLessThanOrEqual(counters.produced);
  });

  it('answers questions: the event log, a partition, a group, a message, a key', () => {
    const s = session();
    advance(s, 15_000_000);
    const log = eventLog(s.sim.world, { kinds: ['fault', 'election'] });
    expect(log.some((e) => e.kind === 'fault' && /network split/.test(e.text))).toBe(true);
    const pd = partitionDetail(s.sim.world, 1)!; // led by Kafka/2, on the majority side
    expect(pd.partition.highWatermark).toBeLessThanOrEqual(pd.partition.logEnd);
    expect(pd.recent.length).toBeGreaterThan(0);
    const gd = groupDetail(s.sim.world, 0)!;
    expect(gd.members.flatMap((m) => m.partitions).sort()).toEqual(['orders-0', 'orders-1', 'orders-2']);
    const id = pd.recent[0]!.message; // forty records back: processed by now
    const life = messageLife(s.sim.world, id)!;
    expect(life.partition).toBe('orders-1');
    expect(life.appendedAt).toBeGreaterThanOrEqual(life.producedAt);
    expect(life.processedAt.length).toBeGreaterThan(0);
    const path = keyPath(s.sim.world, life.key!);
    expect(path.every((m) => m.key === life.key)).toBe(true);
  });
});

describe('settings changed in a running session', () => {
  it('a larger max.poll.records holds from the next poll', () => {
    const slow = (max: number) => text('all').replace('@config Orders acks=all', `@config Orders acks=all\n  %% @config Billing processing=5ms max.poll.records=${max}`);
    const s = createSession(slow(20), { seed: 7 });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 5_000_000);
    const billing = () => s.sim.world.parts.kafka.consumers.find((c) => c.name === 'Billing')!;
    // 300 orders a second against 200 a second at 5 ms each: Billing falls behind and polls full batches.
    expect(billing().workBuffer.ids.length).toBe(20);
    expect(changeSettings(s, slow(100)).ok).toBe(true);
    advance(s, 10_000_000);
    expect(billing().config.maxPollRecords).toBe(100);
    expect(billing().workBuffer.ids.length).toBe(100);
  });
});

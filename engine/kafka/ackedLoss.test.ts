/**
 * acks=all with replication factor 3 or more, min.insync.replicas 2 or more, no unclean election and only crashes:
 * Kafka never loses an acknowledged write (semantics K4, R5). Each case below lost acknowledged writes once, through
 * a different root cause.
 */
import { describe, expect, it } from 'vitest';
import { ACKED, flagsOf } from '../history/messages.ts';
import { partitionLag } from './positions.ts';
import { TestSim } from '../testing/testSim.ts';
import { createLog } from './log.ts';
import { appendOn, follow, makeOwner, viewEnd, viewIdAt } from './replicas.ts';
import type { Partition } from './types.ts';

const bounded = (brokers: string, topic: string) => `graph LR
  P[Producer] -->|t| K[Kafka: t]
  K --> C[Consumer]
  %% @config K ${brokers}
  %% @config t ${topic}
  %% @config P acks=all rate=400/s retries=3 linger.ms=20 batch.size=1kb
`;

/** Every acknowledged message must sit in some partition's log. */
function acknowledgedMissing(sim: TestSim): number[] {
  const held = new Set<number>();
  for (const p of sim.w.parts.kafka.partitions) for (const s of p.log.segments) for (let i = 0; i < s.count; i++) held.add(s.ids[i]!);
  const missing: number[] = [];
  for (let id = 1; id < sim.w.messages.count; id++) if ((flagsOf(sim.w.messages, id) & ACKED) !== 0 && !held.has(id)) missing.push(id);
  return missing;
}

describe('acks=all loses no acknowledged write under crashes alone', () => {
  it('a batch in flight when the producer gives up another (a KIP-360 epoch bump) gets a fresh sequence, not another batch\'s acknowledgement', () => {
    // retries=3 makes batches fail while the leader is down; each failure bumps the epoch. A batch that was in
    // flight kept its old sequence under the new producer id, matched another batch's entry at the broker, and was
    // "acknowledged" at that batch's offset without ever being written.
    for (let seed = 1; seed <= 6; seed++) {
      const sim = TestSim.of(bounded('brokers=3', 'partitions=8 replication.factor=3 min.insync.replicas=2'), { seed, faults: ['10s crash leader:t/0'] });
      sim.until('30s');
      expect({ seed, missing: acknowledgedMissing(sim) }).toEqual({ seed, missing: [] });
      expect(sim.history().lost.count).toBe(0);
    }
  });

  it('five brokers, preferred-leader rebalancing every 30 s, three crashes and a restart: nothing acknowledged is lost', () => {
    const text = bounded('brokers=5 leader.imbalance.check.interval.seconds=30', 'partitions=8 replication.factor=5 min.insync.replicas=3');
    for (const seed of [1, 2, 3]) {
      const sim = TestSim.of(text, { seed, invariants: true, faults: ['5s crash K/1', '10s crash leader:t/0', '15s crash K/3', '29s restart K/1'] });
      sim.until('40s');
      expect({ seed, lost: sim.history().lost.count }).toEqual({ seed, lost: 0 });
    }
  });

  it('a replica the controller made leader, still fetching from the old leader before it hears, keeps what it fetched', () => {
    const p = partition(3);
    const write = { now: 0, roll: { segmentBytes: 1 << 30, segmentUs: 1e12 }, recordBytes: 10, timestampOf: () => 0 };
    appendOn(p, 0, [1, 2, 3], 0, 3, 30, 0, 0, write.roll);
    follow(p, 1, 0, 2, write);
    follow(p, 2, 0, 3, write);
    // Preferred-leader election to slot 1, which is in the ISR but one record behind the leader's log end.
    makeOwner(p, 1, write);
    // Slot 0 has not heard yet and appends one more; slot 1 has not heard either and fetches both.
    appendOn(p, 0, [4], 0, 1, 10, 0, 0, write.roll);
    follow(p, 1, 0, 4, write);
    expect([0, 1, 2, 3].map((o) => viewIdAt(p, 1, o))).toEqual([1, 2, 3, 4]);
    // The shared log (what the loss checker and the invariants read) is the owner's view: it holds all four.
    expect(p.log.endOffset).toBe(4);
    expect(p.tail[1]).toBeNull();
    expect(viewEnd(p, 0)).toBe(4);
  });

  it('an acks=all retry of a batch the log already holds is answered at once, not when the request times out', () => {
    // Seed 1173 of the cluster property: two brokers down, writes refused for want of replicas, retried batches
    // piling up. When the brokers return, retries of batches already written waited for the high watermark to move
    // again, holding all five of the connection's slots, so nothing moved for the 30 s of request.timeout.ms.
    const text = `graph LR
  P[Producer] -->|t| Kafka[Kafka: t]
  Kafka --> C[Consumer]
  %% @config Kafka brokers=3 leader.imbalance.check.interval.seconds=28
  %% @config t partitions=8 replication.factor=3 min.insync.replicas=2
  %% @config P acks=all rate=400/s linger.ms=20 batch.size=16kb key=customerId keys=50
  %% @config C instances=2 commit=after auto.offset.reset=earliest processing=1ms
`;
    const sim = TestSim.of(text, { seed: 1173, faults: ['5115217us crash leader:t/5', '8942100us crash Kafka/1', '30s restart Kafka/1', '30s restart Kafka/2', '30s restart Kafka/3'] });
    sim.until('32s');
    for (const s of sim.w.parts.apps.sources) s.rate = 0;
    sim.advance('20s');
    const g = sim.group('C');
    const lag = sim.topic('t').partitions.reduce((n, pid) => n + partitionLag(sim.w, g.id, pid).lag, 0);
    expect(lag).toBe(0);
    // Twenty seconds after the brokers returned, the producer has written (or given up) everything it held.
    const prod = sim.w.parts.kafka.producers[0]!;
    expect({ batches: prod.batches.size, requests: prod.requests.size }).toEqual({ batches: 0, requests: 0 });
  });
});

function partition(n: number): Partition {
  return {
    id: 0, cluster: 0, topic: 0, index: 0,
    replicas: Array.from({ length: n }, (_, i) => i),
    log: createLog(), owner: 0,
    matched: new Array(n).fill(0), tail: new Array(n).fill(null), hw: new Array(n).fill(0),
    followerEnd: new Array(n).fill(0), lastCaughtUpAt: new Array(n).fill(0), lastFetchAt: new Array(n).fill(0), lastFetchLeaderEnd: new Array(n).fill(0),
    states: [], pendingIsr: null, producers: new Map(), delayed: [], parkedFetches: [], committed: 0, offlineSince: -1, writesFailingSince: -1, lastWriteOkAt: 0, cleanedTo: 0,
  };
}

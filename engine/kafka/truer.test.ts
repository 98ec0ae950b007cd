/**
 * Kafka, truer (issue 11): each test names the row of shared/reference/semantics.md it holds the model to.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { flagsOf, keyOf, TOMBSTONE } from '../history/messages.ts';

const orders = (producer: string, extra = '') => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=2
  %% @config Orders rate=200/s key=customerId keys=100 ${producer}
${extra}`;

describe('Kafka, truer', () => {
  it('K1: an acks=0 producer whose leader crashed finds the new leader and writes there again', () => {
    const s = TestSim.of(orders('acks=0'), { seed: 1 }).advance('5s');
    const victim = s.leaderOf('orders', 0);
    s.crash(`Kafka/${victim}`).advance('20s');
    const before = s.metrics().appended;
    s.advance('10s');
    // All three partitions take writes again: about 200/s for 10 s, not the two thirds that still had a leader.
    expect(s.metrics().appended - before).toBeGreaterThan(1900);
  });
});

describe('idempotent producers after a sequence gap (K15)', () => {
  const unclean = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config orders partitions=1 replication.factor=3 min.insync.replicas=1 unclean.leader.election.enable=true
  %% @config Orders rate=100/s key=customerId keys=100
`;

  it('an unclean election loses acknowledged batches; the producer bumps its epoch and writes resume at once (KIP-360)', () => {
    const s = TestSim.of(unclean, { seed: 3 }).advance('2s');
    const leader = s.leaderOf('orders', 0);
    const followers = [1, 2, 3].filter((b) => b !== leader);
    for (const f of followers) s.crash(`Kafka/${f}`);
    // The controller fences the old leader after broker.session.timeout.ms (9 s), then elects the restarted follower.
    s.advance('18s').crash(`Kafka/${leader}`).restart(`Kafka/${followers[0]}`).advance('12s');
    expect(s.leaderOf('orders', 0)).toBe(followers[0]);
    const before = s.metrics().appended;
    s.advance('10s');
    // The new leader never had the producer's last batches: the next one is out of sequence. The producer starts a new
    // epoch and retries, so 10 s later it has written about 100/s, not waited for delivery.timeout.ms (120 s).
    expect(s.metrics().appended - before).toBeGreaterThan(800);
    expect(s.metrics().sendFailed).toBe(0);
  });
});

describe('settings say what they accept (issue 11 §9)', () => {
  const quiet = (topic: string, consumer = '') => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config Kafka log.retention.check.interval.ms=1s
  %% @config orders partitions=1 segment.ms=2s ${topic}
  %% @config Orders rate=100/s
  %% @config Billing ${consumer}
`;

  /** Every note on a text: the parser's (settings) and the resolver's. */
  const diagnose = (text: string) => {
    const parsed = parseTopology(text);
    return [...parsed.diagnostics, ...(parsed.ok ? createSimulation(parsed.topology).diagnostics : [])];
  };

  it('retention.ms takes a duration: 20s deletes what is older than 20 s, as 20000 does', () => {
    for (const retention of ['20s', '20000']) {
      const s = TestSim.of(quiet(`retention.ms=${retention}`), { seed: 1 }).advance('40s');
      expect(diagnose(quiet(`retention.ms=${retention}`)).filter((d) => d.severity !== 'info')).toEqual([]);
      // About 40 s of writes at 100/s went in; only the last ~20 s (and the segment being rolled) remain.
      expect(s.partition('orders', 0).log.startOffset).toBeGreaterThan(1500);
    }
    // -1 still means keep forever.
    expect(TestSim.of(quiet('retention.ms=-1'), { seed: 1 }).advance('40s').partition('orders', 0).log.startOffset).toBe(0);
  });

  it('a value a setting cannot take is said, with the default the run keeps instead', () => {
    expect(diagnose(quiet('retention.ms=20sec')).map((d) => d.message).join('\n')).toMatch(/retention\.ms=20sec: .*the run keeps the default, 604800000/);
  });

  it('session.timeout.ms outside group.min/max.session.timeout.ms is refused as the coordinator refuses it', () => {
    const refused = (consumer: string, extra = '') => diagnose(quiet('', consumer) + extra).filter((d) => d.severity === 'error').map((d) => d.message);
    expect(refused('session.timeout.ms=2s')[0]).toMatch(/outside 6000-1800000 ms.*INVALID_SESSION_TIMEOUT/);
    expect(refused('session.timeout.ms=31min')[0]).toMatch(/INVALID_SESSION_TIMEOUT/);
    expect(refused('session.timeout.ms=6s')).toEqual([]);
    expect(refused('session.timeout.ms=4s', '  %% @config Kafka group.min.session.timeout.ms=3s\n')).toEqual([]);
  });
});

describe('consumer-side loss is a finding (issue 11 §8)', () => {
  const billing = (consumer: string, topic = '', extra = '') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=2 ${topic}
  %% @config Orders rate=200/s key=customerId keys=100
  %% @config Billing ${consumer}
${extra}`;

  it('C10: offsets committed before processing and a crash: the group passed records it never processed, and no broker lost them', () => {
    const s = TestSim.of(billing('auto.offset.reset=earliest commit=before processing=5ms'), { seed: 1 }).advance('10s');
    s.crash('Billing').advance('1s').restart('Billing').advance('20s');
    const h = s.history();
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBeGreaterThan(0);
    expect(h.missed.examples[0]).toMatchObject({ group: 'Billing', why: 'passed' });
    expect(s.processedBy('Billing')).not.toContain(h.missed.examples[0]!.message);
    // Committed after processing, the same crash only redelivers.
    const after = TestSim.of(billing('auto.offset.reset=earliest commit=after processing=5ms'), { seed: 1 }).advance('10s');
    expect(after.crash('Billing').advance('1s').restart('Billing').advance('20s').history().missed.count).toBe(0);
  });

  it('S3/C15: retention deletes records the group had not read yet', () => {
    const s = TestSim.of(billing('auto.offset.reset=earliest processing=10ms', 'retention.ms=5s segment.ms=1s', '  %% @config Kafka log.retention.check.interval.ms=1s\n'), { seed: 1 }).advance('40s');
    const h = s.history();
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBeGreaterThan(1000);
    expect(h.missed.examples[0]).toMatchObject({ why: 'deleted', offset: -1 });
  });

  it('latest resolves once: a group that starts on a quiet partition misses nothing written after it started', () => {
    // The first fetch of a new group waits for data (fetch.max.wait.ms); it used to resolve `latest` again on every
    // wake-up, skipping what arrived meanwhile.
    const s = TestSim.of(billing(''), { seed: 1 }).advance('20s');
    expect(s.history().missed.count).toBe(0);
    expect(s.metrics().missed).toBe(0);
  });
});

describe('tombstones from the text (issue 11 §7, S6)', () => {
  const deletes = (share: string) => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  %% @config Kafka log.retention.check.interval.ms=1s
  %% @config orders partitions=1 cleanup.policy=compact segment.ms=1s delete.retention.ms=2s min.cleanable.dirty.ratio=0.01
  %% @config Orders rate=20/s key=customerId keys=50 ${share}
`;
  const keysHeld = (s: TestSim) => {
    const p = s.partition('orders', 0);
    const ids = p.log.segments.flatMap((seg) => Array.from(seg.ids.subarray(0, seg.count)));
    return { ids, keys: new Set(ids.map((id) => keyOf(s.w.messages, id))) };
  };

  it('a producer sends a share of its records as tombstones, and compaction then holds no value for keys last deleted', () => {
    const s = TestSim.of(deletes('tombstones=0.3'), { seed: 4 }).advance('60s');
    const m = s.w.messages;
    let sent = 0, dead = 0;
    for (let id = 1; id < m.count; id++) {
      sent++;
      if (flagsOf(m, id) & TOMBSTONE) dead++;
    }
    expect(dead / sent).toBeGreaterThan(0.25);
    expect(dead / sent).toBeLessThan(0.35);
    // Keys whose newest record is a tombstone are gone from the cleaned log once delete.retention.ms has passed.
    const held = keysHeld(s);
    expect(held.keys.size).toBeLessThan(50);
    // Without tombstones every key keeps its latest value, and the run is the one it always was.
    const plain = TestSim.of(deletes(''), { seed: 4 }).advance('60s');
    expect(keysHeld(plain).keys.size).toBe(50);
    expect(TestSim.of(deletes('tombstones=0'), { seed: 4 }).advance('60s').sim.hash()).toBe(plain.sim.hash());
  });
});

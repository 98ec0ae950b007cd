import { describe, expect, it } from 'vitest';
import { checkHistory } from '../check/checks.ts';
import { keyText } from '../history/keys.ts';
import { causationOf, keyOf } from '../history/messages.ts';
import { T } from '../history/kinds.ts';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';

const orders = (billing: string, rate = '100/s') => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config orders partitions=3
  %% @config Orders rate=${rate} key=customerId keys=20
  %% @config Billing auto.offset.reset=earliest ${billing}
`;

const STAGES = 'retry.topics=orders-retry-1:1s,orders-retry-2:3s';
const keyName = (sim: TestSim, id: number) => keyText(sim.w.keys, keyOf(sim.w.messages, id));

/** The ids of every message the topic's partitions hold. */
function held(sim: TestSim, topic: string): number[] {
  const t = sim.topic(topic);
  return t.partitions.flatMap((_, i) => sim.logIds(topic, i));
}

describe('retry topics (non-blocking retry)', () => {
  it('creates the retry topics beside what the service reads and has the service read them in its group', () => {
    const sim = TestSim.of(orders(STAGES), { seed: 1 });
    expect(sim.topic('orders-retry-1').partitions.length).toBeGreaterThan(0);
    expect(sim.topic('orders-retry-2').partitions.length).toBeGreaterThan(0);
    expect(sim.group('Billing').topics.map((t) => sim.w.parts.kafka.topics[t]!.name)).toEqual(['orders', 'orders-retry-1', 'orders-retry-2']);
  });

  it('reorders a key whose record failed once and names the reorder as caused by retry, with ids', () => {
    const sim = TestSim.of(orders(`${STAGES} failure=0.05`), { seed: 2 }).advance('20s');
    const h = checkHistory(sim.w, 50);
    expect(h.reordered.count).toBeGreaterThan(0);
    const e = h.reordered.examples.find((x) => x.retryOf !== undefined)!;
    expect(e).toBeDefined();
    // The copy stands for its original, which a later record of the same key overtook.
    expect(causationOf(sim.w.messages, e.message)).toBeGreaterThan(0);
    expect(e.other!).toBeGreaterThan(e.retryOf!);
    // Only retried copies are out of order: a record sent after its key's failed one is not blamed for coming
    // after the copy (the copy holds its original's place in the key's sequence, not its own later id).
    expect(h.reordered.examples.every((x) => x.retryOf !== undefined)).toBe(true);
    expect(keyName(sim, e.other!)).toBe(keyName(sim, e.retryOf!));
    expect(sim.traced(T.retry).length).toBeGreaterThan(0);
    expect(h.missed.count).toBe(0);
  });

  it('does not hold the other keys behind a poison message, and lands it in the DLQ topic after the last retry topic', () => {
    const sim = TestSim.of(orders(`${STAGES} dlq=orders-dlq`), { seed: 3 }).fault('poison Billing key=customer-7').advance('20s');
    const dead = held(sim, 'orders-dlq');
    expect(dead.length).toBeGreaterThan(0);
    for (const id of dead) {
      // DLQ record <- copy on orders-retry-2 <- copy on orders-retry-1 <- the original on orders.
      const second = causationOf(sim.w.messages, id);
      const first = causationOf(sim.w.messages, second);
      const original = causationOf(sim.w.messages, first);
      expect(held(sim, 'orders-retry-2')).toContain(second);
      expect(held(sim, 'orders-retry-1')).toContain(first);
      expect(held(sim, 'orders')).toContain(original);
      expect(keyName(sim, original)).toBe('customer-7');
      expect(sim.w.checks.retryOf.get(second)).toBe(original);
    }
    // Every poison record sent before 14 s (1 s + 3 s of delays, with room) is in the DLQ by 20 s.
    const poisonOriginals = held(sim, 'orders').filter((id) => keyName(sim, id) === 'customer-7');
    const early = poisonOriginals.filter((id) => (sim.traced(T.retry).find((e) => e.a === id)?.time ?? Infinity) < 14_000_000);
    expect(dead.length).toBeGreaterThanOrEqual(early.length);
    const h = checkHistory(sim.w);
    expect(h.missed.count).toBe(0);
    expect(h.lost.count).toBe(0);
    // The other keys are not stuck: nearly everything sent was processed.
    const good = held(sim, 'orders').filter((id) => keyName(sim, id) !== 'customer-7');
    const processed = new Set(sim.processedBy('Billing'));
    expect(good.filter((id) => !processed.has(id)).length).toBeLessThan(good.length / 50);
  });
});

describe('blocking retry in place', () => {
  it('keeps per-key order under failures', () => {
    const sim = TestSim.of(orders('failure=0.05'), { seed: 2 }).advance('20s');
    const h = checkHistory(sim.w);
    expect(sim.w.metrics.processFailed).toBeGreaterThan(0);
    expect(h.reordered.count).toBe(0);
  });

  it('blocks the poison message\'s partition: records of other keys behind it wait (lag grows)', () => {
    const sim = TestSim.of(orders(''), { seed: 3 }).fault('poison Billing key=customer-7').advance('20s');
    const processed = new Set(sim.processedBy('Billing'));
    const stuck = held(sim, 'orders').filter((id) => !processed.has(id) && keyName(sim, id) !== 'customer-7');
    expect(stuck.length).toBeGreaterThan(100);
  });

  it('spends no processing time on the records it skips behind a failure: the next partition\'s records follow at once', () => {
    // The first poll hands a backlog of all three partitions; customer-7's first record fails on its partition, and
    // the records behind it in that delivery are skipped (redelivered later), so the next record processed, of
    // another partition, finishes one processing time (2 ms) after the failure, not after the skipped ones' time.
    const sim = TestSim.of(orders('retry=3 dlq=orders-dlq processing=2ms'), { seed: 1 }).fault('poison Billing key=customer-7').advance('6s');
    const failure = sim.traced(T.error)[0]!;
    const next = sim.traced(T.process).find((e) => e.time > failure.time)!;
    expect(next.part).not.toBe(failure.part);
    expect(next.time - failure.time).toBe(2_000);
    // Five poison records a second on one partition cost it three attempts each, so it falls behind (about 270 good
    // records wait at 20 s), but not also the time of every record each attempt skipped (about 800 waited).
    const late = TestSim.of(orders('retry=3 dlq=orders-dlq'), { seed: 3 }).advance('2s').fault('poison Billing key=customer-7').advance('18s');
    const processed = new Set(late.processedBy('Billing'));
    const good = held(late, 'orders').filter((id) => keyName(late, id) !== 'customer-7');
    expect(good.filter((id) => !processed.has(id)).length).toBeLessThan(300);
  });

  it('P5: after `retry` attempts the record moves to the DLQ topic, is not lost, and no longer blocks', () => {
    // At 20 records a second, one poison record a second costs its partition 3 attempts of 100 ms backoff.
    const sim = TestSim.of(orders('retry=3 dlq=orders-dlq', '20/s'), { seed: 3 }).fault('poison Billing key=customer-7').advance('20s');
    const dead = held(sim, 'orders-dlq');
    expect(dead.length).toBeGreaterThan(0);
    for (const id of dead) expect(keyName(sim, causationOf(sim.w.messages, id))).toBe('customer-7');
    const h = checkHistory(sim.w);
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBe(0);
    expect(h.reordered.count).toBe(0);
    const processed = new Set(sim.processedBy('Billing'));
    const good = held(sim, 'orders').filter((id) => keyName(sim, id) !== 'customer-7');
    expect(good.filter((id) => !processed.has(id)).length).toBeLessThan(good.length / 20);
  });
});

describe('retry and dead-letter topics drawn on the canvas', () => {
  const drawn = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  Billing -->|publish| R1[Kafka topic: orders-retry-1]
  Billing --> R2[Topic: orders-retry-2]
  Billing -->|dead letters| D[Topic: orders-dlq]
  Billing -->|BillingDone| Done[Topic: billed]
  %% @config orders partitions=3
  %% @config Orders rate=100/s key=customerId keys=20
  %% @config Billing auto.offset.reset=earliest ${STAGES} dlq=orders-dlq
`;

  it('reads an edge to a topic the service names in retry.topics or dlq as where its failed records go', () => {
    const { topology } = parseTopology(drawn);
    const edge = (to: string) => topology.edges.find((e) => e.from === 'Billing' && e.to === to)!;
    expect(['R1', 'R2', 'D', 'Done'].map((to) => [edge(to).kind, edge(to).role])).toEqual([
      ['publish', 'retry'],
      ['publish', 'retry'],
      ['publish', 'dead-letter'],
      ['publish', undefined],
    ]);
    expect(edge('R1').kindReason).toMatch(/orders-retry-1 is in its retry\.topics, so these are not events of its own/);
    expect(edge('D').kindReason).toMatch(/orders-dlq is its dlq/);
  });

  it('runs the drawn topics as the retry and dead-letter topics: only failed records go there, none of its own events', () => {
    const sim = TestSim.of(drawn, { seed: 3 }).fault('poison Billing key=customer-7').advance('10s');
    // One topic of each name, the drawn one (no second, undrawn copy on the cluster).
    const names = sim.w.parts.kafka.topics.map((t) => t.name);
    expect(names.filter((n) => n === 'orders-retry-1')).toHaveLength(1);
    const retried = held(sim, 'orders-retry-1');
    expect(retried.length).toBeGreaterThan(0);
    // Each record on a retry topic is a copy of a failed one, of the poison key; before the drawn edge was
    // recognised, Billing also published every event it processed there and read them back.
    for (const id of [...retried, ...held(sim, 'orders-retry-2')]) {
      expect(sim.w.checks.retryOf.has(id)).toBe(true);
      expect(keyName(sim, sim.w.checks.retryOf.get(id)!)).toBe('customer-7');
    }
    for (const id of held(sim, 'orders-dlq')) expect(keyName(sim, causationOf(sim.w.messages, id))).toBe('customer-7');
    // The edge with no such role is still the service's own publishing.
    expect(held(sim, 'billed').length).toBeGreaterThan(500);
  });
});

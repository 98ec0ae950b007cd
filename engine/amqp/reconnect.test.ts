/**
 * Clients recover their connections (RE.reconnect): after a RabbitMQ node crashes and restarts, its publishers
 * connect again and its consumers consume again, every recovery interval until the node is back.
 */
import { describe, expect, it } from 'vitest';
import { eventLog } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';

const text = (settings: string) => `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  RabbitMQ[RabbitMQ] --- Work
  %% @config Orders rate=20/s event=JobCreated
${settings}`;

describe('RabbitMQ clients after a node restarts', () => {
  it('publish and consume again once the node is back, on a single node', () => {
    const s = TestSim.of(text(''), { seed: 1 }).advance('2s').crash('RabbitMQ').advance('3s');
    const before = s.w.parts.amqp.queues[0]!.stats.delivered;
    s.restart('RabbitMQ').advance('10s');
    const q = s.w.parts.amqp.queues[0]!;
    expect(q.stats.published).toBeGreaterThan(200);
    expect(q.stats.delivered).toBeGreaterThan(before + 100);
    expect(s.w.parts.amqp.consumers.every((c) => c.consuming)).toBe(true);
    expect(s.w.parts.amqp.publishers.every((p) => p.node >= 0)).toBe(true);
  });

  it('move to a live member of a cluster while a quorum queue fails over', () => {
    const s = TestSim.of(text('  %% @config RabbitMQ nodes=3\n  %% @config Work x-queue-type=quorum\n'), { seed: 1 }).advance('2s');
    const leader = s.w.parts.amqp.queues[0]!.leader;
    s.crash(`RabbitMQ/${s.w.parts.amqp.nodes[leader]!.number}`).advance('10s');
    const q = s.w.parts.amqp.queues[0]!;
    expect(q.leader).not.toBe(leader);
    expect(s.w.parts.amqp.consumers.every((c) => c.consuming)).toBe(true);
    expect(eventLog(s.w, { kinds: ['amqpDeliver'], limit: 1 })[0]!.timeUs).toBeGreaterThan(11_000_000);
  });
});

describe('a consumer cut off from its queue', () => {
  const work = `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  %% @config Orders rate=50/s
  %% @config Worker processing=5ms prefetch=10
`;

  it('gets what the broker pushed during a short cut once the link is back, and its acks get through: nothing sticks', () => {
    const s = TestSim.of(work, { seed: 1 }).advance('5s');
    s.fault('cut Worker RabbitMQ').advance('10s');
    const during = s.metrics().processed;
    s.fault('heal').advance('30s');
    const m = s.metrics();
    // The connection outlived the cut (heartbeats time out after 60 s): the deliveries held in it arrive, the
    // consumer's prefetch window frees as its acks land, and the queue drains.
    expect(m.processed - during).toBeGreaterThan(1500);
    expect(m.produced - m.processed).toBeLessThan(20);
    expect(s.history().lost.count).toBe(0);
    expect(s.history().duplicated.count).toBe(0);
  });

  it('past the heartbeat timeout the broker closes the channel: its unacked deliveries go to the queue again, and the client consumes again after the heal', () => {
    const s = TestSim.of(work, { seed: 1 }).advance('5s');
    s.fault('cut Worker RabbitMQ').advance('90s').fault('heal').advance('60s'); // a 95 s backlog at 200/s against 50/s coming in
    const m = s.metrics();
    expect(m.produced - m.processed).toBeLessThan(20);
    expect(s.history().lost.count).toBe(0);
  });
});

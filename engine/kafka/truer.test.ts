/**
 * Kafka, truer (issue 11): each test names the row of shared/reference/semantics.md it holds the model to.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

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

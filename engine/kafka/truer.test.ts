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

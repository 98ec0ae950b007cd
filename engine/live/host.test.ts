import { afterEach, describe, expect, it } from 'vitest';
import { simHost } from './host.ts';

// Keys ignored by the partitioner and three consumers: a key's records run in parallel and overtake each other.
const text = `graph LR
  Orders[Order Service] -->|publish| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=6
  %% @config Orders rate=400/s key=customerId keys=40 partitioner.ignore.keys=true
  %% @config Billing instances=3 processing=exp(2ms) auto.offset.reset=earliest
`;

afterEach(() => simHost.end());

describe('simHost.findings', () => {
  it('names, for each reordered message, the later message of its key that its group processed first', () => {
    expect(simHost.start(text, { seed: 11 }).ok).toBe(true);
    simHost.advance(10_000_000, Infinity);
    const found = simHost.findings('reordered', 20);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const by = f.overtakenBy!;
      expect(by.message).toBeGreaterThan(f.id); // sent after it
      expect(by.group).toBe(f.processedAt[0]!.group);
      const other = simHost.message(by.message)!;
      expect(other.key).toBe(f.key);
      expect(other.processedAt.some((p) => p.group === by.group)).toBe(true);
    }
  });

  it('says nothing of overtaking for lost or duplicated messages', () => {
    simHost.start(text, { seed: 11 });
    simHost.advance(3_000_000, Infinity);
    expect(simHost.findings('duplicated').every((f) => f.overtakenBy === undefined)).toBe(true);
  });
});

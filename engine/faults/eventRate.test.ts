/**
 * No fault makes the simulation spin: every retry loop in the clients waits a backoff (kafka/backoff.ts) and is
 * bounded, so the events per simulated second under any fault of the vocabulary stay within a small multiple of the
 * same run without it. (A consumer whose leader was gone once refreshed metadata with no backoff, on a new chain per
 * failed fetch: 27.7 million events in 40 s.)
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

const text = `graph LR
  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Orders --> Pricing[Pricing Service]
  Kafka -->|subscribe| Inventory[Inventory Service]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=6 replication.factor=3 min.insync.replicas=2
  %% @config Client rate=200/s key=customerId keys=100
  %% @config Inventory instances=2 commit=before
  %% @config Billing instances=2 commit=after
`;
const oneCopy = `graph LR
  P[Producer] -->|t| K[Kafka: t]
  K --> C[Consumer]
  %% @config t partitions=6
  %% @config C instances=3
`;

/** The most events any one simulated second of a 40 s run held. */
function peakEventsPerSecond(topology: string, faults: string[]): number {
  const sim = TestSim.of(topology, { seed: 3, faults, traceCapacity: 1 << 10 });
  let peak = 0;
  let before = 0;
  for (let s = 1; s <= 40; s++) {
    sim.until(s * 1_000_000);
    peak = Math.max(peak, sim.w.events - before);
    before = sim.w.events;
  }
  return peak;
}

const VOCABULARY: [string, string[]][] = [
  ['a broker crashes and restarts', ['10s crash Kafka/2', '30s restart Kafka/2']],
  ['two brokers crash', ['10s crash Kafka/1', '12s crash Kafka/2']],
  ['every broker crashes', ['10s crash Kafka/1', '10s crash Kafka/2', '10s crash Kafka/3']],
  ['the leader of a partition crashes', ['10s crash leader:orders/0']],
  ['the controller crashes', ['10s crash Kafka/controller', '30s restart Kafka/controller']],
  ['a service crashes and restarts', ['10s crash Inventory', '30s restart Inventory']],
  ['a synchronous dependency crashes', ['10s crash Pricing']],
  ['the client stops', ['10s crash Client']],
  ['a network split', ['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '30s heal']],
  ['the producer is cut from the brokers', ['10s cut Orders Kafka', '30s heal']],
  ['consumers are cut from the brokers', ['10s cut Billing Kafka', '30s heal']],
  ['latency', ['10s latency Orders Kafka 200ms', '30s heal']],
  ['loss on a link', ['10s loss Billing Kafka 30%', '30s heal']],
  ['a slow service', ['10s slow Billing 500ms']],
  ['a service rejects requests', ['10s reject Pricing', '30s accept Pricing']],
  ['a poison key', ['10s poison Billing key=customer-7']],
  ['a consumer crashes after processing, before committing', ['10s crash-after-processing Billing']],
  ['a consumer crashes after committing, before processing', ['10s crash-before-processing Inventory']],
  ['offsets reset while the group is down', ['10s crash Billing', '20s reset-offsets Billing earliest', '25s restart Billing']],
];

describe('events per simulated second stay bounded under every fault', () => {
  const baseline = peakEventsPerSecond(text, []);

  for (const [name, faults] of VOCABULARY) {
    it(`${name}: ${faults.join(', ')}`, () => {
      expect(peakEventsPerSecond(text, faults)).toBeLessThan(3 * baseline);
    });
  }

  it('a one-copy topic whose leaders die: consumers and producers back off instead of spinning', () => {
    const quiet = peakEventsPerSecond(oneCopy, []);
    const peak = peakEventsPerSecond(oneCopy, ['10s crash K/1', '20s crash K/2']);
    expect(peak).toBeLessThan(3 * quiet);
  });
});

/**
 * Synchronous coupling versus an event log (seed 000 §1, §8): availability multiplies along a synchronous chain,
 * latencies add up, and one failing callee fails every checkout; through a topic the checkout only needs the broker.
 */
import { describe, expect, it } from 'vitest';
import { OVERLOADED, SERVICE_UNAVAILABLE } from '../kafka/errors.ts';
import { TestSim } from '../testing/testSim.ts';

const chain = `graph LR
  Client[Client] -->|checkout| Order[Order Service]
  Order -->|POST| Inventory[Inventory Service]
  Inventory -->|POST| Notification[Notification Service]
  %% @config Client rate=50/s
  %% @config Order latency=10ms
  %% @config Inventory latency=20ms
  %% @config Notification latency=30ms
`;

const decoupled = `graph LR
  Client[Client] -->|checkout| Order[Order Service]
  Order -->|OrderCreatedEvent| K[Kafka: orders]
  K -->|subscribe| Inventory[Inventory Service]
  K -->|subscribe| Notification[Notification Service]
  %% @config Client rate=50/s
  %% @config Order latency=10ms
`;

describe('synchronous chain versus decoupled services', () => {
  it('a chain answers in the sum of its latencies', () => {
    const m = TestSim.of(chain, { seed: 1 }).advance('20s').metrics();
    expect(m.checkouts.failed).toBe(0);
    expect(m.checkouts.ok).toBeGreaterThan(900);
    expect(m.checkouts.latencyMs.p50).toBeGreaterThan(60); // 10 + 20 + 30 ms plus the network
    expect(m.checkouts.latencyMs.p50).toBeLessThan(70);
  });

  it('a chain is as available as the product of its services', () => {
    const m = TestSim.of(`${chain}  %% @config Inventory availability=0.9\n  %% @config Notification availability=0.8\n`, { seed: 2 }).advance('60s').metrics();
    const rate = m.checkouts.ok / (m.checkouts.ok + m.checkouts.failed);
    expect(rate).toBeGreaterThan(0.72 - 0.03);
    expect(rate).toBeLessThan(0.72 + 0.03);
  });

  it('with NotificationService failing every request, every checkout of the chain fails', () => {
    const sim = TestSim.of(chain, { seed: 3 }).fault('reject Notification').advance('20s');
    const m = sim.metrics();
    expect(m.checkouts.ok).toBe(0);
    expect(m.checkouts.failed).toBeGreaterThan(900);
    // Each failure names the service that caused it, two calls down the chain.
    const f = sim.w.metrics.checkoutFailures;
    expect(f.examples[0]).toMatchObject({ service: 'Notification', code: SERVICE_UNAVAILABLE });
    expect(f.firstAt).toBeLessThan(100_000);
    expect(f.lastAt).toBeGreaterThan(19_000_000);
  });

  it('a crashed callee is blamed for the checkouts it fails, whether refused or timed out', () => {
    const sim = TestSim.of(chain, { seed: 3 }).advance('2s').crash('Inventory').advance('5s');
    const f = sim.w.metrics.checkoutFailures;
    expect(f.examples.length).toBeGreaterThan(0);
    expect(f.examples.every((x) => x.service === 'Inventory')).toBe(true);
    expect(f.firstAt).toBeGreaterThanOrEqual(2_000_000);
  });

  it('decoupled through a topic, every checkout succeeds while NotificationService fails, and it catches up later', () => {
    const sim = TestSim.of(decoupled, { seed: 3 }).advance('5s').crash('Notification').advance('30s');
    const during = sim.metrics();
    expect(during.checkouts.failed).toBe(0);
    expect(during.checkouts.ok).toBeGreaterThan(1500);
    sim.restart('Notification').advance('90s');
    const after = sim.metrics();
    expect(after.checkouts.failed).toBe(0);
    expect(after.lag['Notification']).toBeLessThan(300); // within an auto-commit interval of the head
    expect(sim.history().lost.count).toBe(0);
  });

  it('a slow callee holds the callers threads until they run out: thread starvation', () => {
    const sim = TestSim.of(`${chain}  %% @config Order threads=10 queue=5 timeout=5s\n`, { seed: 4 }).advance('5s');
    sim.fault('slow Notification 2s').advance('20s');
    const inst = sim.w.parts.apps.instances[sim.w.parts.apps.services.find((s) => s.node === 'Order')!.instances[0]!]!;
    expect(sim.w.parts.apps.services.find((s) => s.node === 'Order')!.stats.rejected).toBeGreaterThan(0);
    expect(inst.busy).toBe(10);
    expect(sim.w.metrics.checkoutFailures.examples.some((x) => x.service === 'Order' && x.code === OVERLOADED)).toBe(true);
  });
});

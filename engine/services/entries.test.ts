import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { entryPoints } from './entries.ts';

// Three ways in: a drawn client, the users of a service with none drawn, and a publish-only service on two instances.
const text = `graph LR
  Shop[Web Client] -->|checkout| Orders[Order Service]
  Orders -->|POST| Stock[Stock Service]
  Legacy[Legacy Orders] -->|POST| Stock
  Events[Event Source] -->|OrderCreatedEvent| K[Kafka: orders]
  K --> Billing[Billing Service]
  %% @config Shop rate=40/s
  %% @config Legacy rate=30/s
  %% @config Events rate=50/s instances=2
`;

describe('entryPoints', () => {
  it('lists each client, the users of a service, and each publish-only service once, adding up to all checkouts', () => {
    const sim = TestSim.of(text, { seed: 3 }).advance('4s').crash('Stock').advance('2s');
    const entries = entryPoints(sim.w);
    expect(entries.map((e) => [e.kind, e.node])).toEqual([
      ['client', 'Shop'],
      ['users', 'Legacy'],
      ['events', 'Events'],
    ]);
    const m = sim.w.metrics;
    expect(entries.reduce((s, e) => s + e.ok, 0)).toBe(m.checkoutsOk);
    expect(entries.reduce((s, e) => s + e.failed, 0)).toBe(m.checkoutsFailed);
    // Stock is down: both callers' checkouts fail from 4 s on, while the events go on being acknowledged.
    expect(entries[0]!.failed).toBeGreaterThan(0);
    expect(entries[1]!.failed).toBeGreaterThan(0);
    expect(entries[2]).toMatchObject({ failed: 0 });
    expect(entries[2]!.ok).toBeGreaterThan(200); // both instances' events, ~50/s for 6 s
  });

  it('samples each second per entry point, the seconds adding up to the totals', () => {
    const sim = TestSim.of(text, { seed: 3 }).advance('3s').crash('Stock').advance('3s');
    const series = sim.w.metrics.series;
    expect(series).toHaveLength(6);
    const entries = entryPoints(sim.w);
    entries.forEach((e, i) => {
      expect(series.reduce((s, x) => s + x.entries[i]!.ok, 0)).toBe(e.ok);
      expect(series.reduce((s, x) => s + x.entries[i]!.failed, 0)).toBe(e.failed);
    });
    expect(series[1]!.entries[0]!.failed).toBe(0); // before the crash
    expect(series[5]!.entries[0]!.ok).toBe(0); // after it
  });
});

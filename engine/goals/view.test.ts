import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { consumingServices, offsetOf, refusedFaults, seenBy, type RunView } from './view.ts';

const text = `graph LR
  Orders[Order Service] --> Kafka[Kafka: orders, audit]
  Kafka -->|orders| Billing[Billing Service]
  Kafka -->|audit| Audit[Audit Service]
  %% @config Billing auto.offset.reset=earliest
  %% @config Orders rate=0/s
`;

function view(): { v: RunView; sim: TestSim } {
  const sim = TestSim.of(text, { seed: 1 });
  return { sim, v: { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied } };
}

describe('consumingServices', () => {
  it('finds the matching services that read, optionally a given topic', () => {
    const { v } = view();
    expect((consumingServices(v) as { node: string }[]).map((s) => s.node)).toEqual(['Billing', 'Audit']);
    expect((consumingServices(v, '{Audit}', 'audit') as { node: string }[]).map((s) => s.node)).toEqual(['Audit']);
  });

  it('says why none qualifies', () => {
    const { v } = view();
    expect(consumingServices(v, '{Audit}', 'orders')).toBe('Audit does not read orders.');
    expect(consumingServices(v, '{Order}')).toBe('Orders reads no topic.');
    expect(consumingServices(v, '{Billing}', 'payments')).toBe('There is no topic payments, so nothing can be read from it.');
    expect(consumingServices(v, '{Shipping}')).toMatch(/^No service's id or label contains 'Shipping'/);
  });
});

describe('offsetOf and seenBy', () => {
  it('find a message in its partition and in its group\'s checker', () => {
    const { sim, v } = view();
    sim.advance('4s');
    const ids = sim.publish('Orders', 3, 'customer-1');
    sim.advance('3s');
    const pid = sim.topic('orders').partitions[0]!;
    expect(ids.map((id) => offsetOf(v.w, pid, id))).toEqual([0, 1, 2]);
    expect(offsetOf(v.w, pid, 999)).toBe(-1);
    const billing = sim.group('Billing').id;
    expect(ids.every((id) => seenBy(v.w, billing, id))).toBe(true);
    expect(seenBy(v.w, billing, 1 << 20)).toBe(false);
  });
});

describe('refusedFaults', () => {
  it('turns faults that could not apply into sentences', () => {
    const { sim, v } = view();
    sim.advance('5s');
    sim.sim.inject('0s reset-offsets Billing earliest');
    expect(refusedFaults(v)).toEqual(['at 5.0 s the lesson\'s fault could not apply: group Billing has active members (1): Kafka resets offsets only of an inactive group']);
  });
});

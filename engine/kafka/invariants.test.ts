import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { checkInvariants, createInvariantState } from './invariants.ts';
import { currentState } from '../kafka/metadata.ts';

const text = `graph LR
  P[Producer] -->|publish| Kafka[Kafka: t]
  Kafka --> C[Consumer]
  %% @config t partitions=2 replication.factor=3
  %% @config P rate=100/s
`;

describe('invariant checker', () => {
  it('passes on a healthy run and catches a high watermark that moves back', () => {
    const sim = TestSim.of(text, { seed: 1, invariants: true }).advance('5s');
    expect(sim.invariantChecks).toBeGreaterThan(1000);
    const s = createInvariantState();
    checkInvariants(sim.w, s);
    const p = sim.w.parts.kafka.partitions[0]!;
    p.hw[currentState(p).leader] = 0;
    expect(() => checkInvariants(sim.w, s)).toThrow(/moved back/);
  });

  it('catches a committed offset that moves back without a reset', () => {
    const sim = TestSim.of(text, { seed: 1 }).advance('12s');
    const s = createInvariantState();
    checkInvariants(sim.w, s);
    const g = sim.w.parts.kafka.groups[0]!;
    const [pid] = [...g.committed.keys()];
    g.committed.set(pid!, -5);
    expect(() => checkInvariants(sim.w, s)).toThrow(/moved back/);
  });
});

/**
 * Random event-sourced designs under random crashes of the store, the command handler and the projection, and
 * projection rebuilds: once the writes stop and the projection has caught up, every read model equals a replay of the
 * store (each stream's rows count its events, none applied twice), and the store holds each stream in version order.
 */
import { describe, expect, it } from 'vitest';
import { nextInt, stream } from '../sim/random.ts';
import { TestSim } from '../testing/testSim.ts';
import { eventSourcingFacts } from './facts.ts';

const SEEDS = 500;

function scenario(seed: number): { text: string; faults: string[] } {
  const r = stream(seed, 'eventstore-property');
  const pick = <T,>(xs: readonly T[]) => xs[nextInt(r, xs.length)]!;
  const models = pick([1, 2]);
  const text = `graph LR
  Client[Client] -->|PlaceOrder| Handler[Command Handler]
  Handler -->|OrderPlaced| ES[(Event Store)]
  ES -->|Publish| PROJ[Projection Engine]
${models === 2 ? '  PROJ --> RM1[Read Model A]\n  PROJ --> RM2[Read Model B]\n' : ''}  %% @config Client rate=${pick([50, 100, 200])}/s
  %% @config ES aggregates=${pick([5, 20, 100])} snapshot.every=${pick([0, 10, 50])} conflict.retries=${pick([0, 3])}
  %% @config PROJ handle.ms=${pick([0.1, 1, 3])} checkpoint.every=${pick([1, 10, 50])}
`;
  const faults: string[] = [];
  for (let i = 0; i < 4; i++) {
    const at = 1 + nextInt(r, 15);
    const target = pick(['ES', 'Handler', 'PROJ', 'rebuild']);
    if (target === 'rebuild') faults.push(`${at}s rebuild PROJ`);
    else faults.push(`${at}s crash ${target}`, `${at + 1 + nextInt(r, 3)}s restart ${target}`);
  }
  // The writes stop at 20 s, so the projection can catch up.
  faults.push('20s crash Client');
  return { text, faults };
}

describe('event sourcing under random crashes and rebuilds', () => {
  it(`once caught up, every read model equals a replay of the store (${SEEDS} seeds)`, () => {
    let rebuilt = 0;
    let rewound = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { text, faults } = scenario(seed);
      const s = TestSim.of(text, { seed, faults, traceCapacity: 16 }).until('45s');
      const why = `seed ${seed}: ${faults.join(', ')}`;
      const es = s.w.parts.eventstore.stores[0]!;
      expect(es.log.length, why).toBeGreaterThan(0);
      for (const rm of s.w.parts.eventstore.readModels) expect(rm.appliedTo, why).toBe(es.log.length);
      const f = eventSourcingFacts(s.w);
      expect(f.doubleCounted, why).toEqual([]);
      expect(f.mismatches, why).toEqual([]);
      // Each stream's events are in the log in version order.
      for (const st of es.streams.values()) expect(st.events.every((p, i) => i === 0 || p > st.events[i - 1]!), why).toBe(true);
      const e = s.w.parts.eventstore.engines[0]!;
      rebuilt += e.stats.rebuilds;
      rewound += e.stats.rewinds;
    }
    // The schedules did hit the projection: it was rebuilt and it resumed from a checkpoint behind its position.
    expect(rebuilt).toBeGreaterThan(10);
    expect(rewound).toBeGreaterThan(10);
  }, 300_000);
});

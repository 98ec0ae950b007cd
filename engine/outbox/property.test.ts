/**
 * Random outbox/inbox topologies under random crashes (of the writing service, the relay, both databases and the
 * consumer): a committed row's event is never lost (it is published, or still waiting in the outbox), no event is a
 * phantom, and with an inbox table no effect is applied twice. The same runs replay bit for bit after a seek.
 */
import { describe, expect, it } from 'vitest';
import { advance, createSession, seek } from '../live/session.ts';
import { nextInt, stream } from '../sim/random.ts';
import { checkConsistency } from './consistency.ts';

const SEEDS = 40;

function scenario(seed: number): { text: string; faults: string[] } {
  const r = stream(seed, 'outbox-property');
  const pick = <T,>(xs: readonly T[]) => xs[nextInt(r, xs.length)]!;
  const mode = pick(['poll', 'cdc']);
  const text = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay --> Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  Billing -->|INSERT payment| BDB[(Billing DB)]
  %% @config Client rate=${pick([20, 80, 200])}/s keys=50 key=customerId
  %% @config orders partitions=${pick([1, 3])}
  %% @config Relay mode=${mode} poll.interval.ms=${pick([50, 200, 500])} max.batch.size=${pick([10, 100, 2048])} offset.flush.interval.ms=${pick([1000, 5000])}
  %% @config Billing inbox=table auto.offset.reset=earliest session.timeout.ms=6000 commit=${pick(['auto', 'after'])}
`;
  const faults: string[] = [];
  for (let i = 0; i < 4; i++) {
    const at = 2 + nextInt(r, 20);
    const target = pick(['Orders', 'Relay', 'DB', 'BDB', 'Billing']);
    const kind = pick(['crash', 'crash', 'between']);
    if (kind === 'between') faults.push(`${at}s ${target === 'Billing' ? 'crash-after-processing Billing' : 'crash-between-writes Relay'}`);
    else faults.push(`${at}s crash ${target}`, `${at + 1 + nextInt(r, 4)}s restart ${target}`);
  }
  return { text, faults };
}

describe('outbox and inbox under random crashes', () => {
  it(`never loses a committed row's event, never publishes a phantom, never applies an effect twice with an inbox table (${SEEDS} seeds)`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { text, faults } = scenario(seed);
      const s = createSession(text, { seed, faults });
      if ('errors' in s) throw new Error(JSON.stringify(s.errors));
      advance(s, 40_000_000);
      const c = checkConsistency(s.sim.world);
      const why = `seed ${seed}: ${faults.join(', ')}`;
      expect(c.lost.count, why).toBe(0);
      expect(c.phantom.count, why).toBe(0);
      expect(c.effectsAppliedTwice, why).toBe(0);
      expect(c.flows[0]!.events, why).toBeGreaterThan(0);
    }
  });

  it('replays the same history after a seek back', () => {
    const { text, faults } = scenario(7);
    const s = createSession(text, { seed: 7, faults });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 25_000_000);
    const hash = s.sim.hash();
    const report = JSON.stringify(checkConsistency(s.sim.world));
    seek(s, 3_000_000);
    advance(s, 25_000_000);
    expect(s.sim.hash()).toBe(hash);
    expect(JSON.stringify(checkConsistency(s.sim.world))).toBe(report);
  });
});

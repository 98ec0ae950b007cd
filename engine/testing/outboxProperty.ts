/**
 * The outbox and inbox property's scenarios (engine/outbox/property*.test.ts): a random outbox/inbox topology and four
 * random crashes per seed, and the promises checked on each.
 */
import { advance, createSession } from '../live/session.ts';
import { checkConsistency } from '../outbox/consistency.ts';
import { nextInt, stream } from '../sim/random.ts';

export function scenario(seed: number): { text: string; faults: string[] } {
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

/** Runs seeds `from` to `to`; returns what broke the outbox's or the inbox's promises, one line per seed (none: []). */
export function checkSeeds(from: number, to: number): string[] {
  const broken: string[] = [];
  for (let seed = from; seed <= to; seed++) {
    const { text, faults } = scenario(seed);
    const s = createSession(text, { seed, faults });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 40_000_000);
    const c = checkConsistency(s.sim.world);
    const problems = [
      c.lost.count > 0 ? `${c.lost.count} lost` : '',
      c.phantom.count > 0 ? `${c.phantom.count} phantom` : '',
      c.effectsAppliedTwice > 0 ? `${c.effectsAppliedTwice} effects applied twice` : '',
      c.flows[0]!.events === 0 ? 'no event published' : '',
    ].filter(Boolean);
    if (problems.length > 0) broken.push(`seed ${seed} (${faults.join(', ')}): ${problems.join(', ')}`);
  }
  return broken;
}

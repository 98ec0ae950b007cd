/**
 * The wider property scenario: a random replicated cluster (3 to 5 brokers, replication factor 3 to 5, min ISR 2 or
 * 3, 1 to 8 partitions, bounded producer retries, leader rebalancing on a short interval) under a random schedule of
 * broker crashes and restarts, with acks=all and idempotence. Only crashes, no unclean election: Kafka never loses an
 * acknowledged write here (semantics K4, R5). After the faults heal and the producers stop, every group must drain:
 * lag zero and every acknowledged message processed.
 */
import { ACKED, flagsOf } from '../history/messages.ts';
import { partitionLag } from '../kafka/positions.ts';
import { chance, nextInt, stream, type Stream } from '../sim/random.ts';
import { TestSim } from './testSim.ts';

export interface ClusterScenario {
  seed: number;
  text: string;
  faults: string[];
  /** When every crashed broker is back and producers stop. */
  healAtUs: number;
}

export interface ClusterOutcome {
  seed: number;
  faults: string[];
  lost: number[];
  duplicated: number;
  acknowledged: number;
  unprocessed: number;
  lag: number;
  eventsPerSimSecondMax: number;
  invariantChecks: number;
  error?: string;
}

const EVENTS_PER_SECOND_MAX = 40_000;

const pick = <T>(s: Stream, xs: readonly T[]): T => xs[nextInt(s, xs.length)]!;

/** The topology and fault schedule seed `seed` draws. */
export function clusterScenario(seed: number): ClusterScenario {
  const s = stream(seed, 'cluster-property');
  const rf = 3 + nextInt(s, 3);
  const brokers = Math.max(rf, 3 + nextInt(s, 3));
  const minIsr = Math.min(rf - 1, 2 + nextInt(s, 2));
  const partitions = 1 + nextInt(s, 8);
  const retries = pick(s, ['retries=3', 'retries=10', '']);
  const linger = pick(s, [0, 5, 20]);
  const batch = pick(s, ['1kb', '16kb']);
  const rate = pick(s, [100, 200, 400]);
  const keyed = chance(s, 0.5) ? 'key=customerId keys=50' : '';
  const interval = 5 + nextInt(s, 26);
  const commit = pick(s, ['auto', 'after']);
  const instances = 1 + nextInt(s, 3);
  const text = `graph LR
  P[Producer] -->|t| Kafka[Kafka: t]
  Kafka --> C[Consumer]
  %% @config Kafka brokers=${brokers} leader.imbalance.check.interval.seconds=${interval}
  %% @config t partitions=${partitions} replication.factor=${rf} min.insync.replicas=${minIsr}
  %% @config P acks=all rate=${rate}/s ${retries} linger.ms=${linger} batch.size=${batch} ${keyed}
  %% @config C instances=${instances} commit=${commit} auto.offset.reset=earliest processing=1ms
`;
  // One to four crash/restart actions between 4 s and 28 s; every crashed broker restarts by 30 s.
  const faults: string[] = [];
  const down = new Set<number>();
  let t = 4_000_000;
  const actions = 1 + nextInt(s, 4);
  for (let i = 0; i < actions; i++) {
    t += 500_000 + nextInt(s, 6_000_000);
    if (t > 28_000_000) break;
    const known = [...down].filter((b) => b > 0).sort((a, b) => a - b);
    if (known.length > 0 && chance(s, 0.4)) {
      const b = pick(s, known);
      down.delete(b);
      faults.push(`${t}us restart Kafka/${b}`);
    } else if (chance(s, 0.5)) {
      faults.push(`${t}us crash leader:t/${nextInt(s, partitions)}`);
      down.add(-1); // a leader whose number we do not know yet: restart everyone at the end
    } else {
      const b = 1 + nextInt(s, brokers);
      down.add(b);
      faults.push(`${t}us crash Kafka/${b}`);
    }
  }
  const healAtUs = 30_000_000;
  if (down.size > 0) for (let b = 1; b <= brokers; b++) faults.push(`${healAtUs}us restart Kafka/${b}`);
  return { seed, text, faults, healAtUs };
}

/** Runs seed `seed`: faults, then 60 s of drain with producers stopped. Invariants after every event. */
export function runClusterProperty(seed: number, invariants = true): ClusterOutcome {
  const sc = clusterScenario(seed);
  const out: ClusterOutcome = { seed, faults: sc.faults, lost: [], duplicated: 0, acknowledged: 0, unprocessed: 0, lag: 0, eventsPerSimSecondMax: 0, invariantChecks: 0 };
  const sim = TestSim.of(sc.text, { seed, invariants, traceCapacity: 1 << 18, faults: sc.faults });
  try {
    let events = sim.w.events;
    for (let sec = 1; sec <= 32; sec++) {
      sim.until(sec * 1_000_000);
      out.eventsPerSimSecondMax = Math.max(out.eventsPerSimSecondMax, sim.w.events - events);
      events = sim.w.events;
    }
    for (const src of sim.w.parts.apps.sources) src.rate = 0;
    sim.advance('60s');
  } catch (e) {
    out.error = (e as Error).message;
  }
  out.invariantChecks = sim.invariantChecks;
  const h = sim.history();
  out.lost = h.lost.examples.map((e) => e.message).concat(h.lost.count > h.lost.examples.length ? [-1] : []);
  out.duplicated = h.duplicated.count;
  const processed = new Set(sim.processedBy('C'));
  for (let id = 1; id < sim.w.messages.count; id++) {
    if ((flagsOf(sim.w.messages, id) & ACKED) === 0) continue;
    out.acknowledged++;
    if (!processed.has(id)) out.unprocessed++;
  }
  const g = sim.group('C');
  for (const pid of sim.topic('t').partitions) out.lag += partitionLag(sim.w, g.id, pid).lag;
  return out;
}

/** Failing outcomes of seeds [from, to), as JSON lines, and the invariant checks that ran. */
export function clusterFindings(from: number, to: number): { findings: string[]; checks: number } {
  const findings: string[] = [];
  let checks = 0;
  for (let seed = from; seed < to; seed++) {
    const o = runClusterProperty(seed);
    checks += o.invariantChecks;
    // A few thousand events a simulated second is what these clusters need; a retry loop without backoff takes
    // hundreds of thousands.
    if (o.error || o.lost.length || o.unprocessed || o.lag || o.eventsPerSimSecondMax > EVENTS_PER_SECOND_MAX) findings.push(JSON.stringify(o));
  }
  return { findings, checks };
}

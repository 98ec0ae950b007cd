/**
 * The Jepsen-style property scenario: a replicated topic under steady keyed load, one broker crashed and restarted at
 * times drawn from the seed. With acks=all, min.insync.replicas=2 and idempotence, no acknowledged message may be
 * lost, none duplicated, and per-key order must hold; with acks=1 the same schedules lose acknowledged messages on
 * some seeds. Invariants are checked after every event.
 */
import { ACKED, flagsOf } from '../history/messages.ts';
import { nextInt, stream } from '../sim/random.ts';
import { TestSim } from './testSim.ts';

export interface PropertyOutcome {
  seed: number;
  crash: string;
  lost: number[];
  duplicated: number;
  reordered: number;
  acknowledged: number;
  unprocessed: number;
  invariantChecks: number;
}

export const propertyTopology = (acks: 'all' | '1') => `graph LR
  Orders[Order Service] -->|OrderPlaced| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=2
  %% @config Orders rate=150/s key=customerId keys=30 acks=${acks}
  %% @config Billing instances=2 processing=1ms auto.offset.reset=earliest
`;

/** The fault schedule a seed draws: which broker, when it crashes, when it comes back. */
export function scheduleFor(seed: number): { broker: number; crashAt: number; restartAt: number } {
  const s = stream(seed, 'fault-schedule');
  const crashAt = 4_000_000 + nextInt(s, 12_000_000);
  return { broker: 1 + nextInt(s, 3), crashAt, restartAt: crashAt + 1_000_000 + nextInt(s, 14_000_000) };
}

export function runProperty(seed: number, acks: 'all' | '1', invariants = true): PropertyOutcome {
  const { broker, crashAt, restartAt } = scheduleFor(seed);
  const sim = TestSim.of(propertyTopology(acks), { seed, invariants, traceCapacity: 1 << 17, faults: [`${crashAt}us crash Kafka/${broker}`, `${restartAt}us restart Kafka/${broker}`] });
  sim.until('32s');
  // Stop producing, then give consumers time to read everything that was acknowledged.
  for (const s of sim.w.parts.apps.sources) s.rate = 0;
  sim.advance('8s');
  const h = sim.history();
  const processed = new Set(sim.processedBy('Billing'));
  let unprocessed = 0;
  let acknowledged = 0;
  for (let id = 1; id < sim.w.messages.count; id++) {
    if ((flagsOf(sim.w.messages, id) & ACKED) === 0) continue;
    acknowledged++;
    if (!processed.has(id)) unprocessed++;
  }
  return {
    seed,
    crash: `Kafka/${broker} from ${crashAt / 1e6}s to ${restartAt / 1e6}s`,
    lost: h.lost.examples.map((e) => e.message).concat(h.lost.count > h.lost.examples.length ? [-1] : []),
    duplicated: h.duplicated.count,
    reordered: h.reordered.count,
    acknowledged,
    unprocessed,
    invariantChecks: sim.invariantChecks,
  };
}

/** Runs seeds [from, to) with acks=all and returns every finding (as JSON) and how many invariant checks ran. */
export function safetyFindings(from: number, to: number): { findings: string[]; checks: number } {
  const findings: string[] = [];
  let checks = 0;
  for (let seed = from; seed < to; seed++) {
    const o = runProperty(seed, 'all');
    checks += o.invariantChecks;
    if (o.lost.length || o.duplicated || o.reordered || o.unprocessed) findings.push(JSON.stringify(o));
  }
  return { findings, checks };
}

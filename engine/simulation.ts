/**
 * The simulation's public face: build a world from a topology, run it to a time or one event at a time, inject
 * faults, and read metrics, checker verdicts and snapshots. Same topology, seed and faults: same history.
 */
import { checkHistory, type CheckReport } from './check/checks.ts';
import { applyFault, schedule } from './faults/apply.ts';
import { toFault, type FaultInput } from './faults/parse.ts';
import type { Fault } from './faults/types.ts';
import { instantiate } from './model/instantiate.ts';
import { resolve } from './model/resolve.ts';
import type { Spec } from './model/spec.ts';
import { peekTime } from './sim/queue.ts';
import { step as stepOnce } from './sim/loop.ts';
import type { Diagnostic, Topology } from './topology/types.ts';
import { report, type MetricsReport } from './metrics/report.ts';
import { hashWorld } from './check/hash.ts';
import type { World } from './world.ts';

export interface SimulationOptions {
  seed?: number;
  faults?: (FaultInput | string)[];
  /** Entries the trace ring keeps (default 65,536). */
  traceCapacity?: number;
}

export interface Simulation {
  readonly world: World;
  readonly spec: Spec;
  /** Problems found resolving the topology (bad settings, impossible replication factors); errors stop nothing. */
  readonly diagnostics: Diagnostic[];
  /** Simulated time now, in microseconds. */
  readonly now: number;
  /** Runs every event up to and including `untilUs`, then sets the clock to `untilUs`. Returns events run. */
  run(untilUs: number): number;
  /** Runs the next event; false when nothing is pending. */
  step(): boolean;
  /** Applies a fault now (its `at` is ignored) and says what it did. */
  inject(fault: FaultInput | string): { ok: boolean; note: string };
  /** A deep copy of the whole state; `restore` brings it back. */
  snapshot(): World;
  metrics(): MetricsReport;
  history(): CheckReport;
  /** A hash of the state: equal for identical runs. */
  hash(): string;
}

/**
 * Creates a simulation of a parsed topology.
 * @example const sim = createSimulation(parseTopology(text).topology, { seed: 7, faults: ['10s crash Kafka/2'] })
 */
export function createSimulation(topology: Topology, opts: SimulationOptions = {}): Simulation {
  const { spec, diagnostics } = resolve(topology);
  const faults: Fault[] = [];
  for (const f of opts.faults ?? []) {
    const parsed = toFault(f);
    if (typeof parsed === 'string') throw new Error(`bad fault: ${parsed}`);
    faults.push(parsed);
  }
  return fromWorld(instantiate(spec, { seed: opts.seed ?? 1, traceCapacity: opts.traceCapacity }), spec, diagnostics, faults);
}

/** Wraps an existing world (a restored snapshot) in the Simulation interface. */
export function fromWorld(w: World, spec: Spec, diagnostics: Diagnostic[], faults: Fault[] = []): Simulation {
  for (const f of faults) schedule(w, f);
  return {
    world: w,
    spec,
    diagnostics,
    get now() {
      return w.now;
    },
    run(untilUs) {
      const start = w.events;
      while (peekTime(w.queue) <= untilUs) stepOnce(w);
      if (untilUs > w.now) w.now = untilUs;
      return w.events - start;
    },
    step() {
      return stepOnce(w);
    },
    inject(fault) {
      const f = toFault(fault);
      if (typeof f === 'string') return { ok: false, note: f };
      return applyFault(w, { ...f, at: w.now });
    },
    snapshot() {
      return structuredClone(w);
    },
    metrics() {
      return report(w);
    },
    history() {
      return checkHistory(w);
    },
    hash() {
      return hashWorld(w);
    },
  };
}

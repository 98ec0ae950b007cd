/**
 * A/B: two variants of a topology run side by side under the same seed and fault schedule, to the same time; the
 * result is their metrics, checker verdicts and per-second samples, ready to show next to each other.
 */
import { checkHistory, type CheckReport } from '../check/checks.ts';
import type { MetricsReport } from '../metrics/report.ts';
import { createSimulation } from '../simulation.ts';
import type { Diagnostic } from '../topology/types.ts';
import { parseTopology } from '../topology/parse.ts';
import type { Sample } from './types.ts';

export interface VariantResult {
  name: string;
  errors: Diagnostic[];
  metrics: MetricsReport | null;
  checks: CheckReport | null;
  samples: Sample[];
  wallMs: number;
}

export interface CompareOptions {
  seed: number;
  faults: string[];
  untilUs: number;
}

export function runVariant(name: string, text: string, opts: CompareOptions, clock: () => number): VariantResult {
  const parsed = parseTopology(text);
  if (!parsed.ok) return { name, errors: parsed.diagnostics.filter((d) => d.severity === 'error'), metrics: null, checks: null, samples: [], wallMs: 0 };
  const started = clock();
  const sim = createSimulation(parsed.topology, { seed: opts.seed, faults: opts.faults });
  sim.run(opts.untilUs);
  return { name, errors: [], metrics: sim.metrics(), checks: checkHistory(sim.world), samples: [...sim.world.metrics.series], wallMs: clock() - started };
}

/** Runs both variants; `clock` measures wall time (the engine has none of its own). */
export function compareVariants(a: { name: string; text: string }, b: { name: string; text: string }, opts: CompareOptions, clock: () => number = () => 0): [VariantResult, VariantResult] {
  return [runVariant(a.name, a.text, opts, clock), runVariant(b.name, b.text, opts, clock)];
}

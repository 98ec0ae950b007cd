/**
 * A behavioural check read from the saga checker (engine/sagas/facts.ts): every saga ends completed or compensated
 * (semantics P6), none is left half done, stuck, or still running long after it started.
 */
import { FAMILIES } from '../components.ts';
import type { World } from '../world.ts';
import { matchNodes, nothingMatches } from './match.ts';
import type { BehaviouralCheck } from './types.ts';
import { no, yes, type RunView, type Verdict } from './view.ts';
import { at, count, list, plural, sentence } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/** What the goal asks of the saga family (its `settled` answer). */
interface FlowFacts {
  node: string;
  steps: string[];
  started: number;
  completed: number;
  compensated: number;
  abandoned: number;
  inProgress: number;
  stuck: number;
  halfDone: number;
  compensatedTechnical: number;
  unsettled: Finding[];
  technical: Finding[];
}

interface Finding {
  saga: number;
  verdict: string;
  steps: { node: string; effect: string }[];
  failed: { node: string; how: string } | null;
}

const stepsOf = (x: Finding) => x.steps.map((s) => `${s.node} ${s.effect}`).join(', ');

/** The saga family's `settled` facts: per flow, the sagas started before `beforeUs` and the first of them not settled. */
export const settledOf = (w: World, beforeUs: number) => (FAMILIES.find((f) => f.name === 'sagas')?.inspect?.['settled']?.(w, beforeUs) ?? []) as FlowFacts[];

/**
 * By `byS`, every saga of the flows the matcher names (by their orchestrator, a choreography's first service, or any
 * service that takes part as a step) started before `startedBeforeS` is completed or compensated. Naming a step lets
 * one goal judge a choreography and the orchestration that replaces it: `{Payment}` takes part in both.
 */
export function sagasSettled(c: Of<'sagas-settled'>, v: RunView): Verdict {
  const named = new Set(matchNodes(v.t, c.saga).map((n) => n.id));
  if (named.size === 0) return no(nothingMatches(c.saga));
  const flows = settledOf(v.w, c.startedBeforeS * 1e6).filter((f) => named.has(f.node) || f.steps.some((s) => named.has(s)));
  if (flows.length === 0) return no(`${list([...named])} takes part in no saga: a saga orchestrator needs edges to its step services, a choreography services that react to each other's events.`, { nodes: [...named] });
  const problems: string[] = [];
  const nodes = flows.flatMap((f) => [f.node, ...f.steps]);
  if (c.only === 'rejections') {
    for (const f of flows) {
      if (f.compensatedTechnical === 0) continue;
      const first = f.technical[0]!;
      problems.push(`${plural(f.compensatedTechnical, 'saga')} ${f.node} started before ${at(c.startedBeforeS)} ${f.compensatedTechnical === 1 ? 'was' : 'were'} compensated for a technical failure: saga #${first.saga} gave up on ${first.failed?.node ?? 'a step'} after its retries and ended with ${stepsOf(first)}`);
    }
    if (problems.length > 0) return no(`${sentence(problems.join('; '))}.`, { nodes });
    const rejected = flows.reduce((n, f) => n + f.compensated, 0);
    return yes(`No saga started before ${at(c.startedBeforeS)} was compensated for a technical failure; ${plural(rejected, 'saga')} ${rejected === 1 ? 'was' : 'were'} compensated, each for a business rejection.`);
  }
  for (const f of flows) {
    const bad = f.halfDone + f.stuck + f.inProgress;
    if (bad === 0) continue;
    const first = f.unsettled[0]!;
    const what = [f.halfDone ? `${count(f.halfDone)} left half done` : '', f.stuck ? `${count(f.stuck)} stuck` : '', f.inProgress ? `${count(f.inProgress)} still running` : ''].filter(Boolean);
    problems.push(`of the ${plural(f.started, 'saga')} ${f.node} started before ${at(c.startedBeforeS)}, ${list(what)} at ${at(c.byS)}: saga #${first.saga} has ${stepsOf(first)} (${first.verdict})`);
  }
  if (problems.length > 0) return no(`${sentence(problems.join('; '))}.`, { nodes });
  const sum = (k: 'started' | 'completed' | 'compensated' | 'abandoned') => flows.reduce((n, f) => n + f[k], 0);
  const abandoned = sum('abandoned') > 0 ? `; ${plural(sum('abandoned'), 'saga')} never got to do a step` : '';
  return yes(`Each of the ${plural(sum('started'), 'saga')} started before ${at(c.startedBeforeS)} ended completed (${count(sum('completed'))}) or compensated (${count(sum('compensated'))})${abandoned}.`);
}

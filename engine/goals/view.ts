/**
 * What a behavioural check looks at: the world at the moment the check is due, the topology the learner wrote (for
 * matchers), and what the scheduled faults did. Plus the lookups every check needs: which running services a matcher
 * names, and where a message sits in its partition's log.
 */
import type { AppliedFault } from '../faults/types.ts';
import { APPLICATION } from '../components.ts';
import type { ServiceView } from '../messaging/port.ts';
import type { Topology } from '../topology/types.ts';
import { destinationNamed, offsetOf as positionOf } from '../messaging/queries.ts';
import type { World } from '../world.ts';
import { seenHas } from '../check/state.ts';
import { matchNodes, nothingMatches } from './match.ts';
import type { Counterexample, Matcher } from './types.ts';

export interface RunView {
  w: World;
  t: Topology;
  applied: AppliedFault[];
}

export interface Verdict {
  pass: boolean;
  explanation: string;
  counterexample?: Counterexample;
}

/** A passing verdict. */
export const yes = (explanation: string, counterexample?: Counterexample): Verdict => ({ pass: true, explanation, counterexample });
/** A failing verdict, with what breaks the goal. */
export const no = (explanation: string, counterexample?: Counterexample): Verdict => ({ pass: false, explanation, counterexample });

/**
 * The running services that a matcher names and that consume (each has a consumer group), or a sentence saying why
 * there are none. Without a matcher: every consuming service.
 */
export function consumingServices(v: RunView, matcher?: Matcher, topic?: string): ServiceView[] | string {
  const named = matcher === undefined ? null : new Set(matchNodes(v.t, matcher).map((n) => n.id));
  if (named && named.size === 0) return nothingMatches(matcher!);
  const ti = topic === undefined ? -1 : destinationNamed(v.w, topic);
  if (topic !== undefined && ti < 0) return `There is no topic ${topic}, so nothing can be read from it.`;
  const out = APPLICATION.services(v.w).filter((s) => (!named || named.has(s.node)) && s.group >= 0 && (ti < 0 || s.consumes.includes(ti)));
  if (out.length > 0) return out;
  const who = named ? [...named].join(', ') : 'No service';
  return topic ? `${who} ${named && named.size > 1 ? 'do' : 'does'} not read ${topic}.` : `${who} ${named && named.size > 1 ? 'read' : 'reads'} no topic.`;
}

/** The position of message `id` on place `pid` (a partition's offset), or -1 when it no longer holds it. */
export function offsetOf(w: World, pid: number, id: number): number {
  return positionOf(w, pid, id);
}

/** True when the group's checker has seen message `id` processed. */
export function seenBy(w: World, group: number, id: number): boolean {
  return seenHas(w.checks.groups[group]!, id);
}

/** The faults that did not apply, as sentences (a refused offset reset changes what a goal can expect). */
export function refusedFaults(v: RunView): string[] {
  return v.applied.filter((f) => !f.ok).map((f) => `at ${(f.at / 1e6).toFixed(1)} s the lesson's fault could not apply: ${f.note}`);
}

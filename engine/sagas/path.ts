/**
 * One saga across its services, for the trace: every command (or, in a choreography, event) with the host that sent
 * it, the host it went to, when it left and when it arrived; every reply on its way back; and what each service did
 * with it (done, rejected, undone, failed, lost because the service was down or crashed during the transaction).
 * Recorded when it happens, with the arrival the network already decided at sending, so the trace needs no event of
 * its own and changes nothing in the run. The coordinator's own moments (started, a timeout, a restart that resumed
 * or forgot it, the end) come from the saga's timeline.
 */
import type { World } from '../world.ts';
import { COMPENSATED, COMPLETED, type Flow, type Saga } from './part.ts';
import { finding, type SagaFinding } from './facts.ts';

/** What travelled: a command, a compensation, a choreography's event or compensating event, or a reply. */
export type SagaMoveKind = 'command' | 'compensate' | 'event' | 'compensating event' | 'reply';

export interface SagaPathEntry {
  at: number;
  /** A move: when it arrives (-1: it never could: its receiver was cut off or down). A mark: equal to `at`. */
  until: number;
  what: SagaMoveKind | string;
  step: number;
  /** The sending host (-1: the trigger event of a choreography), and the receiving one; -1 for a mark on `from`. */
  from: number;
  to: number;
}

/** Entries kept per saga: a saga that retries a step for ever keeps its first ones. */
export const PATH_MAX = 96;

export function noteMove(s: Saga, at: number, until: number, what: SagaMoveKind, step: number, from: number, to: number): void {
  if (s.path.length < PATH_MAX) s.path.push({ at, until, what, step, from, to });
}

export function noteMark(s: Saga, at: number, what: string, step: number, host: number): void {
  if (s.path.length < PATH_MAX) s.path.push({ at, until: at, what, step, from: host, to: -1 });
}

export interface SagaPath extends SagaFinding {
  mode: Flow['spec']['mode'];
  /** The lanes, in order: the orchestrator (or the trigger event), then each step's hosts in step order. */
  lanes: string[];
  /** Commands, events and replies in the order they left: lanes by index, times in ms; `arrivedMs` null when it never arrived. */
  moves: { kind: SagaMoveKind; step: string; from: number; to: number; sentMs: number; arrivedMs: number | null }[];
  /** What happened on a lane: a service's outcome, or the coordinator's moments, in time order. */
  marks: { what: string; step: string; lane: number; atMs: number }[];
}

/** The coordinator's moments, read from the timeline (they happen on the orchestrator's lane). */
const COORDINATOR = new Set(['started', 'timeout', 'resumed', 'forgotten']);

export function sagaPath(w: World, id: number): SagaPath | null {
  const s = w.parts.sagas.sagas[id];
  if (!s) return null;
  const f = w.parts.sagas.flows[s.flow]!;
  const steps = f.spec.steps;
  const name = (host: number) => w.net.names[host] ?? '';
  const head = f.spec.mode === 'orchestrated' ? name(w.parts.apps.instances[f.instance]!.host) : f.spec.trigger || 'trigger';
  const lanes = [head];
  const laneOf = (host: number) => {
    const n = host < 0 ? head : name(host);
    let i = lanes.indexOf(n);
    if (i < 0) i = lanes.push(n) - 1;
    return i;
  };
  // Lanes in step order, whatever order things happened in: each step's hosts as its moves reach them.
  for (let k = 0; k < steps.length; k++) for (const e of s.path) if (e.step === k && e.to >= 0 && e.what !== 'reply') laneOf(e.to);
  const ms = (us: number) => us / 1000;
  const moves: SagaPath['moves'] = [];
  const marks: SagaPath['marks'] = [];
  for (const e of s.path) {
    const step = steps[e.step]?.node ?? '';
    if (e.to >= 0) moves.push({ kind: e.what as SagaMoveKind, step, from: laneOf(e.from), to: laneOf(e.to), sentMs: ms(e.at), arrivedMs: e.until < 0 ? null : ms(e.until) });
    else marks.push({ what: e.what, step, lane: laneOf(e.from), atMs: ms(e.at) });
  }
  if (f.spec.mode === 'orchestrated') {
    for (const e of s.timeline) if (COORDINATOR.has(e.what)) marks.push({ what: e.what, step: steps[e.step]?.node ?? '', lane: 0, atMs: ms(e.at) });
    if (s.state === COMPLETED || s.state === COMPENSATED) marks.push({ what: s.state === COMPLETED ? 'completed' : 'compensated', step: '', lane: 0, atMs: ms(s.endedAt) });
  }
  marks.sort((a, b) => a.atMs - b.atMs);
  return { ...finding(w, s), mode: f.spec.mode, lanes, moves, marks };
}

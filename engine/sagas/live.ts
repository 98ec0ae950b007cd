/**
 * The saga family's live state for the frame: on an orchestrator's node (or a choreography's first service), its
 * sagas started, running, compensating, completed, compensated, stuck and left half done.
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';
import { sagaFacts } from './facts.ts';

export interface SagaNodeLive extends NodeLiveBase {
  type: 'saga';
  /** The flow's number (what the saga inspector asks about). */
  id: number;
  mode: 'orchestrated' | 'choreographed';
  started: number;
  running: number;
  compensating: number;
  completed: number;
  compensated: number;
  stuck: number;
  halfDone: number;
}

declare module '../live/types.ts' {
  interface NodeLives {
    saga: SagaNodeLive;
  }
}

export function sagasLive(w: World, out: Record<string, unknown>): void {
  const p = w.parts.sagas;
  for (const f of p.flows) {
    const facts = sagaFacts(w, f.id);
    const inst = f.instance >= 0 ? w.parts.apps.instances[f.instance]! : null;
    out[f.spec.node] = {
      type: 'saga', id: f.id, mode: f.spec.mode, up: inst ? (inst.alive ? 1 : 0) : 1, of: 1,
      started: facts.started, running: facts.inProgress + facts.stuck - facts.compensating, compensating: facts.compensating,
      completed: facts.completed, compensated: facts.compensated, stuck: facts.stuck, halfDone: facts.halfDone,
    } satisfies SagaNodeLive;
  }
}

/**
 * The saga family's part of the world: the flows (an orchestrator or a choreography with its steps), every saga
 * started with what its coordinator knows of it, and what each step's service has durably done for each saga (the
 * truth the checker reads, whatever the coordinator believes).
 */
import type { Stream as Random } from '../sim/random.ts';
import type { SagaPathEntry } from './path.ts';
import type { SagaFlowSpec } from './spec.ts';

/** Where a saga is, as its coordinator knows it. */
export const RUNNING = 0;
export const COMPENSATING = 1;
export const COMPLETED = 2;
export const COMPENSATED = 3;
/** Its orchestrator kept it in memory and crashed: nobody drives it any more. */
export const FORGOTTEN = 4;
/** A choreography's event was lost (its service was down): nobody drives it any more. */
export const LOST = 5;

/** What a step's service did with a command, as its reply says. */
export const OK = 0;
/** A business rejection: an answer (payment declined), the same on every retry. */
export const REJECTED = 1;
/** A technical failure: the service refused or failed (retry it). */
export const FAILED = 2;

/** A step's effect for one saga, as its service stores it durably. */
export const APPLIED = 1;
export const UNDONE = 2;
export const REFUSED = 3;

export interface Flow {
  id: number;
  spec: SagaFlowSpec;
  /** The orchestrator's application instance (-1 for a choreography), and the life it last saw. */
  instance: number;
  life: number;
  rng: Random;
  /** Per step: its service's durable record, saga id -> APPLIED | UNDONE | REFUSED. */
  effects: Map<number, number>[];
  stepRng: Random[];
  stats: { started: number; refused: number; completed: number; compensated: number; rejections: number; technical: number; timeouts: number; compensations: number; compensationFailures: number; resumed: number; forgotten: number; lost: number; retriedForward: number };
}

export interface SagaTimelineEntry {
  at: number;
  /** `command` (a choreography's `event`), `done`, `rejected`, `failed`, `timeout`, `compensate` (`compensating event`), `undone`, `undo failed`, `resumed`, ... */
  what: string;
  step: number;
}

export interface Saga {
  id: number;
  flow: number;
  startedAt: number;
  /** RUNNING, COMPENSATING, or how it ended. */
  state: number;
  /** The step it is on (running: the next to do; compensating: the next to undo). */
  step: number;
  /** The coordinator's durable knowledge: steps it heard done, and undone. */
  done: boolean[];
  undone: boolean[];
  /** Attempts at the current action, and the command in flight (replies to older ones are ignored). */
  attempts: number;
  seq: number;
  /** The step that failed and how (REJECTED, or FAILED when it gave up after technical failures), or -1. */
  failedStep: number;
  failure: number;
  /** Last time it moved (a step or a compensation answered), and when it ended (0 while running). */
  progressAt: number;
  endedAt: number;
  timeline: SagaTimelineEntry[];
  /** Its commands, events and replies between hosts, and what each service did with them (path.ts: the trace). */
  path: SagaPathEntry[];
}

/** A command (or a choreography's event) on its way, and the reply on its way back. */
export interface SagaCommand {
  saga: number;
  seq: number;
  step: number;
  undo: boolean;
  /** The sender's life when sent (a reply to an earlier life is dropped), and the step's instance and its life. */
  life: number;
  instance: number;
  stepLife: number;
  code: number;
}

export interface SagaPart {
  flows: Flow[];
  sagas: Saga[];
  commands: Map<number, SagaCommand>;
  nextCommand: number;
}

declare module '../world.ts' {
  interface Parts {
    sagas: SagaPart;
  }
}

export function createSagaPart(): SagaPart {
  return { flows: [], sagas: [], commands: new Map(), nextCommand: 1 };
}

/** Timeline entries kept per saga (the inspector's timeline); counts go on in the stats. */
export const TIMELINE_MAX = 64;

export function note(s: Saga, at: number, what: string, step: number): void {
  if (s.timeline.length < TIMELINE_MAX) s.timeline.push({ at, what, step });
}

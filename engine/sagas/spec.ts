/**
 * The saga family's part of a resolved topology: saga flows, each an orchestrator driving its steps in order, or a
 * choreography where each service reacts to the previous one's event.
 */
import type { Distribution } from '../sim/distribution.ts';

export interface SagaStepSpec {
  node: string;
  /** Its service in the applications family (crashes and restarts are its instances'). */
  service: number;
  /** Share of its commands it refuses for a business reason, and of its compensations that fail technically. */
  reject: number;
  compensateFail: number;
  /** Time to run its local transaction (the service's `latency`). */
  latency: Distribution;
  /** The drawn edge its commands (or, in a choreography, the event it reacts to) travel, and its replies; '' for none. */
  commandEdge: string;
  replyEdge: string;
}

export interface SagaFlowSpec {
  mode: 'orchestrated' | 'choreographed';
  /** The orchestrator's node, or the first step's (a choreography has no coordinator). */
  node: string;
  /** The orchestrator's service, or -1. */
  service: number;
  /** The event that starts a choreography (`Order Created`), or ''. */
  trigger: string;
  steps: SagaStepSpec[];
  /** The pivot step's index, or -1: every step is compensatable. */
  pivot: number;
  timeoutUs: number;
  /** Technical failures of a step retried before giving up on it (-1: forever). */
  retries: number;
  backoffUs: number;
  durable: boolean;
  /** Sagas started per second, Poisson or evenly spaced, from `startUs`. */
  rate: number;
  poisson: boolean;
  startUs: number;
}

declare module '../model/spec.ts' {
  interface Spec {
    sagas: SagaFlowSpec[];
  }
}

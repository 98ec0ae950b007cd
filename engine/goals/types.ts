/**
 * Lesson goals as plain data, so the worker can receive and evaluate them: a sentence for the learner and a check
 * that says exactly what the sentence claims. Structural checks read the topology; behavioural checks run the
 * lesson's simulation (its seed, duration and fault schedule) and read what happened.
 *
 * Learners name nodes their own way, so a goal names a service by a matcher: `{Notification}` is every service
 * whose id or label contains "Notification" (ignoring case); a plain `NotificationService` is that node id exactly.
 */

import type { FaultKind, PropertyName } from '../search/search.ts';

/** `{Notification}`: services whose id or label contains the word; otherwise an exact node id. */
export type Matcher = string;

export type StructuralCheck =
  /** A Kafka broker (or a topic node) hosts the topic. */
  | { kind: 'hosts-topic'; topic: string }
  /** Some matching service publishes to the topic (and, if given, events of that type). */
  | { kind: 'publishes'; service: Matcher; topic: string; event?: string }
  /** Some matching service consumes the topic. */
  | { kind: 'subscribes'; service: Matcher; topic: string }
  /** No service calls another synchronously; with `from`/`to`, none between those (either way). */
  | { kind: 'no-sync-call'; from?: Matcher; to?: Matcher }
  /** The topic has at least `min` partitions. */
  | { kind: 'partitions'; topic: string; min: number }
  /** Every matching service that publishes keys its records by `key` and lets the key choose the partition. */
  | { kind: 'key'; service: Matcher; key: string }
  /**
   * A setting of a service (matcher) or a topic (its name) compares to `value`; defaults count. `set` only needs
   * the setting written with a non-empty value.
   */
  | { kind: 'config'; target: Matcher; key: string; op?: '=' | '>=' | '<=' | 'set'; value?: string };

export type BehaviouralCheck =
  /** No event a producer was told was written is missing from every replica. */
  | { kind: 'no-loss' }
  /**
   * No event is processed twice by the matching services (all consuming services when omitted). With `per: 'cause'`,
   * no event they read is caused by the same upstream event as another they processed either: a transforming
   * service that wrote its output again after a crash counts its input twice downstream (semantics K21).
   */
  | { kind: 'no-duplicates'; service?: Matcher; per?: 'event' | 'cause' }
  /** No event is processed after a later event of the same key. */
  | { kind: 'per-key-order'; service?: Matcher }
  /** At least `min` (a fraction, 1 = every one) of the checkouts that finished succeeded. */
  | { kind: 'checkouts'; min: number }
  /**
   * By `byS`, each matching consuming service has processed every acknowledged event sent from `sentFromS` (default
   * 0) until `sentBeforeS` on the topics it reads (only `topic`, if given); with `orDeadLettered`, a copy on its
   * dead-letter topic also counts.
   */
  | {
      kind: 'delivered';
      to: Matcher;
      topic?: string;
      sentFromS?: number;
      sentBeforeS: number;
      byS: number;
      orDeadLettered?: boolean;
      /** A queue or topic: a copy of the event dead-lettered there (by the broker or the service) counts as kept. */
      deadLetters?: string;
    }
  /** At `byS`, each matching service's group is at most `max` events behind (consumer lag). */
  | { kind: 'lag'; service: Matcher; max: number; byS: number }
  /**
   * After `afterS` (an offset reset), the service processes again every event it had processed by then; with `by`,
   * the services it names do (a fixed version deployed in its place, in its group or in a group of their own).
   */
  | { kind: 'replayed'; service: Matcher; afterS: number; by?: Matcher }
  /** At `atS`, every running instance of the service owns at least one partition. */
  | { kind: 'no-idle-consumers'; service: Matcher; atS: number }
  /**
   * By `byS`, queue (or topic) `queue` holds or has delivered every event that the services `from` published from
   * `sentFromS` (default 0) until `sentBeforeS`, and none that another service published then. Publishers are told
   * apart by the event type they send, so each service in the lesson should send a type of its own.
   */
  | { kind: 'routed'; queue: string; from: readonly Matcher[]; sentFromS?: number; sentBeforeS: number; byS: number }
  /** By the end of the run, no event a service published went nowhere: each reached a queue or topic that is read. */
  | { kind: 'no-unroutable' }
  /**
   * At the end of the run, `quantile` (a fraction, 1 = every one) of the events the service processed or still owes
   * were done within `withinS` of being sent: a job's finish time, counted from when it was sent.
   */
  | { kind: 'finish-time'; service: Matcher; quantile: number; withinS: number }
  /**
   * Over the whole run, `quantile` (a fraction) of the events each matching service processed were processed within
   * `withinS` of being sent; a copy retried from a retry topic counts from when its original was sent. Only what was
   * processed counts: pair it with `delivered` so that a consumer that processes nothing cannot pass.
   */
  | { kind: 'processed-within'; service: Matcher; quantile: number; withinS: number }
  /** Over the whole run, processing fails at most `max` times (a message that fails each time is not tried for ever). */
  | { kind: 'failures'; max: number }
  /**
   * By `byS`, every row the matching services committed before `committedBeforeS` in a database whose rows their
   * events announce (a dual write, or an outbox a relay publishes) has its event published, none is still waiting in
   * the outbox, and no event was published for a row never committed (database/stream consistency).
   */
  | { kind: 'events-published'; service: Matcher; committedBeforeS: number; byS: number }
  /**
   * By `byS`, every event published from `sentFromS` (default 0) until `sentBeforeS` on what the matching services read
   * has its effect in their database exactly once (a relay's second copy of an event is the same event), and no
   * event's effect is there twice. The services must apply effects (`inbox` set).
   */
  | { kind: 'effects-once'; service: Matcher; sentFromS?: number; sentBeforeS: number; byS: number }
  /**
   * By `byS`, every saga the matching orchestrators (or a choreography's first services, or services that take part
   * in a saga as a step) started before `startedBeforeS` has ended completed or compensated: none left half done, stuck, or still running (semantics P6).
   * With `only: 'rejections'`, instead: none of them was compensated for a technical failure (an orchestrator that
   * gave up on retries), only for a business rejection (semantics P7).
   */
  | { kind: 'sagas-settled'; saga: Matcher; startedBeforeS: number; byS: number; only?: 'rejections' }
  /** Over the whole run, loading an aggregate from the matching event stores replayed at most `max` events on average. */
  | { kind: 'replay-length'; store: Matcher; max: number }
  /** Over the whole run, no client that wrote and then read a matching read model missed its own write there. */
  | { kind: 'read-your-writes'; readModel: Matcher }
  /** Over the whole run, `quantile` (a fraction) of the checkouts that succeeded were answered within `withinMs`. */
  | { kind: 'checkout-latency'; quantile: number; withinMs: number }
  /**
   * Every event of the declared schema `schema` sent from `fromS` on was written with a version that has the field
   * `field` (what the run wrote: a version refused by the registry writes nothing), and at least one was sent.
   */
  | { kind: 'writes-field'; schema: string; field: string; fromS: number };

/** The properties a goal's search can hold a design to: those that need no further argument, and not the lesson's own goals. */
export type SearchProperty = Exclude<PropertyName, 'checkout-within' | 'lesson-goals'>;

/**
 * Not one run but many: the design survives `runs` fault schedules that the search (engine/search) draws from its
 * `seed`, each run for `durationS` (default 20 s), with no run breaking `property`. A fixed budget of runs and a
 * fixed seed, never wall time, so the verdict is the same on every machine. Faults drawn from `faults` (default: the
 * search's own, crashes of brokers, leaders and consumers, and brokers split off).
 */
export interface SearchCheck {
  kind: 'survives-search';
  property: SearchProperty;
  runs: number;
  seed: number;
  durationS?: number;
  faults?: FaultKind[];
}

export type Check = StructuralCheck | BehaviouralCheck | SearchCheck;

export interface Goal {
  /** Stable within a lesson, e.g. `no-sync-call`. */
  id: string;
  /** What the goal checks, in one sentence the check matches exactly. */
  text: string;
  check: Check;
}

/** What the behavioural goals run under. */
export interface LessonRun {
  seed: number;
  durationS: number;
  /** Timeline lines as `npm run sim --fault` takes them, with matchers: `10s crash {Notification}`. */
  faults: string[];
}

/** The part of a lesson the engine needs to judge a topology. */
export interface LessonGoals {
  goals: Goal[];
  run: LessonRun;
}

/** A message as a learner sees it in the event log. */
export interface MessageRef {
  id: number;
  key: string | null;
  /** `orders-topic-3`, as Kafka prints partitions. */
  partition?: string;
  offset?: number;
  /** When it was sent (or, for a duplicate or reordering, processed), in seconds. */
  atS?: number;
}

/** What breaks a goal, for the UI to point at. */
export interface Counterexample {
  messages?: MessageRef[];
  window?: { fromS: number; toS: number };
  /** Topology node and edge ids to highlight. */
  nodes?: string[];
  edges?: string[];
  partitions?: { partition: string; committed: number; end: number; lag: number }[];
}

export interface GoalResult {
  id: string;
  pass: boolean;
  /** False when the goal was not checked: behavioural goals without a run, or a run that could not start. */
  ran: boolean;
  explanation: string;
  counterexample?: Counterexample;
}

export interface LessonEvaluation {
  /** One result per goal, in the lesson's order. */
  results: GoalResult[];
  /** The fault schedule as run (matchers replaced by node ids), with what each fault did. */
  faults: { at: string; line: string; note: string; ok: boolean }[];
}

/** The check kinds that read the topology alone; the others need a run. */
export const STRUCTURAL_KINDS: readonly StructuralCheck['kind'][] = ['hosts-topic', 'publishes', 'subscribes', 'no-sync-call', 'partitions', 'key', 'config'];

/** True for a check that runs the search for a failure rather than the lesson's one run. */
export function isSearch(c: Check): c is SearchCheck {
  return c.kind === 'survives-search';
}

/** True for checks that read the topology alone. */
export function isStructural(c: Check): c is StructuralCheck {
  return (STRUCTURAL_KINDS as readonly string[]).includes(c.kind);
}

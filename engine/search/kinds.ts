/**
 * The words of "Find a failure" that the app's panel needs without the engine: the properties a run is judged by and
 * the families of faults a search draws from (engine/search/search.ts builds on them). Type imports only, so the
 * panel's chunk carries none of the simulation.
 */
import type { PropertyArg } from './properties.ts';

export type { Property, PropertyArg } from './properties.ts';

/**
 * What a run must keep: no acknowledged message lost by the brokers; none skipped by a consumer group that reads it
 * (its committed position moved past it unprocessed: consumer-side loss, as committing before processing causes); none
 * processed twice; each key in order (the history properties, read from the checkers' report). Then: every checkout
 * answered successfully within N ms; no saga left half done; every behavioural goal of a lesson met
 * (engine/search/properties.ts).
 */
export type HistoryProperty = 'no-loss' | 'no-missed' | 'no-duplicates' | 'order';
export type PropertyName = HistoryProperty | 'checkout-within' | 'sagas-settled' | 'lesson-goals';
export const PROPERTIES: PropertyName[] = ['no-loss', 'no-missed', 'no-duplicates', 'order', 'checkout-within', 'sagas-settled', 'lesson-goals'];

/**
 * Which families of faults the search may use: Kafka brokers, partition leaders, consumers, splits and controller
 * voters; then any service instance crashed and restarted (`service`), and a service slowed for a while (`slow`).
 */
export type FaultKind = 'broker' | 'leader' | 'consumer' | 'split' | 'controller' | 'service' | 'slow';
export const FAULT_KINDS: FaultKind[] = ['broker', 'leader', 'consumer', 'split', 'controller', 'service', 'slow'];
/**
 * What a search tries unless told otherwise. Controller voters are asked for by name: a default vocabulary that grows
 * changes which run a search finds first, for every design.
 */
export const DEFAULT_KINDS: FaultKind[] = ['broker', 'leader', 'consumer', 'split'];

/**
 * The default for a property: the history properties keep DEFAULT_KINDS (their searches find what they found before);
 * checkouts, sagas and lesson goals are broken by the services themselves too, crashed or slowed.
 */
export function defaultKinds(property: PropertyName): FaultKind[] {
  return property === 'checkout-within' || property === 'sagas-settled' || property === 'lesson-goals' ? [...DEFAULT_KINDS, 'service', 'slow'] : DEFAULT_KINDS;
}


/** Simulated length of each run: the lesson's own for `lesson-goals` (its goals are judged at their moments of it), else as asked (default 30 s). */
export function runLength(property: PropertyArg, durationUs?: number): number {
  const p = typeof property === 'string' ? { name: property } : property;
  if (p.name === 'lesson-goals' && p.lesson) return p.lesson.run.durationS * 1_000_000;
  return durationUs ?? 30_000_000;
}


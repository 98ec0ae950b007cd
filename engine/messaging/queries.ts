/**
 * Questions about messaging that checkers, goals and reports ask without knowing the broker: where a subscription
 * stands, where a message sits, which subscribers own what. Each is answered by the family that owns the place or
 * subscription (components.ts).
 */
import { BROKERS } from '../components.ts';
import type { World } from '../world.ts';
import type { Broker, PlacePosition } from './port.ts';

function brokerOf(family: string): Broker | undefined {
  return BROKERS.find((b) => b.name === family);
}

/** Where subscription `sub` stands on each place it reads. */
export function positions(w: World, sub: number): PlacePosition[] {
  const s = w.msg.subscriptions[sub];
  return s ? (brokerOf(s.family)?.positions(w, sub) ?? []) : [];
}

/** The position of message `id` on `place` now, or -1 when the place no longer holds it. */
export function offsetOf(w: World, place: number, id: number): number {
  const p = w.msg.places[place];
  return p ? (brokerOf(p.family)?.offsetOf(w, place, id) ?? -1) : -1;
}

/** The destination named `name`, or -1. */
export function destinationNamed(w: World, name: string): number {
  return w.msg.destinations.findIndex((d) => d.name === name);
}

/** A subscriber's state in its broker family. */
export function subscriberState(w: World, broker: number, subscriber: number): { alive: boolean; places: number[] } {
  return BROKERS[broker]!.subscriberState(w, subscriber);
}

/**
 * Calls across the messaging port: an application reaches the broker family hosting a destination, and a broker
 * reaches the applications, through the families listed in components.ts.
 */
import { APPLICATION, BROKERS } from '../components.ts';
import type { World } from '../world.ts';
import type { Delivery } from './port.ts';

/** The place a message with `key` goes to on `destination`, as the publisher's broker routes it. */
export function route(w: World, broker: number, publisher: number, destination: number, key: number): number {
  return BROKERS[broker]!.route(w, publisher, destination, key);
}

export function send(w: World, broker: number, publisher: number, place: number, message: number, waiter: number): void {
  BROKERS[broker]!.send(w, publisher, place, message, waiter);
}

export function settle(w: World, broker: number, subscriber: number): void {
  BROKERS[broker]!.settle(w, subscriber);
}

export function retryLater(w: World, broker: number, subscriber: number, place: number, offset: number, at: number): void {
  BROKERS[broker]!.retryLater(w, subscriber, place, offset, at);
}

export function giveUp(w: World, broker: number, subscriber: number, place: number, offset: number): void {
  BROKERS[broker]!.giveUp?.(w, subscriber, place, offset);
}

/** A broker tells the waiting application how a message it sent ended. */
export function published(w: World, waiter: number, message: number, code: number): void {
  APPLICATION.published(w, waiter, message, code);
}

/** A broker hands a delivery to the reader of an application instance; `rng` is the subscriber's stream. */
export function deliver(w: World, reader: number, delivery: Delivery, rng: Uint32Array): void {
  APPLICATION.deliver(w, reader, delivery, rng);
}

/**
 * A service's reaction to a message it processed: the events it publishes in turn (causation = the processed
 * message), and the dead-letter destination for messages that kept failing.
 */
import { T } from '../history/kinds.ts';
import { addMessage, CAUSED_BY_MESSAGE, keyOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { route, send } from '../messaging/dispatch.ts';
import { countEdge } from '../metrics/metrics.ts';
import type { World } from '../world.ts';
import type { Reader } from './types.ts';
import { schemaSend } from '../schemas/gate.ts';

/** Publishes the reader's service's events in turn, each caused by `message`. */
export function react(w: World, r: Reader, message: number): void {
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  if (svc.publishes.length === 0) return;
  const inst = a.instances[svc.instances[r.instance]!]!;
  const key = keyOf(w.messages, message);
  for (let i = 0; i < svc.publishes.length; i++) {
    const target = svc.publishes[i]!;
    const pub = inst.publishers[i]!;
    const place = route(w, target.broker, pub, target.destination, key);
    const id = addMessage(w.messages, key, target.type, place, w.now, message, CAUSED_BY_MESSAGE);
    countEdge(w.metrics, target.edge, 1);
    if (schemaSend(w, svc.node, inst.host, inst.id, inst.life, target.destination, place, id) !== 0) continue;
    send(w, target.broker, pub, place, id, -1);
  }
}

/**
 * Sends a message that failed to the service's retry topic `stage`, as a new message of its key caused by it, which
 * stands for the original in the checkers' per-key order.
 */
export function toRetryTopic(w: World, r: Reader, message: number, place: number, stage: number): void {
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  const inst = a.instances[svc.instances[r.instance]!]!;
  const h = svc.handling;
  const key = keyOf(w.messages, message);
  const broker = h.retryBrokers[stage]!;
  const pub = inst.retryPublishers[stage]!;
  const target = route(w, broker, pub, h.retryTopics[stage]!, key);
  const id = addMessage(w.messages, key, typeOf(w.messages, message), target, w.now, message, CAUSED_BY_MESSAGE);
  w.checks.retryOf.set(id, w.checks.retryOf.get(message) ?? message);
  record(w.trace, w.now, T.retry, r.host, place, message, id, r.subscription);
  send(w, broker, pub, target, id, -1);
}

/** Sends a message that kept failing to the service's dead-letter destination, as a new message caused by it. */
export function deadLetter(w: World, r: Reader, message: number, place: number): void {
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  const inst = a.instances[svc.instances[r.instance]!]!;
  const h = svc.handling;
  const key = keyOf(w.messages, message);
  const target = route(w, h.dlqBroker, inst.dlqPublisher, h.dlq, key);
  const id = addMessage(w.messages, key, typeOf(w.messages, message), target, w.now, message, CAUSED_BY_MESSAGE);
  record(w.trace, w.now, T.dlq, r.host, place, message, id, r.subscription);
  send(w, h.dlqBroker, inst.dlqPublisher, target, id, -1);
}

/**
 * Synchronous requests between services (HTTP-style). A request takes one of the callee's worker threads (or waits
 * in its queue, or is turned away when both are full), spends the service's own latency, then makes the service's
 * own synchronous calls one after another, its database writes, and its publishes (waiting for the broker's
 * acknowledgement), and only then answers. So a chain's latency is the sum of its parts, its availability the
 * product, and a slow or dead callee holds the caller's threads until the caller's timeout: thread starvation
 * (seed 000 §1).
 */
import { T } from '../history/kinds.ts';
import { AE } from './events.ts';
import { addMessage } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { CALL_TIMEOUT, NONE, OVERLOADED, SERVICE_UNAVAILABLE } from '../history/errors.ts';
import { STORES } from '../components.ts';
import { route, send } from '../messaging/dispatch.ts';
import { countEdge } from '../metrics/metrics.ts';
import { sample } from '../sim/distribution.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import { chance } from '../sim/random.ts';
import { nextId, type World } from '../world.ts';
import { finishCheckout } from './client.ts';
import { crashBetweenWrites, noteOutboxRow, outboxRowType, publishesFirst, relayPublished } from '../outbox/writes.ts';
import type { Call, WriteTarget } from './types.ts';
import { schemaSend } from '../schemas/gate.ts';

/** Starts a call to `service` from an instance (or a client); returns the call id. */
export function startCall(w: World, from: number, fromClient: boolean, parent: number, service: number, root: number, key: number, timeoutUs: number, edge: string): number {
  const svc = w.parts.apps.services[service]!;
  const instance = svc.instances[svc.nextInstance++ % svc.instances.length]!;
  const id = nextId(w);
  const call: Call = {
    id, from, fromClient, parent, service, instance, root: root || id, key, startAt: w.now, step: 0, waitingFor: -1,
    attempts: 1, done: false, failed: false, code: NONE, culprit: '', holdsThread: false, abandoned: false, answering: false,
    published: [], outstandingAcks: 0,
  };
  w.parts.apps.calls.set(id, call);
  countEdge(w.metrics, edge, 1);
  const fromHost = fromClient ? w.parts.apps.clients[from]!.host : w.parts.apps.instances[from]!.host;
  const toHost = w.parts.apps.instances[instance]!.host;
  const t = arrival(w.net, w.now, fromHost, toHost);
  if (t >= 0) at(w, t, AE.requestArrive, instance, id);
  else {
    // A crashed instance refuses the connection: the caller fails fast instead of waiting for its timeout.
    const refused = refusedAt(w.net, w.now, fromHost, toHost);
    if (refused >= 0) {
      call.done = true;
      call.failed = true;
      call.code = SERVICE_UNAVAILABLE;
      call.culprit = svc.node;
      call.answering = true;
      at(w, refused, fromClient ? AE.checkoutResponse : AE.callResponse, from, id);
    }
  }
  after(w, timeoutUs, AE.callTimeout, from, id);
  return id;
}

on<World>(AE.requestArrive, 'request arrives', (w, iid, callId) => {
  const call = w.parts.apps.calls.get(callId);
  const inst = w.parts.apps.instances[iid]!;
  if (!call || call.done || !inst.alive) return;
  const svc = w.parts.apps.services[inst.service]!;
  svc.stats.requests++;
  if (svc.faults.rejecting) return answer(w, call, SERVICE_UNAVAILABLE);
  if (inst.busy < svc.config.threads) return begin(w, call);
  if (inst.waiting.length < svc.config.queue) {
    inst.waiting.push(callId);
    return;
  }
  svc.stats.rejected++;
  answer(w, call, OVERLOADED);
}, { hop: true });

function begin(w: World, call: Call): void {
  const inst = w.parts.apps.instances[call.instance]!;
  const svc = w.parts.apps.services[inst.service]!;
  inst.busy++;
  call.holdsThread = true;
  after(w, sample(svc.config.latency, svc.rng) + svc.faults.slowUs + inst.slowUs, AE.requestDone, inst.id, call.id);
}

on<World>(AE.requestDone, 'local work done', (w, iid, callId) => {
  const call = w.parts.apps.calls.get(callId);
  if (!call || call.done || call.instance !== iid || !w.parts.apps.instances[iid]!.alive) return;
  const svc = w.parts.apps.services[call.service]!;
  if (svc.config.availability < 1 && chance(svc.rng, 1 - svc.config.availability)) return answer(w, call, SERVICE_UNAVAILABLE);
  call.step = 1;
  next(w, call);
});

/** Runs the next step of a request: a synchronous call, a database write, or the publishes. */
function next(w: World, call: Call): void {
  const svc = w.parts.apps.services[call.service]!;
  const i = call.step - 1;
  const nCalls = svc.calls.length;
  if (i < nCalls) {
    call.waitingFor = startCall(w, call.instance, false, call.id, svc.calls[i]!, call.root, call.key, svc.config.timeoutUs, svc.callEdges[i]!);
    return;
  }
  // `write.order=publish-first`: the events go out (and are acknowledged) before the database write begins.
  if (svc.publishes.length > 0 && call.published.length === 0 && svc.writes.length > 0 && publishesFirst(w, call.service)) {
    publishFor(w, call);
    return;
  }
  if (i < nCalls + svc.writes.length) {
    const target = svc.writes[i - nCalls]!;
    if (target.service >= 0) call.waitingFor = startCall(w, call.instance, false, call.id, target.service, call.root, call.key, svc.config.timeoutUs, target.edge);
    else writeFor(w, call, target);
    return;
  }
  if (svc.publishes.length > 0 && call.published.length === 0) publishFor(w, call);
  if (call.outstandingAcks === 0) answer(w, call, NONE);
}

/** Publishes the request's events; the request answers once the broker has acknowledged them. */
function publishFor(w: World, call: Call): void {
  const svc = w.parts.apps.services[call.service]!;
  const inst = w.parts.apps.instances[call.instance]!;
  for (let i = 0; i < svc.publishes.length; i++) {
    const target = svc.publishes[i]!;
    const pub = inst.publishers[i]!;
    const place = route(w, target.broker, pub, target.destination, call.key);
    const id = addMessage(w.messages, call.key, target.type, place, w.now, call.root, 0);
    call.published.push(id);
    countEdge(w.metrics, target.edge, 1);
    const refused = schemaSend(w, svc.node, inst.host, inst.id, inst.life, target.destination, place, id);
    if (refused !== 0) {
      // Its schema was refused (or could not be registered): the request fails with the serializer's error.
      answer(w, call, refused);
      return;
    }
    call.outstandingAcks++;
    send(w, target.broker, pub, place, id, call.id);
  }
}

/** Writes the request's row in a transaction on a store; the request goes on once the store answers. */
function writeFor(w: World, call: Call, target: WriteTarget): void {
  const svc = w.parts.apps.services[call.service]!;
  const inst = w.parts.apps.instances[call.instance]!;
  const owner = { name: w.net.names[inst.host]!, host: inst.host, app: inst.service, instance: inst.number - 1 };
  countEdge(w.metrics, target.edge, 1);
  const rows = [{ key: call.key, type: target.type, cause: call.root }];
  // A transactional outbox: the event is a second row of the same transaction (engine/outbox/).
  const outbox = outboxRowType(w, call.service, target.destination);
  if (outbox >= 0) rows.push({ key: call.key, type: outbox, cause: call.root });
  const first = w.messages.count;
  const tx = STORES[target.store]!.transact(w, owner, target.destination, rows, call.id);
  if (outbox >= 0) noteOutboxRow(w, first + 1); // the store adds a transaction's rows in order
  call.waitingFor = tx;
  after(w, svc.config.timeoutUs, AE.writeTimeout, call.id, tx);
}

/** A store answered a transaction of a request (code 0: committed). */
export function writtenFor(w: World, callId: number, tx: number, code: number): void {
  const call = w.parts.apps.calls.get(callId);
  if (!call || call.done || call.waitingFor !== tx) return;
  // Committed, the publish still to come: an armed `crash-between-writes` crashes the instance now (P1, event lost).
  const svc = w.parts.apps.services[call.service]!;
  if (code === NONE && svc.publishes.length > 0 && call.published.length === 0 && crashBetweenWrites(w, call.service, call.instance, call.root)) return;
  stepDone(w, call, code, storeNode(w, call));
}

on<World>(AE.writeTimeout, 'write times out', (w, callId, tx) => {
  const call = w.parts.apps.calls.get(callId);
  if (!call || call.done || call.waitingFor !== tx) return;
  stepDone(w, call, CALL_TIMEOUT, storeNode(w, call));
});

/** The node of the store the request is writing to now. */
function storeNode(w: World, call: Call): string {
  const svc = w.parts.apps.services[call.service]!;
  return w.msg.destinations[svc.writes[call.step - 1 - svc.calls.length]!.destination]!.name;
}

/** A message a request published is acknowledged (code 0) or failed: the request answers once all are settled. */
export function publishedFor(w: World, callId: number, _message: number, code: number): void {
  const call = w.parts.apps.calls.get(callId);
  if (!call) {
    relayPublished(w, callId, code);
    return;
  }
  if (call.done) return;
  if (code !== NONE) return answer(w, call, code);
  if (--call.outstandingAcks !== 0) return;
  const svc = w.parts.apps.services[call.service]!;
  if (call.step - 1 < svc.calls.length + svc.writes.length) {
    // Published first, the write still to come: an armed crash leaves a phantom event (P1's other half).
    if (crashBetweenWrites(w, call.service, call.instance, call.root)) return;
    next(w, call);
    return;
  }
  answer(w, call, NONE);
}

/** Finishes a request: frees its thread and answers the caller. */
export function answer(w: World, call: Call, code: number): void {
  if (call.done) return;
  call.done = true;
  call.failed = code !== NONE;
  call.code = code;
  const inst = w.parts.apps.instances[call.instance]!;
  const svc = w.parts.apps.services[call.service]!;
  if (call.failed && !call.culprit) call.culprit = svc.node;
  if (code === NONE) svc.stats.ok++;
  else svc.stats.failed++;
  if (call.holdsThread) {
    call.holdsThread = false;
    release(w, inst.id);
  }
  const toHost = call.fromClient ? w.parts.apps.clients[call.from]!.host : w.parts.apps.instances[call.from]!.host;
  const t = inst.alive ? arrival(w.net, w.now, inst.host, toHost) : -1;
  if (t >= 0) {
    call.answering = true;
    at(w, t, call.fromClient ? AE.checkoutResponse : AE.callResponse, call.from, call.id);
  } else if (call.abandoned) w.parts.apps.calls.delete(call.id);
}

function release(w: World, iid: number): void {
  const inst = w.parts.apps.instances[iid]!;
  inst.busy--;
  while (inst.waiting.length > 0 && inst.busy < w.parts.apps.services[inst.service]!.config.threads) {
    const waiting = w.parts.apps.calls.get(inst.waiting.shift()!);
    if (waiting && !waiting.done) begin(w, waiting);
  }
}

on<World>(AE.callResponse, 'call answered', (w, _iid, callId) => {
  const child = w.parts.apps.calls.get(callId);
  if (!child) return;
  w.parts.apps.calls.delete(callId);
  if (!child.abandoned) resume(w, child, child.code);
}, { hop: true });

on<World>(AE.callTimeout, 'call times out', (w, _from, callId) => {
  const child = w.parts.apps.calls.get(callId);
  if (!child || child.abandoned) return;
  child.abandoned = true;
  if (child.done && !child.answering) w.parts.apps.calls.delete(callId);
  if (!child.culprit) child.culprit = w.parts.apps.services[child.service]!.node;
  if (child.fromClient) finishCheckout(w, child, CALL_TIMEOUT);
  else resume(w, child, CALL_TIMEOUT);
}, {
  // Answered and forgotten, or already given up on (a call's id is never reused, and it is never un-abandoned).
  dead: (w, _from, callId) => {
    const child = w.parts.apps.calls.get(callId);
    return !child || child.abandoned;
  },
});

/** The caller's request continues after a child call finished (or failed, or timed out). */
function resume(w: World, child: Call, code: number): void {
  const call = w.parts.apps.calls.get(child.parent);
  if (!call || call.done || call.waitingFor !== child.id) return;
  const a = w.parts.apps;
  const traced = () => record(w.trace, w.now, T.request, a.instances[call.instance]!.host, a.instances[child.instance]!.host, child.id, w.now - child.startAt, code);
  stepDone(w, call, code, child.culprit || a.services[child.service]!.node, traced);
}

/**
 * A step of a request ended (a call answered, a write committed, or either failed): retry a failed one while the
 * service's retries last, else answer with the failure; go on to the next step after a success.
 */
function stepDone(w: World, call: Call, code: number, culprit: string, traced?: () => void): void {
  call.waitingFor = -1;
  if (code !== NONE) {
    const svc = w.parts.apps.services[call.service]!;
    if (call.attempts <= svc.config.callRetries) {
      call.attempts++;
      next(w, call);
      return;
    }
    traced?.();
    call.culprit = culprit;
    answer(w, call, code);
    return;
  }
  traced?.();
  call.attempts = 1;
  call.step++;
  next(w, call);
}

/** An instance crashed: the requests it was serving never answer (their callers time out). */
export function dropCallsAt(w: World, iid: number): void {
  for (const call of w.parts.apps.calls.values()) {
    if (call.instance !== iid || call.done) continue;
    call.done = true;
    call.failed = true;
    call.holdsThread = false;
    if (call.abandoned) w.parts.apps.calls.delete(call.id);
  }
  const inst = w.parts.apps.instances[iid]!;
  inst.busy = 0;
  inst.waiting = [];
}

/**
 * The applications as a component family: services and their instances, clients, event sources. It builds them
 * from the spec, opens their publishers and subscribers through the messaging port, answers fault targets (a
 * service, one instance, a client), and is the application side of the port: it hears how published messages
 * ended and processes deliveries.
 */
import { BROKERS, brokerIndex, storeIndex } from '../components.ts';
import type { FaultTarget, Family } from '../family.ts';
import { addKeySpace, keyId } from '../history/keys.ts';
import { typeId } from '../history/messages.ts';
import { kindsOf } from '../topology/kinds.ts';
import type { Application, Delivery, Owner } from '../messaging/port.ts';
import { createHistogram } from '../metrics/histogram.ts';
import { after } from '../sim/loop.ts';
import { addHost } from '../sim/network.ts';
import { stream } from '../sim/random.ts';
import * as calls from './calls.ts';
import { publishedFor, writtenFor } from './calls.ts';
import * as client from './client.ts';
import { startClient } from './client.ts';
import { AE } from './events.ts';
import { createAppsPart } from './part.ts';
import { crashInstance, restartInstance } from './instances.ts';
import { entryPoints } from './entries.ts';
import { appsLive } from './live.ts';
import * as processing from './processing.ts';
import { startProcessing } from './processing.ts';
import { resolveApps } from './resolve.ts';
import * as source from './source.ts';
import { startSource } from './source.ts';
import type { Reader, Service } from './types.ts';
import { schemaReadFails } from '../schemas/gate.ts';
import type { World } from '../world.ts';

const instances = (label: string, ids: number[], service: number): FaultTarget => ({ family: 'apps', label, ref: { type: 'instances', ids: [service, ...ids] } });

export const apps: Application = {
  name: 'apps',
  kinds: kindsOf('apps'),
  createPart: createAppsPart,
  resolve: resolveApps,
  modules: [calls, client, processing, source],

  build(w, spec) {
    const a = w.parts.apps;
    spec.services.forEach((ss, si) => {
      const zone = 1000 + si;
      const dlqBroker = ss.handling.dlq >= 0 ? brokerIndex(w.msg.destinations[ss.handling.dlq]!.family) : -1;
      const retryBrokers = ss.handling.retryTopics.map((d) => brokerIndex(w.msg.destinations[d]!.family));
      const svc: Service = {
        id: si,
        node: ss.node,
        label: ss.label,
        kind: ss.kind,
        config: ss.config,
        instances: [],
        calls: [],
        callEdges: ss.calls.map((c) => c.edge),
        writes: [],
        publishes: ss.publishes.map((p) => ({ destination: p.destination, broker: brokerIndex(w.msg.destinations[p.destination]!.family), type: typeId(w.messages, p.type), edge: p.edge })),
        handling: { ...ss.handling, dlqBroker, retryBrokers },
        consumes: ss.consumes,
        consumeEdges: ss.consumeEdges,
        group: -1,
        keyBase: 0,
        keyCount: 0,
        tombstones: ss.tombstones,
        faults: { rejecting: false, slowUs: 0, poisonKeys: [], poisonTypes: [] },
        rng: stream(w.seed, `service:${ss.node}`),
        nextInstance: 0,
        stats: { requests: 0, ok: 0, failed: 0, rejected: 0, processed: 0 },
      };
      if (ss.key) {
        const space = addKeySpace(w.keys, ss.key.name, ss.key.count);
        svc.keyBase = space.base;
        svc.keyCount = ss.key.count;
      }
      a.services.push(svc);
      // The subscriptions it reads in, per broker family (a Kafka group spans one cluster).
      const subscriptions: { broker: number; id: number }[] = [];
      for (let b = 0; b < BROKERS.length; b++) {
        const mine = ss.consumes.filter((d) => w.msg.destinations[d]!.family === BROKERS[b]!.name);
        if (mine.length === 0) continue;
        for (const id of BROKERS[b]!.subscription(w, ss.group, mine, ss.clients[BROKERS[b]!.name])) {
          subscriptions.push({ broker: b, id });
          svc.group = id;
        }
      }
      const edges = new Map(ss.consumes.map((d, i) => [d, ss.consumeEdges[i]!]));
      for (let n = 1; n <= ss.instances; n++) {
        const name = ss.instances > 1 ? `${ss.node}/${n}` : ss.node;
        const iid = a.instances.length;
        const host = addHost(w.net, name, zone);
        const owner: Owner = { name, host, app: si, instance: n - 1 };
        const settings = (b: number) => ss.clients[BROKERS[b]!.name];
        const publishers = svc.publishes.map((p) => BROKERS[p.broker]!.openPublisher(w, owner, p.destination, settings(p.broker)));
        const dlqPublisher = dlqBroker >= 0 ? BROKERS[dlqBroker]!.openPublisher(w, owner, ss.handling.dlq, settings(dlqBroker)) : -1;
        const retryPublishers = ss.handling.retryTopics.map((d, i) => BROKERS[retryBrokers[i]!]!.openPublisher(w, owner, d, settings(retryBrokers[i]!)));
        const readers: number[] = [];
        for (const s of subscriptions) {
          const r = newReader(a.readers.length, si, n - 1, host, s.broker, s.id);
          r.subscriber = BROKERS[s.broker]!.openSubscriber(w, owner, r.id, s.id, edges, settings(s.broker));
          a.readers.push(r);
          readers.push(r.id);
        }
        a.instances.push({ id: iid, service: si, number: n, host, alive: true, life: 0, busy: 0, waiting: [], publishers, dlqPublisher, retryPublishers, readers, slowUs: 0 });
        svc.instances.push(iid);
        if (ss.origin === 'source') {
          a.sources.push({ service: si, instance: iid, rate: ss.rate / ss.instances, poisson: ss.poisson, nextArrival: 0, tickUs: ss.sourceTickUs, life: 0, rng: stream(w.seed, `source:${name}`) });
        }
      }
    });
    spec.services.forEach((ss, si) => {
      const svc = a.services[si]!;
      svc.calls = ss.calls.map((c) => spec.services.findIndex((x) => x.node === c.service));
      svc.writes = ss.writes.map((c) => {
        const service = c.store >= 0 ? -1 : spec.services.findIndex((x) => x.node === c.service);
        const store = c.store >= 0 ? storeIndex(w.msg.destinations[c.store]!.family) : -1;
        return { service, destination: c.store, store, type: store >= 0 ? typeId(w.messages, c.type) : 0, edge: c.edge };
      });
    });
    for (const cs of spec.clients) {
      const target = spec.services.findIndex((s) => s.node === cs.target);
      const space = cs.key ? addKeySpace(w.keys, cs.key.name, cs.key.count) : null;
      const host = addHost(w.net, cs.node, 2000 + a.clients.length);
      a.clients.push({
        id: a.clients.length, node: cs.node, implicit: cs.implicit, edge: cs.edge, host, target, rate: cs.rate, poisson: cs.poisson,
        keyBase: space ? space.base : 0, keyCount: cs.key ? cs.key.count : 0, alive: true, life: 0,
        // A client's second edge (a query beside its command) draws its arrivals from a stream of its own.
        rng: stream(w.seed, a.clients.some((x) => x.node === cs.node) ? `client:${cs.node}>${cs.target}` : `client:${cs.node}`), ok: 0, failed: 0, latency: createHistogram(),
      });
    }
  },

  start(w, spec) {
    const a = w.parts.apps;
    // Services with a `start` delay begin down and come up then, as a restarted instance does (new producer
    // session, consumers join their group); the rest start now.
    spec.services.forEach((ss, si) => {
      if (ss.startUs <= 0) return;
      for (const iid of a.services[si]!.instances) {
        const inst = a.instances[iid]!;
        inst.alive = false;
        w.net.up[inst.host] = 0;
        for (const b of BROKERS) b.holdOwner(w, si, inst.number - 1);
        after(w, ss.startUs, AE.restartInstance, iid, inst.life);
      }
    });
    for (const r of a.readers) if (a.instances[a.services[r.service]!.instances[r.instance]!]!.alive) BROKERS[r.broker]!.startSubscriber(w, r.subscriber);
    spec.clients.forEach((cs, ci) => {
      const c = a.clients[ci]!;
      if (cs.startUs > 0) after(w, cs.startUs, AE.clientStart, ci, c.life);
      else startClient(w, c);
    });
    for (const s of a.sources) startSource(w, s);
  },

  target(w, name) {
    const a = w.parts.apps;
    const slash = name.lastIndexOf('/');
    const base = slash < 0 ? name : name.slice(0, slash);
    const part = slash < 0 ? undefined : name.slice(slash + 1);
    const si = a.services.findIndex((s) => s.node === base);
    if (si >= 0) {
      const svc = a.services[si]!;
      if (part === undefined) return instances(svc.node, [...svc.instances], si);
      const iid = svc.instances[Number(part) - 1];
      if (iid === undefined) return `${svc.node} has no instance ${part} (it has ${svc.instances.length})`;
      return instances(`${svc.node}/${part}`, [iid], si);
    }
    const ci = a.clients.findIndex((c) => c.node === name);
    if (ci >= 0) return { family: 'apps', label: name, ref: { type: 'client', ids: [ci] } };
    return undefined;
  },

  hosts(w, t) {
    const a = w.parts.apps;
    if (t.ref.type === 'client') return [a.clients[t.ref.ids[0]!]!.host];
    return t.ref.ids.slice(1).map((id) => a.instances[id]!.host);
  },

  act(w, t, f) {
    const a = w.parts.apps;
    if (f.action === 'crash' || f.action === 'restart') {
      const up = f.action === 'restart';
      if (t.ref.type === 'client') {
        const c = a.clients[t.ref.ids[0]!]!;
        c.alive = up;
        c.life++;
        if (up) startClient(w, c);
      } else for (const id of t.ref.ids.slice(1)) (up ? restartInstance : crashInstance)(w, id);
      return `${up ? 'restarted' : 'crashed'} ${t.label}`;
    }
    if (t.ref.type !== 'instances') return `!${f.action} applies to a service, and ${(f as { target: string }).target} is not one`;
    const [service, ...ids] = t.ref.ids as [number, ...number[]];
    const svc = a.services[service]!;
    const whole = ids.length === svc.instances.length;
    switch (f.action) {
      case 'slow':
        if (whole) svc.faults.slowUs = f.byUs;
        else for (const iid of ids) a.instances[iid]!.slowUs = f.byUs;
        break;
      case 'reject':
        svc.faults.rejecting = true;
        break;
      case 'accept':
        svc.faults.rejecting = false;
        break;
      case 'poison':
        if (f.key !== undefined) svc.faults.poisonKeys.push(keyId(w.keys, f.key));
        if (f.type !== undefined) svc.faults.poisonTypes.push(typeId(w.messages, f.type));
        break;
      case 'crash-after-processing':
      case 'crash-before-processing': {
        const when = f.action === 'crash-after-processing' ? 'after-processing' : 'before-processing';
        for (const iid of ids) for (const rid of a.instances[iid]!.readers) a.readers[rid]!.crashTrigger = when;
        if (a.instances[ids[0]!]!.readers.length === 0) return `!${f.target} consumes nothing`;
        break;
      }
      default:
        return `!${f.action} cannot be applied to ${t.label}`;
    }
    return '';
  },

  reconfigure(w, _from, spec) {
    const a = w.parts.apps;
    spec.services.forEach((ss, si) => {
      const svc = a.services[si]!;
      svc.config = ss.config;
      svc.handling = { ...ss.handling, dlqBroker: svc.handling.dlqBroker, retryBrokers: svc.handling.retryBrokers };
      for (const s of a.sources) if (s.service === si) s.rate = ss.rate / ss.instances;
    });
    spec.clients.forEach((cs, i) => {
      const c = a.clients[i]!;
      c.rate = cs.rate;
      c.poisson = cs.poisson;
    });
    return null;
  },

  live: appsLive,

  entries: entryPoints,

  services(w) {
    const a = w.parts.apps;
    return a.services.map((s) => ({
      id: s.id,
      node: s.node,
      group: s.group,
      consumes: s.consumes,
      dlq: s.handling.dlq,
      readers: a.readers.filter((r) => r.service === s.id).map((r) => ({
        broker: r.broker,
        subscriber: r.subscriber,
        instance: w.net.names[a.instances[s.instances[r.instance]!]!.host]!,
        processed: r.processed,
      })),
      publishes: s.publishes.map((p) => ({ destination: p.destination, type: p.type, edge: p.edge })),
    }));
  },
  summary(w) {
    return `services: ${w.parts.apps.services.map((s) => s.node + (s.instances.length > 1 ? ` ×${s.instances.length}` : '')).join(', ')}`;
  },

  published(w, waiter, message, code) {
    publishedFor(w, waiter, message, code);
  },

  deliver(w, reader, delivery, rng) {
    const r = w.parts.apps.readers[reader]!;
    startProcessing(w, r, delivery, rng);
    if (r.delivery === delivery) unreadable(w, r, delivery);
  },

  written(w, waiter, tx, code) {
    writtenFor(w, waiter, tx, code);
  },
} satisfies Family & Application;

/** The outcome processing.ts gives a poison message (its POISONED). */
const POISONED = 2;

/**
 * Events its reader schema cannot resolve fail to deserialize: each is treated as a poison message (it fails every
 * attempt, then goes to the dead-letter destination, or blocks its place while `retry` is -1). Only the messages the
 * delivery will attempt are checked: after a failure that is retried, the rest of its place waits for redelivery.
 */
function unreadable(w: World, r: Reader, d: Delivery): void {
  const svc = w.parts.apps.services[r.service]!;
  const retry = svc.handling.retry;
  const stopped: number[] = [];
  for (let i = 0; i < d.count; i++) {
    const place = d.places[i]!;
    if (stopped.includes(place)) continue;
    if (r.outcome[i] === 0 && schemaReadFails(w, svc.node, r.host, place, d.ids[i]!)) r.outcome[i] = POISONED;
    const inPlace = svc.handling.retryTopics.length === 0 && (retry < 0 || (r.attempts.get(d.ids[i]!) ?? 0) + 1 < retry);
    if (r.outcome[i] !== 0 && inPlace) stopped.push(place);
  }
}

function newReader(id: number, service: number, instance: number, host: number, broker: number, subscription: number): Reader {
  return {
    id, service, instance, host, broker, subscriber: -1, subscription, delivery: null, rng: null,
    doneAt: new Float64Array(0), outcome: new Uint8Array(0), next: 0, endsAt: 0, stopped: [], skippedUs: 0, attempts: new Map(), processed: 0, crashTrigger: null,
    pool: [], workerFree: new Float64Array(0), queuedUntil: 0, poolEpoch: 0,
  };
}

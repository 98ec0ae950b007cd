/**
 * RabbitMQ as a component family: it builds clusters of nodes, exchanges with their bindings and queues from the
 * spec, is the broker behind the messaging port for exchanges and queues (publishers are channels publishing to an
 * exchange with a routing key, subscribers channels consuming a queue, places queues, a queue's consumers one
 * subscription), answers fault targets (`RabbitMQ`, `RabbitMQ/2`), and tells the loss checker what it holds.
 */
import type { Family } from '../family.ts';
import type { Broker, Owner } from '../messaging/port.ts';
import { addDestination, addPlace, addSubscription } from '../messaging/state.ts';
import { addHost } from '../sim/network.ts';
import { stream } from '../sim/random.ts';
import { kindsOf } from '../topology/kinds.ts';
import type { World } from '../world.ts';
import * as consumers from './consumers.ts';
import { consume, crashConsumer, failFrom, restartConsumer, settleDelivery } from './consumers.ts';
import { amqpLive, amqpTargetNames } from './live.ts';
import { amqpCopyOf, amqpLives } from './lives.ts';
import * as nodes from './nodes.ts';
import { crashNode, restartNode } from './nodes.ts';
import { createAmqpPart, isSettled } from './part.ts';
import * as publishers from './publishers.ts';
import { connect, crashPublisher, publish, restartPublisher } from './publishers.ts';
import { exchangeDetail, queueDetail } from './queries.ts';
import * as queues from './queues.ts';
import * as reconnect from './reconnect.ts';
import { available, readyCount } from './queues.ts';
import { resolveAmqp } from './resolve.ts';
import { routeMessage } from './routing.ts';
import type { AmqpSettings, Consumer, Exchange, Publisher, Queue } from './types.ts';

function ownerEntry(w: World, app: number, instance: number) {
  const owners = w.parts.amqp.owners;
  const key = `${app}/${instance}`;
  let entry = owners.get(key);
  if (!entry) owners.set(key, (entry = { publishers: [], consumers: [] }));
  return entry;
}

export const amqp: Broker = {
  name: 'amqp',
  kinds: kindsOf('amqp'),
  createPart: createAmqpPart,
  resolve: resolveAmqp,
  clientScopes: ['amqp-publisher', 'amqp-consumer'],
  modules: [consumers, nodes, publishers, queues, reconnect],

  build(w, spec) {
    const a = w.parts.amqp;
    const s = spec.amqp;
    if (!s) return;
    s.clusters.forEach((cs, ci) => {
      const ids: number[] = [];
      for (let n = 1; n <= cs.config.nodes; n++) {
        const name = cs.config.nodes > 1 ? `${cs.node}/${n}` : cs.node;
        ids.push(a.nodes.length);
        a.nodes.push({ id: a.nodes.length, cluster: ci, number: n, host: addHost(w.net, name, 4000 + ci), alive: true, life: 0 });
      }
      a.clusters.push({ id: ci, name: cs.node, nodes: ids, config: cs.config });
      addExchange(w, ci, '', 'direct', -1, '');
    });
    const exchangeIds = s.exchanges.map((x) => addExchange(w, x.cluster, x.name, x.type, -1, x.node));
    s.exchanges.forEach((x, i) => {
      if (x.alternate) a.exchanges[exchangeIds[i]!]!.alternate = a.exchanges.findIndex((e) => e.cluster === x.cluster && e.name === x.alternate);
    });
    s.queues.forEach((qs, i) => {
      const cluster = a.clusters[qs.cluster]!;
      // A classic queue on one node (spread over the cluster), a quorum queue on three (or all, if fewer).
      const replicas = qs.config.type === 'quorum' ? rotate(cluster.nodes, i).slice(0, 3) : [cluster.nodes[i % cluster.nodes.length]!];
      const q: Queue = {
        id: i, cluster: qs.cluster, name: qs.name, node: qs.node, config: qs.config, destination: qs.destination,
        place: addPlace(w.msg, 'amqp', qs.destination, qs.name), subscription: addSubscription(w.msg, 'amqp', qs.name),
        replicas, leader: replicas[0]!, availableFrom: 0, recovered: [], ready: [], head: 0, nextSeq: 0, bytes: 0, syncing: false,
        confirmsAfterSync: [], consumers: [], nextConsumer: 0, active: -1, expiryAt: Infinity, downSince: -1, deleted: false, lastUsed: 0,
        stats: { published: 0, delivered: 0, acked: 0, requeued: 0, deadLettered: 0, expired: 0, dropped: 0, refused: 0 },
      };
      w.msg.subscriptions[q.subscription]!.destinations = [qs.destination];
      a.queues.push(q);
      a.queueOf[qs.destination] = i;
    });
    for (const b of s.bindings) {
      a.exchanges[exchangeIds[b.exchange]!]!.bindings.push({
        to: 'queue' in b.to ? { queue: b.to.queue } : { exchange: exchangeIds[b.to.exchange]! },
        key: b.key, headers: b.headers, matchAll: b.matchAll, withX: b.withX, edge: b.edge,
      });
    }
    for (const r of s.routes) {
      const exchange = r.exchange < 0 ? a.exchanges.findIndex((x) => x.cluster === r.cluster && x.name === '') : exchangeIds[r.exchange]!;
      a.routes[r.destination] = { exchange, key: r.key, headers: r.headers };
    }
  },

  start(w) {
    for (const p of w.parts.amqp.publishers) if (p.alive) connect(w, p);
  },

  subscription(w, _name, destinations) {
    // A queue's consumers compete in it, whichever service they belong to: the queue is the subscription.
    const out: number[] = [];
    for (const d of destinations) {
      const q = w.parts.amqp.queueOf[d];
      if (q !== undefined && !out.includes(w.parts.amqp.queues[q]!.subscription)) out.push(w.parts.amqp.queues[q]!.subscription);
    }
    return out;
  },

  openPublisher(w, owner: Owner, destination, settings) {
    const a = w.parts.amqp;
    const route = a.routes[destination]!;
    const entry = ownerEntry(w, owner.app, owner.instance);
    const mine = entry.publishers.find((id) => a.publishers[id]!.destination === destination);
    if (mine !== undefined) return mine;
    const p: Publisher = {
      id: a.publishers.length, name: owner.name, host: owner.host, app: owner.app, instance: owner.instance, cluster: a.exchanges[route.exchange]!.cluster,
      destination, node: -1, alive: true, life: 0, config: (settings as AmqpSettings).publisher, outbox: [], outboxWaiters: [], flushing: false,
      inFlight: new Map(), confirmsInFlight: new Map(), nextBatch: 0, awaiting: new Map(), confirmOut: { ids: [], codes: [] },
      pending: new Map(), sent: 0, acked: 0, failed: 0, script: null,
    };
    a.publishers.push(p);
    entry.publishers.push(p.id);
    return p.id;
  },

  openSubscriber(w, owner, reader, subscription, edges, settings) {
    const a = w.parts.amqp;
    const q = a.queues.find((x) => x.subscription === subscription)!;
    const c = newConsumer(a.consumers.length, owner, q, reader, (settings as AmqpSettings).consumer, stream(w.seed, `amqp-consumer:${owner.name}:${q.name}`));
    c.edge = edges.get(q.destination) ?? '';
    a.consumers.push(c);
    ownerEntry(w, owner.app, owner.instance).consumers.push(c.id);
    return c.id;
  },

  route(w, _publisher, destination) {
    const a = w.parts.amqp;
    const r = a.routes[destination]!;
    const routed = routeMessage(w, r.exchange, r.key, r.headers);
    return routed.queues.length > 0 ? a.queues[routed.queues[0]!]!.place : a.exchanges[r.exchange]!.place;
  },

  send(w, publisher, _place, message, waiter) {
    publish(w, w.parts.amqp.publishers[publisher]!, message, waiter);
  },

  settle(w, subscriber) {
    settleDelivery(w, w.parts.amqp.consumers[subscriber]!);
  },

  retryLater(w, subscriber, _place, offset) {
    // basic.nack with requeue when the delivery is done: the message (and the rest of the delivery after it) goes back
    // to its place in the queue and may come straight back (Q13).
    failFrom(w.parts.amqp.consumers[subscriber]!, offset, true);
  },

  giveUp(w, subscriber, _place, offset) {
    // basic.reject without requeue: the queue dead-letters it, or drops it (Q14).
    failFrom(w.parts.amqp.consumers[subscriber]!, offset, false);
  },

  startSubscriber(w, subscriber) {
    consume(w, w.parts.amqp.consumers[subscriber]!);
  },

  crashOwner(w, app, instance) {
    const a = w.parts.amqp;
    const entry = ownerEntry(w, app, instance);
    for (const id of entry.consumers) crashConsumer(w, a.consumers[id]!);
    for (const id of entry.publishers) crashPublisher(a.publishers[id]!);
  },

  restartOwner(w, app, instance) {
    const a = w.parts.amqp;
    const entry = ownerEntry(w, app, instance);
    for (const id of entry.publishers) restartPublisher(w, a.publishers[id]!);
    for (const id of entry.consumers) restartConsumer(w, a.consumers[id]!);
  },

  holdOwner(w, app, instance) {
    const a = w.parts.amqp;
    const entry = ownerEntry(w, app, instance);
    for (const id of entry.publishers) a.publishers[id]!.alive = false;
    for (const id of entry.consumers) a.consumers[id]!.alive = false;
  },

  positions(w, subscription) {
    const q = w.parts.amqp.queues.find((x) => x.subscription === subscription);
    if (!q) return [];
    const unacked = q.consumers.reduce((n, c) => n + w.parts.amqp.consumers[c]!.unacked.length, 0);
    return [{ place: q.place, committed: -1, end: q.nextSeq, lag: readyCount(q) + unacked }];
  },

  offsetOf(w, place, id) {
    const q = w.parts.amqp.queues.find((x) => x.place === place);
    if (!q) return -1;
    for (let i = q.head; i < q.ready.length; i++) if (q.ready[i]!.id === id) return q.ready[i]!.seq;
    for (const cid of q.consumers) for (const m of w.parts.amqp.consumers[cid]!.unacked) if (m.id === id) return m.seq;
    return -1;
  },

  subscriberState(w, subscriber) {
    const c = w.parts.amqp.consumers[subscriber]!;
    return { alive: c.alive && c.consuming, places: c.consuming ? [w.parts.amqp.queues[c.queue]!.place] : [] };
  },

  openWindows(w) {
    const out = [];
    for (const q of w.parts.amqp.queues) if (!available(w, q)) out.push({ what: 'partition' as const, id: q.place, from: q.downSince >= 0 ? q.downSince : w.now, to: w.now });
    return out;
  },

  target(w, name) {
    const a = w.parts.amqp;
    const slash = name.lastIndexOf('/');
    const base = slash < 0 ? name : name.slice(0, slash);
    const c = a.clusters.find((x) => x.name === base);
    if (!c) return undefined;
    if (slash < 0) return { family: 'amqp', label: c.nodes.length > 1 ? `every node of ${c.name}` : c.name, ref: { type: 'nodes', ids: [...c.nodes] } };
    const n = Number(name.slice(slash + 1));
    const id = c.nodes[n - 1];
    if (id === undefined) return `${c.name} has no node ${name.slice(slash + 1)} (it has ${c.nodes.length})`;
    return { family: 'amqp', label: name, ref: { type: 'nodes', ids: [id] } };
  },

  hosts(w, t) {
    return t.ref.ids.map((id) => w.parts.amqp.nodes[id]!.host);
  },

  act(w, t, f) {
    const a = w.parts.amqp;
    if (f.action !== 'crash' && f.action !== 'restart') return `!${f.action} cannot be applied to a RabbitMQ node (${t.label}): crash and restart can`;
    for (const id of t.ref.ids) (f.action === 'crash' ? crashNode : restartNode)(w, a.nodes[id]!);
    return `${f.action === 'crash' ? 'crashed' : 'restarted'} ${t.label}`;
  },

  live: (w, out) => amqpLive(w, out),
  targetNames: amqpTargetNames,
  lives: amqpLives,
  copyOf: amqpCopyOf,
  inspect: { queue: queueDetail, exchange: exchangeDetail },

  summary(w) {
    const a = w.parts.amqp;
    if (a.clusters.length === 0) return '';
    return `rabbitmq: ${a.clusters.map((c) => `${c.name} (${c.nodes.length} node${c.nodes.length > 1 ? 's' : ''})`).join(', ')}; queues: ${a.queues.map((q) => `${q.name} (${q.config.type})`).join(', ')}`;
  },

  holds(w, mark) {
    // Queued (ready, unacked, on the way to a consumer or in its hands) or done with (settled); a message a crash took
    // with it, or a full queue dropped, is none of these.
    const a = w.parts.amqp;
    const all = (ms: readonly { id: number }[]) => {
      for (const m of ms) mark(m.id);
    };
    for (const q of a.queues) {
      for (let i = q.head; i < q.ready.length; i++) mark(q.ready[i]!.id);
      all(q.recovered);
    }
    for (const c of a.consumers) {
      all(c.unacked);
      all(c.buffer);
      all(c.working);
      for (const ms of c.inFlight.values()) all(ms);
    }
    for (const p of a.publishers) for (const b of p.inFlight.values()) for (const id of b.ids) mark(id);
    for (let id = 1; id < w.messages.count; id++) if (isSettled(a, id)) mark(id);
  },

  reconfigure(w, from, to) {
    const a = w.parts.amqp;
    const shape = (s: typeof to) => JSON.stringify({ c: s.amqp?.clusters.map((c) => c.config.nodes), x: s.amqp?.exchanges, b: s.amqp?.bindings, r: s.amqp?.routes, q: s.amqp?.queues.map((q) => [q.name, q.config.type]) });
    if (shape(from) !== shape(to)) return 'RabbitMQ exchanges, queues or bindings changed';
    to.amqp?.queues.forEach((qs, i) => (a.queues[i]!.config = qs.config));
    to.services.forEach((ss, app) => {
      const settings = ss.clients['amqp'] as AmqpSettings | undefined;
      if (!settings) return;
      for (const [key, entry] of a.owners) {
        if (Number(key.split('/')[0]) !== app) continue;
        for (const id of entry.publishers) a.publishers[id]!.config = settings.publisher;
        for (const id of entry.consumers) a.consumers[id]!.config = settings.consumer;
      }
    });
    return null;
  },

  hash(w, mix) {
    for (const q of w.parts.amqp.queues) {
      mix(readyCount(q));
      for (let i = q.head; i < q.ready.length; i++) mix(q.ready[i]!.id);
      mix(q.stats.acked);
    }
    for (const c of w.parts.amqp.consumers) mix(c.unacked.length);
  },
} satisfies Family & Broker;

function addExchange(w: World, cluster: number, name: string, type: Exchange['type'], alternate: number, node: string): number {
  const a = w.parts.amqp;
  const id = a.exchanges.length;
  const label = name === '' ? '(default exchange)' : name;
  const dest = addDestination(w.msg, 'amqp', `${label} (exchange)`);
  a.exchanges.push({ id, cluster, name, type, durable: true, alternate, bindings: [], node, place: addPlace(w.msg, 'amqp', dest, `${label} (exchange)`), stats: { routed: 0, unroutable: 0, returned: 0 } });
  return id;
}

function rotate<T>(xs: readonly T[], by: number): T[] {
  const k = by % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

export function newConsumer(id: number, owner: Owner, q: Queue, reader: number, config: AmqpSettings['consumer'], rng: Uint32Array): Consumer {
  return {
    id, name: owner.name, host: owner.host, app: owner.app, instance: owner.instance, queue: q.id, reader, subscription: q.subscription, config,
    consuming: false, alive: true, life: 0, unacked: [], buffer: [], working: [], failing: [], dropping: [], inFlight: new Map(), acksInFlight: new Map(), stalled: [], stalledAcks: [],
    nextPush: 0, deliverySeq: 0, node: -1, lastHeard: 0, rng, edge: '', processed: 0, script: null,
  };
}

/**
 * Plays an AMQP scenario (scenario.ts) on the model: one RabbitMQ node, a publisher and the scenario's consumers as
 * scripted clients on their own hosts, each step waiting for what a real client would wait for (a confirm, an ack to
 * arrive), so the outcome compares with what the real server gives (tools/rabbit/differential.test.ts).
 */
import { addMessage, causationOf, typeId } from '../history/messages.ts';
import type { Owner } from '../messaging/port.ts';
import { addDestination, addPlace, addSubscription } from '../messaging/state.ts';
import { parseTopology } from '../topology/parse.ts';
import { createSimulation, type Simulation } from '../simulation.ts';
import { addHost } from '../sim/network.ts';
import { peekTime } from '../sim/queue.ts';
import { stream } from '../sim/random.ts';
import type { World } from '../world.ts';
import { closeChannel, consume, dispatch, sendAcks } from './consumers.ts';
import { newConsumer } from './family.ts';
import { restartCleanly } from './nodes.ts';
import { publish } from './publishers.ts';
import { available, expireHead, readyCount, takeHead, unused } from './queues.ts';
import type { AmqpOutcome, AmqpScenario, AmqpStep, Headers, SeenDelivery } from './scenario.ts';
import type { Consumer, Publisher, Queue, QueueConfig } from './types.ts';

/** Longest a step waits for the broker's answer (a confirm, a delivery to ack) before the scenario is called stuck. */
const STEP_LIMIT_US = 60_000_000;
/** The settling wait after the last step, before the queues are read. */
const SETTLE_US = 100_000;

export function runModel(s: AmqpScenario): AmqpOutcome {
  return new Player(s).play();
}

class Player {
  private readonly sim: Simulation;
  private readonly w: World;
  private readonly bodies = new Map<number, string>();
  private readonly publisher: Publisher;
  /** Consumers by the scenario's name: the current one, and every delivery under that name. */
  private readonly consumers = new Map<string, { c: Consumer; seen: SeenDelivery[] }>();
  private readonly confirmed = new Set<string>();
  private readonly channelErrors: Record<string, number> = {};
  private readonly declared: string[] = [];
  private readonly clientHost: number;

  constructor(private readonly s: AmqpScenario) {
    const parsed = parseTopology('graph LR\n  R[RabbitMQ]:::rabbitmq\n');
    this.sim = createSimulation(parsed.topology, { seed: 1, traceCapacity: 1 << 14 });
    this.w = this.sim.world;
    const a = this.w.parts.amqp;
    a.redeclare = false;
    if (s.consumerTimeout !== undefined) a.clusters[0]!.config.consumerTimeoutUs = s.consumerTimeout * 1000;
    this.clientHost = addHost(this.w.net, 'client', 9000);
    this.publisher = {
      id: a.publishers.length, name: 'publisher', host: this.clientHost, app: -1, instance: 0, cluster: 0, destination: -1, node: a.clusters[0]!.nodes[0]!,
      alive: true, life: 0, config: { confirm: true, mandatory: false, persistent: false, expirationUs: -1, bytes: 0 }, outbox: [], outboxWaiters: [], flushing: false,
      inFlight: new Map(), confirmsInFlight: new Map(), nextBatch: 0, awaiting: new Map(), confirmOut: { ids: [], codes: [] }, pending: new Map(), sent: 0, acked: 0,
      failed: 0, script: { props: new Map(), confirms: [], returned: [] },
    };
    a.publishers.push(this.publisher);
  }

  play(): AmqpOutcome {
    for (const step of this.s.steps) this.step(step);
    this.runFor(SETTLE_US);
    return this.outcome();
  }

  private step(st: AmqpStep): void {
    const a = this.w.parts.amqp;
    switch (st.op) {
      case 'exchange':
        this.exchange(st.name, st.type, st.alternate);
        return;
      case 'queue':
        this.queue(st.name, st.durable ?? true, st.args ?? {});
        return;
      case 'bind':
        a.exchanges[this.exchangeId(st.exchange)]!.bindings.push({ to: { queue: this.queueOf(st.queue).id }, ...binding(st.key, st.args) });
        a.routeCache.clear();
        return;
      case 'bindExchange':
        a.exchanges[this.exchangeId(st.source)]!.bindings.push({ to: { exchange: this.exchangeId(st.destination) }, ...binding(st.key, st.args) });
        a.routeCache.clear();
        return;
      case 'publish':
        return this.publish(st);
      case 'consume':
        return this.consume(st);
      case 'ack':
      case 'nack':
      case 'reject':
        return this.settle(st);
      case 'cancel': {
        const c = this.consumer(st.consumer);
        const q = a.queues[c.queue]!;
        c.consuming = false;
        q.consumers = q.consumers.filter((x) => x !== c.id);
        if (q.active === c.id) q.active = q.consumers[0] ?? -1;
        if (q.consumers.length === 0) unused(this.w, q);
        dispatch(this.w, q);
        return;
      }
      case 'close': {
        const c = this.consumer(st.consumer);
        c.buffer = [];
        closeChannel(this.w, c);
        c.alive = false;
        this.runFor(1000);
        return;
      }
      case 'wait':
        this.runFor(st.ms * 1000);
        return;
      case 'restart':
        restartCleanly(this.w, a.nodes[a.clusters[0]!.nodes[0]!]!);
        this.publisher.node = a.clusters[0]!.nodes[0]!;
        this.publisher.life++;
        return;
    }
  }

  private exchange(name: string, type: 'direct' | 'fanout' | 'topic' | 'headers', alternate?: string): void {
    const a = this.w.parts.amqp;
    if (a.exchanges.some((x) => x.name === name)) return;
    const dest = addDestination(this.w.msg, 'amqp', `${name} (exchange)`);
    a.exchanges.push({
      id: a.exchanges.length, cluster: 0, name, type, durable: true, alternate: alternate === undefined ? -1 : this.exchangeId(alternate, true), bindings: [], node: '',
      place: addPlace(this.w.msg, 'amqp', dest, `${name} (exchange)`), stats: { routed: 0, unroutable: 0, returned: 0 },
    });
  }

  /** An exchange by name; one named before it is declared (an alternate exchange) is declared as direct for now. */
  private exchangeId(name: string, declare = false): number {
    const a = this.w.parts.amqp;
    let i = a.exchanges.findIndex((x) => x.name === name);
    if (i < 0 && declare) {
      this.exchange(name, 'direct');
      i = a.exchanges.length - 1;
    }
    if (i < 0) throw new Error(`scenario names exchange '${name}' before declaring it`);
    return i;
  }

  private queue(name: string, durable: boolean, args: NonNullable<Extract<AmqpStep, { op: 'queue' }>['args']>): void {
    const a = this.w.parts.amqp;
    if (a.queues.some((q) => q.name === name && !q.deleted)) return;
    const config: QueueConfig = {
      type: args['x-queue-type'] ?? 'classic', durable, ttlUs: args['x-message-ttl'] !== undefined ? args['x-message-ttl'] * 1000 : -1,
      maxLength: args['x-max-length'] ?? -1, maxBytes: args['x-max-length-bytes'] ?? -1, overflow: args['x-overflow'] ?? 'drop-head',
      dlx: args['x-dead-letter-exchange'] ?? null, dlrk: args['x-dead-letter-routing-key'] ?? '',
      // RabbitMQ 3.10 has no default delivery limit; a scenario sets one where it matters (semantics.md Q33).
      deliveryLimit: args['x-delivery-limit'] ?? -1, singleActiveConsumer: args['x-single-active-consumer'] ?? false,
      expiresUs: args['x-expires'] !== undefined ? args['x-expires'] * 1000 : -1,
    };
    const dest = addDestination(this.w.msg, 'amqp', name);
    const node = a.clusters[0]!.nodes[0]!;
    const q: Queue = {
      id: a.queues.length, cluster: 0, name, node: '', config, destination: dest, place: addPlace(this.w.msg, 'amqp', dest, name),
      subscription: addSubscription(this.w.msg, 'amqp', name), replicas: [node], leader: node, availableFrom: 0, downSince: -1, deleted: false, lastUsed: this.w.now,
      recovered: [], ready: [], head: 0, nextSeq: 0, bytes: 0, syncing: false, confirmsAfterSync: [], consumers: [], nextConsumer: 0, active: -1, expiryAt: Infinity,
      stats: { published: 0, delivered: 0, acked: 0, requeued: 0, deadLettered: 0, expired: 0, dropped: 0, refused: 0 },
    };
    a.queues.push(q);
    a.queueOf[dest] = q.id;
    a.routeCache.clear();
    this.declared.push(name);
    unused(this.w, q);
  }

  private queueOf(name: string): Queue {
    const q = this.w.parts.amqp.queues.find((x) => x.name === name && !x.deleted);
    if (!q) throw new Error(`scenario names queue '${name}' before declaring it`);
    return q;
  }

  private publish(st: Extract<AmqpStep, { op: 'publish' }>): void {
    const w = this.w;
    const id = addMessage(w.messages, 0, typeId(w.messages, 'message'), -1, w.now, 0, 0);
    this.bodies.set(id, st.body);
    if (st.confirm) this.confirmed.add(st.body);
    this.publisher.script!.props.set(id, {
      exchange: this.exchangeId(st.exchange), key: st.key, headers: st.headers ? text(st.headers) : null, persistent: st.persistent ?? false,
      expirationUs: st.expiration !== undefined ? st.expiration * 1000 : -1, mandatory: st.mandatory ?? false, bytes: st.bytes ?? st.body.length,
    });
    publish(w, this.publisher, id, -1);
    // Every publish waits for the broker's answer (its confirm; a return comes before it).
    this.runUntil(() => this.publisher.script!.confirms.some(([c]) => c === id) || this.publisher.script!.returned.includes(id));
    this.runFor(0);
  }

  private consume(st: Extract<AmqpStep, { op: 'consume' }>): void {
    const w = this.w;
    const a = w.parts.amqp;
    const q = this.queueOf(st.queue);
    const owner: Owner = { name: st.consumer, host: addHost(w.net, `consumer ${st.consumer}`, 9000), app: -1, instance: 0 };
    const c = newConsumer(a.consumers.length, owner, q, -1, { ack: st.ack, prefetch: st.prefetch ?? 0 }, stream(1, `scenario:${st.consumer}`));
    c.script = { seen: [], workUs: st.work ? st.work.ms * 1000 : -1, reject: st.work?.reject ?? null, closedWith: 0 };
    a.consumers.push(c);
    const before = this.consumers.get(st.consumer);
    this.consumers.set(st.consumer, { c, seen: before?.seen ?? [] });
    consume(w, c);
    this.runFor(0);
  }

  private settle(st: Extract<AmqpStep, { op: 'ack' | 'nack' | 'reject' }>): void {
    const c = this.consumer(st.consumer);
    const body = st.body;
    if (st.op === 'ack' && st.again) {
      // Q12: acking a delivery tag the channel no longer holds closes it with 406, unknown delivery tag.
      this.channelErrors[st.consumer] = 406;
      closeChannel(this.w, c);
      c.alive = false;
      this.runFor(1000);
      return;
    }
    // The delivery the step names, once it has reached the consumer (as the client would wait for it).
    const pick = () => c.buffer.find((m) => c.unacked.includes(m) && (body === undefined || this.body(m.id) === body));
    this.runUntil(() => pick() !== undefined);
    const m = pick()!;
    const upTo = 'multiple' in st && st.multiple ? c.unacked.slice(0, c.unacked.indexOf(m) + 1) : [m];
    c.buffer = c.buffer.filter((m) => !upTo.includes(m));
    const n = st.op === 'ack' ? sendAcks(this.w, c, upTo, [], []) : st.requeue ? sendAcks(this.w, c, [], upTo, []) : sendAcks(this.w, c, [], [], upTo);
    // Until the broker has it (a requeued message may be back with the consumer at once).
    this.runUntil(() => !c.acksInFlight.has(n));
  }

  private consumer(name: string): Consumer {
    const entry = this.consumers.get(name);
    if (!entry) throw new Error(`scenario names consumer '${name}' before it consumes`);
    return entry.c;
  }

  /** A message's body: its own, or that of the message it is a copy of (another queue's, or dead-lettered). */
  private body(id: number): string {
    let cur = id;
    for (let i = 0; i < 100; i++) {
      const b = this.bodies.get(cur);
      if (b !== undefined) return b;
      cur = causationOf(this.w.messages, cur);
    }
    return `#${id}`;
  }

  private runFor(us: number): void {
    const end = this.w.now + us;
    this.sim.run(end);
  }

  private runUntil(done: () => boolean): void {
    const limit = this.w.now + STEP_LIMIT_US;
    while (!done()) {
      const next = peekTime(this.w.queue);
      if (next > limit) throw new Error(`scenario '${this.s.name}' is stuck at ${this.w.now} µs: what a step waits for never happened`);
      this.sim.step();
    }
  }

  private outcome(): AmqpOutcome {
    const a = this.w.parts.amqp;
    const deliveries: Record<string, SeenDelivery[]> = {};
    for (const [name] of this.consumers) deliveries[name] = [];
    for (const c of a.consumers) {
      if (!c.script) continue;
      const name = c.name;
      for (const d of c.script.seen) {
        deliveries[name]!.push({ body: this.body(d.id), redelivered: d.redelivered, key: d.key, ...(d.deaths ? { deaths: d.deaths.map((x) => ({ ...x })) } : {}) });
      }
      if (c.script.closedWith) this.channelErrors[name] = c.script.closedWith;
    }
    const returned = this.publisher.script!.returned.map((id) => this.body(id));
    const confirms: Record<string, 'ack' | 'nack'> = {};
    for (const [id, ok] of this.publisher.script!.confirms) {
      const b = this.body(id);
      if (this.confirmed.has(b)) confirms[b] = ok ? 'ack' : 'nack';
    }
    // Every consumer is cancelled, then each queue read with basic.get until empty (expired heads dropped on the way).
    for (const c of a.consumers) {
      if (!c.consuming) continue;
      const q = a.queues[c.queue]!;
      c.consuming = false;
      q.consumers = q.consumers.filter((x) => x !== c.id);
    }
    const queues: Record<string, string[]> = {};
    for (const name of this.declared) {
      const q = a.queues.find((x) => x.name === name && !x.deleted);
      if (!q || !available(this.w, q) || name in queues) continue;
      const held: string[] = [];
      while (readyCount(q) > 0) {
        if (q.ready[q.head]!.expires <= this.w.now) {
          expireHead(this.w, q);
          continue;
        }
        held.push(this.body(takeHead(q).id));
      }
      queues[name] = held;
    }
    return { deliveries, returned, confirms, queues, channelErrors: this.channelErrors };
  }
}

/** A binding's key and headers arguments. */
function binding(key: string | undefined, args: Headers | undefined) {
  const headers = args ? text(args) : null;
  const xMatch = headers?.['x-match'] ?? 'all';
  return { key: key ?? '', headers, matchAll: xMatch.startsWith('all'), withX: xMatch.endsWith('-with-x'), edge: '' };
}

const text = (h: Headers): Record<string, string> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]));

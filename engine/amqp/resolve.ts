/**
 * RabbitMQ's part of reading a topology, in the seeds' own words: a `rabbitmq` node is a cluster (`nodes=3`);
 * `Ex["Exchange: orders (topic)"]` an exchange (its type in parentheses or `type=`), `Q[(Queue: billing)]` a queue;
 * an edge from an exchange to a queue or exchange is a binding with the edge's label as its key (a headers binding
 * reads `x-match=any format=pdf`); a queue's edge into an exchange names its dead-letter exchange; a service's edge
 * into an exchange publishes with the label as routing key, into a queue through the default exchange; a queue's
 * edge to a service is that service consuming it. An exchange drawn straight into a service gets the service a
 * queue of its own bound to it (publish/subscribe, as in RabbitMQ's third tutorial).
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { TopologyEdge, TopologyNode } from '../topology/types.ts';
import { clientSettings, exchangeType, nodeConfig, queueConfig } from './configs.ts';
import type { AmqpSpec, ExchangeSpec } from './spec.ts';
import type { ExchangeType } from './types.ts';

const IMPLICIT_CLUSTER = 'RabbitMQ';
const TYPES: ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

export function resolveAmqp(ctx: ResolveContext): FamilyResolver {
  const { t, d, nodes } = ctx;
  const spec: AmqpSpec = (ctx.spec.amqp = { clusters: [], exchanges: [], queues: [], bindings: [], routes: [] });
  const clusterOf = new Map<string, number>();
  const exchangeOf = new Map<string, number>(); // node id -> exchange
  const queueOf = new Map<string, number>(); // node id -> queue
  const routeIndex = new Map<string, number>();

  for (const n of t.nodes) {
    if (n.kind !== 'rabbitmq') continue;
    const raw = rawSettings(t, n.id);
    clusterOf.set(n.id, spec.clusters.length);
    spec.clusters.push({ node: n.id, config: nodeConfig(readLayered([{ target: n.id, raw }], ['rabbitmq'])) });
  }
  const drawn = t.nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue');
  if (drawn.length === 0) return {};
  // Which cluster hosts an exchange or queue: the RabbitMQ node it is drawn in or linked to, else the only one, else
  // an implicit one.
  const implicit = (): number => {
    if (spec.clusters.length === 1) return 0;
    let i = spec.clusters.findIndex((c) => c.node === IMPLICIT_CLUSTER);
    if (i < 0) {
      i = spec.clusters.length;
      spec.clusters.push({ node: IMPLICIT_CLUSTER, config: nodeConfig(readLayered([], ['rabbitmq'])) });
    }
    return i;
  };
  const hostOf = (n: TopologyNode): number => {
    if (n.group && clusterOf.has(n.group)) return clusterOf.get(n.group)!;
    const linked = t.edges.map((e) => (e.to === n.id ? e.from : e.from === n.id ? e.to : '')).find((o) => clusterOf.has(o));
    return linked ? clusterOf.get(linked)! : implicit();
  };

  const addExchange = (x: ExchangeSpec): number => {
    spec.exchanges.push(x);
    return spec.exchanges.length - 1;
  };
  const exchangeNamed = (cluster: number, name: string, why: { node: string; key: string }): number => {
    const i = spec.exchanges.findIndex((x) => x.cluster === cluster && x.name === name);
    if (i >= 0) return i;
    d.add(d.spanOf(why.node, why.key), `${why.key} names exchange '${name}', which is not drawn: it is declared with no bindings, so what goes there is dropped`, 'info');
    return addExchange({ name, cluster, type: 'direct', alternate: '', node: '' });
  };

  for (const n of drawn) {
    const raw = rawSettings(t, n.id);
    const scope = n.kind === 'exchange' ? 'exchange' : 'queue';
    const v = readLayered([{ target: n.id, raw }], [scope]);
    const cluster = hostOf(n);
    const name = nameOf(n);
    if (n.kind === 'exchange') {
      const fromLabel = /\((direct|fanout|topic|headers)\)/i.exec(n.label)?.[1]?.toLowerCase() as ExchangeType | undefined;
      const type = v.explicit.has('type') ? exchangeType(v) : (fromLabel ?? (TYPES.find((x) => new RegExp(`\\b${x}\\b`, 'i').test(n.label)) ?? 'direct'));
      exchangeOf.set(n.id, addExchange({ name, cluster, type, alternate: v['alternate-exchange'] as string, node: n.id }));
    } else {
      queueOf.set(n.id, spec.queues.length);
      spec.queues.push({ name, cluster, node: n.id, destination: ctx.addDestination('amqp', name), config: queueConfig(v) });
    }
  }

  // Bindings, and dead-letter exchanges drawn as a queue's edge into an exchange.
  for (const e of t.edges) {
    const from = exchangeOf.get(e.from);
    if (from !== undefined) {
      const toQueue = queueOf.get(e.to);
      const toExchange = exchangeOf.get(e.to);
      if (toQueue === undefined && toExchange === undefined) continue;
      const headers = spec.exchanges[from]!.type === 'headers' ? readHeaders(label(e)) : null;
      spec.bindings.push({ exchange: from, to: toQueue !== undefined ? { queue: toQueue } : { exchange: toExchange! }, key: headers ? '' : label(e), headers: headers?.match ?? null, matchAll: headers?.all ?? true, withX: headers?.withX ?? false, edge: e.id });
      continue;
    }
    const q = queueOf.get(e.from);
    const x = exchangeOf.get(e.to);
    if (q !== undefined && x !== undefined && spec.queues[q]!.config.dlx === null) spec.queues[q]!.config.dlx = spec.exchanges[x]!.name;
  }
  for (const q of spec.queues) if (q.config.dlx) exchangeNamed(q.cluster, q.config.dlx, { node: q.node, key: 'x-dead-letter-exchange' });
  for (const x of [...spec.exchanges]) if (x.alternate) exchangeNamed(x.cluster, x.alternate, { node: x.node, key: 'alternate-exchange' });

  const routeTo = (cluster: number, exchange: number, key: string, headers: Record<string, string> | null): number => {
    const id = `${cluster}/${exchange}/${key}/${headers ? JSON.stringify(headers) : ''}`;
    const known = routeIndex.get(id);
    if (known !== undefined) return known;
    const destination = ctx.addDestination('amqp', exchange < 0 ? `${key} (default exchange)` : `${spec.exchanges[exchange]!.name}${key ? ` (${key})` : ''}`);
    spec.routes.push({ destination, cluster, exchange, key, headers });
    routeIndex.set(id, destination);
    return destination;
  };

  // An exchange drawn straight into a service: the service gets a queue of its own, bound with the edge's label.
  const ownQueues = new Map<string, number>();
  const ownQueue = (x: number, e: TopologyEdge): number => {
    const id = `${e.to}.${spec.exchanges[x]!.name}`;
    if (!ownQueues.has(id)) {
      const cluster = spec.exchanges[x]!.cluster;
      const q = spec.queues.length;
      spec.queues.push({ name: id, cluster, node: '', destination: ctx.addDestination('amqp', id), config: { ...queueConfig(readLayered([], ['queue'])), durable: false } });
      const headers = spec.exchanges[x]!.type === 'headers' ? readHeaders(label(e)) : null;
      spec.bindings.push({ exchange: x, to: { queue: q }, key: headers ? '' : label(e), headers: headers?.match ?? null, matchAll: headers?.all ?? true, withX: headers?.withX ?? false, edge: e.id });
      ownQueues.set(id, q);
    }
    return ownQueues.get(id)!;
  };

  return {
    destinationsAt(id, e) {
      const q = queueOf.get(id);
      const x = exchangeOf.get(id);
      if (e.from === id) {
        // Reading: a queue, or an exchange drawn into a consumer.
        if (q !== undefined) return [spec.queues[q]!.destination];
        if (x !== undefined) return [spec.queues[ownQueue(x, e)]!.destination];
        return nodes.get(id)?.kind === 'rabbitmq' ? [] : undefined;
      }
      // Publishing: into an exchange with the edge's routing key, or into a queue through the default exchange.
      if (x !== undefined) {
        const ex = spec.exchanges[x]!;
        const headers = ex.type === 'headers' ? (readHeaders(label(e))?.match ?? null) : null;
        return [routeTo(ex.cluster, x, headers ? '' : label(e), headers)];
      }
      if (q !== undefined) return [routeTo(spec.queues[q]!.cluster, -1, spec.queues[q]!.name, null)];
      return nodes.get(id)?.kind === 'rabbitmq' ? [] : undefined;
    },

    clientSettings(_node, values) {
      return clientSettings(values);
    },

    batchingUs() {
      // A channel writes each publish at once; messages handed over in one instant go out together.
      return 1000;
    },

    deadLetter(name, near) {
      // An application's own dead-letter queue, beside the queue it reads.
      const nearQueue = spec.queues.find((q) => q.destination === near);
      const cluster = nearQueue?.cluster ?? implicit();
      let q = spec.queues.findIndex((x) => x.cluster === cluster && x.name === name);
      if (q < 0) {
        q = spec.queues.length;
        spec.queues.push({ name, cluster, node: '', destination: ctx.addDestination('amqp', name), config: queueConfig(readLayered([], ['queue'])) });
      }
      return routeTo(cluster, -1, name, null);
    },

    settle() {
      // What the drawing asks that RabbitMQ would refuse.
      for (const q of spec.queues) {
        const cluster = spec.clusters[q.cluster]!;
        if (q.config.type === 'quorum' && !q.config.durable) d.add(d.spanOf(q.node, 'durable'), `quorum queue ${q.name} must be durable (RabbitMQ refuses a transient one: PRECONDITION_FAILED)`, 'error');
        if (q.config.type === 'quorum' && q.config.overflow === 'reject-publish-dlx') d.add(d.spanOf(q.node, 'x-overflow'), `quorum queue ${q.name} does not support x-overflow=reject-publish-dlx (RabbitMQ refuses it)`, 'error');
        if (q.config.type === 'quorum' && cluster.config.nodes < 3) d.add(d.spanOf(q.node, 'x-queue-type'), `quorum queue ${q.name} runs on ${cluster.config.nodes} node(s) of ${cluster.node}: with fewer than three it cannot survive a node failure`, 'info');
      }
    },
  };
}

/** An exchange's or queue's name: what follows `Exchange:` / `Queue:` in its label, without `(topic)`. */
function nameOf(n: TopologyNode): string {
  const colon = n.label.indexOf(':');
  const name = (colon >= 0 ? n.label.slice(colon + 1) : n.label).replace(/\((direct|fanout|topic|headers)\)/i, '').trim();
  return name || n.id;
}

/** An edge's label as a routing or binding key (`1. order.created` numbering dropped). */
function label(e: TopologyEdge): string {
  return (e.label ?? '').replace(/^\s*\d+\.\s+/, '').trim();
}

/** A headers binding or publish written in a label: `x-match=any format=pdf region=eu`. */
export function readHeaders(text: string): { match: Record<string, string>; all: boolean; withX: boolean } | null {
  const match: Record<string, string> = {};
  let xMatch = 'all';
  for (const m of text.matchAll(/([\w.-]+)\s*[=:]\s*([^\s,]+)/g)) {
    if (m[1] === 'x-match') xMatch = m[2]!;
    else match[m[1]!] = m[2]!;
  }
  return Object.keys(match).length > 0 || /x-match/.test(text) ? { match, all: xMatch.startsWith('all'), withX: xMatch.endsWith('-with-x') } : null;
}

/**
 * The applications' part of reading a topology: services (and the stores they write), what each edge makes them do
 * (publish to what the broker families say an end stands for, read from it, call another service, write a store),
 * clients sending requests, and where requests start when nobody sends any: an implicit client, or a publish-only
 * service generating its events.
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import { NODE_KINDS } from '../topology/kinds.ts';
import type { Topology, TopologyEdge, TopologyGroup, TopologyNode } from '../topology/types.ts';
import { parseStages, type Stage } from '../config/values.ts';
import { handlingConfig, serviceConfig } from './configs.ts';
import type { ClientSpec, ServiceSpec } from './spec.ts';

const SERVICE_KINDS = new Set(NODE_KINDS.filter((k) => k.role === 'service').map((k) => k.kind));
const STORE_KINDS = new Set(NODE_KINDS.filter((k) => k.role === 'store').map((k) => k.kind));

export function resolveApps(ctx: ResolveContext): FamilyResolver {
  const { t, d, nodes, spec } = ctx;
  const services = (spec.services = []) as ServiceSpec[];
  const clients = (spec.clients = []) as ClientSpec[];
  const dlqNames = new Map<ServiceSpec, string>();
  const retryStages = new Map<ServiceSpec, Stage[]>();

  return {
    connect() {
      const serviceIndex = new Map<string, number>();
      for (const n of t.nodes) {
        if (!SERVICE_KINDS.has(n.kind) && !STORE_KINDS.has(n.kind)) continue;
        serviceIndex.set(n.id, services.length);
        const s = serviceSpec(ctx, n);
        services.push(s.spec);
        if (s.dlq) dlqNames.set(s.spec, s.dlq);
        if (s.retry.length > 0) retryStages.set(s.spec, s.retry);
      }
      const svc = (id: string) => (serviceIndex.has(id) ? services[serviceIndex.get(id)!] : undefined);
      const targeted = new Set<string>();

      for (const e of t.edges) {
        const from = svc(e.from);
        const to = svc(e.to);
        switch (e.kind) {
          case 'publish': {
            // A drawn retry or dead-letter topic of the service: its failed records go there (settle), not its events.
            if (!from || e.role) break;
            const ds = ctx.destinationsAt(e.to, e, 'one');
            if (ds.length === 0) d.add(e.span, `${e.from} publishes to ${e.to}, which hosts no topic`);
            for (const di of ds) from.publishes.push({ destination: di, type: eventType(t, e, nodes.get(e.from)!), edge: e.id });
            break;
          }
          case 'subscribe': {
            const consumer = to;
            if (!consumer) break;
            for (const di of ctx.destinationsAt(e.from, e, 'all')) {
              if (consumer.consumes.includes(di)) continue;
              consumer.consumes.push(di);
              consumer.consumeEdges.push(e.id);
            }
            targeted.add(e.to);
            break;
          }
          case 'read': {
            // A client querying a read side fed by a topic (seed 001's CQRS: `Client -->|Query| RS`) sends it
            // requests; a read model of an event store is read by that family (eventstore/reads.ts).
            const fromNode = nodes.get(e.from);
            if (fromNode?.kind !== 'client' || !to || readsEventStore(t, nodes, e.to)) break;
            clients.push(clientSpec(ctx, fromNode, e));
            targeted.add(e.to);
            break;
          }
          case 'request':
          case 'write': {
            const fromNode = nodes.get(e.from);
            if (fromNode?.kind === 'client' && to) {
              clients.push(clientSpec(ctx, fromNode, e));
              targeted.add(e.to);
            } else if (from && to) {
              if (e.kind === 'write' || to.kind === 'database') from.writes.push({ service: e.to, store: -1, type: rowType(e), edge: e.id });
              else from.calls.push({ service: e.to, edge: e.id });
              targeted.add(e.to);
            } else if (from) {
              // A store family's node (a database): the write is a transaction on it.
              const store = ctx.storeAt(e.to);
              if (store >= 0) from.writes.push({ service: e.to, store, type: rowType(e), edge: e.id });
            }
            break;
          }
          default:
            break;
        }
      }

      impliedProducers(ctx, services);

      // Where requests start: services nobody calls or feeds get an implicit client, or generate events themselves.
      for (const s of services) {
        if (s.kind !== 'service' || targeted.has(s.node) || s.consumes.length > 0) continue;
        if (s.calls.length === 0 && s.writes.length === 0 && s.publishes.length === 0) continue;
        if (s.calls.length === 0 && s.writes.length === 0) s.origin = 'source';
        else {
          s.origin = 'client';
          clients.push({ node: `${s.node}·users`, implicit: true, target: s.node, edge: '', rate: s.rate, poisson: s.poisson, key: s.key, startUs: s.startUs });
        }
      }
    },

    settle() {
      // Retry topics named by consumers, hosted beside what they read (created if not drawn), and read by the same
      // service in its own group, as Spring Kafka's @RetryableTopic does.
      for (const s of services) {
        const near = s.consumes.length > 0 ? s.consumes[0]! : -1;
        for (const stage of retryStages.get(s) ?? []) {
          const dest = ctx.deadLetter(stage.topic, near);
          s.handling.retryTopics.push(dest);
          s.handling.retryDelaysUs.push(stage.delayUs);
          if (!s.consumes.includes(dest)) {
            s.consumes.push(dest);
            s.consumeEdges.push('');
          }
        }
      }
      // Dead-letter destinations named by consumers, hosted beside what they read.
      for (const s of services) {
        const name = dlqNames.get(s);
        if (name) s.handling.dlq = ctx.deadLetter(name, s.consumes.length > 0 ? s.consumes[0]! : -1);
      }
    },
  };
}

/**
 * A topic drawn with its records in its partitions (seed 003: `Offset 0: OrderPlaced`, ...) and read by a group, but
 * written by nothing drawn, gets the producer the drawing implies: `order-events·producer`, a publish-only service
 * with the default rate that writes, per order key, the records drawn in the first partition in their drawn order
 * (one order's life: OrderPlaced, OrderConfirmed, OrderShipped). Keyed, so each order's records share a partition and
 * keep their order, as the seed says. A topic anything drawn writes to (a service, a relay) gets none.
 */
function impliedProducers(ctx: ResolveContext, services: ServiceSpec[]): void {
  const { t, d } = ctx;
  const topicOf = (groupId: string | undefined): TopologyGroup | undefined => {
    for (let g = groupId ? ctx.groups.get(groupId) : undefined; g; g = g.parent ? ctx.groups.get(g.parent) : undefined) {
      if (g.kind === 'topic') return g;
    }
    return undefined;
  };
  const inTopic = (id: string, topic: TopologyGroup) => topicOf(ctx.nodes.get(id)?.group ?? (ctx.groups.has(id) ? id : undefined)) === topic;
  const published = new Set(services.flatMap((s) => s.publishes.map((p) => p.destination)));
  const done = new Set<number>();
  for (const e of t.edges) {
    if (e.kind !== 'subscribe') continue;
    const topic = topicOf(ctx.groups.has(e.from) ? e.from : ctx.nodes.get(e.from)?.group);
    if (!topic || inTopic(e.to, topic)) continue;
    // Records drawn in the topic, partition by partition as the text orders them.
    const records = t.nodes.filter((n) => n.kind === 'event' && topicOf(n.group) === topic);
    if (records.length === 0) continue;
    if (t.edges.some((x) => inTopic(x.to, topic) && !inTopic(x.from, topic))) continue;
    for (const di of ctx.destinationsAt(e.from, e, 'all')) {
      if (published.has(di) || done.has(di)) continue;
      done.add(di);
      const first = records.filter((n) => n.group === records[0]!.group);
      const types = [...new Set(first.map((n) => n.label.replace(/^[^:]*:\s*/, '').trim()).filter((x) => /^[A-Za-z][\w.]*$/.test(x)))];
      const name = topic.name ?? topic.id;
      const v = readLayered([{ target: `${name}·producer`, raw: {} }], ctx.serviceScopes);
      const clients = ctx.clientSettings(`${name}·producer`, v);
      services.push({
        node: `${name}·producer`, label: `implied producer of ${name}`, kind: 'service', instances: 1,
        config: serviceConfig(v), handling: handlingConfig(v), clients,
        sourceTickUs: Math.max(100, Math.min(ctx.batchingUs(clients), 1000)), group: `${name}·producer`,
        calls: [], writes: [], consumes: [], consumeEdges: [], origin: null,
        publishes: (types.length > 0 ? types : ['OrderPlaced']).map((type) => ({ destination: di, type, edge: '' })),
        rate: v['rate'] as number, poisson: v['arrivals'] === 'poisson', key: { name: 'order', count: v['keys'] as number },
        tombstones: 0, startUs: 0,
      });
      published.add(di);
      d.add(topic.span, `nothing drawn writes to ${name}: an implied producer writes ${types.join(', ') || 'OrderPlaced'} per order key at the default rate (draw a producer to set your own)`, 'info');
    }
  }
}

function serviceSpec(ctx: ResolveContext, n: TopologyNode): { spec: ServiceSpec; dlq?: string; retry: Stage[] } {
  const { t } = ctx;
  const raw = rawSettings(t, n.id);
  const v = readLayered([{ target: n.id, raw }], ctx.serviceScopes);
  const clients = ctx.clientSettings(n.id, v);
  const spec: ServiceSpec = {
    node: n.id,
    label: n.label,
    kind: STORE_KINDS.has(n.kind) ? 'database' : 'service',
    instances: v['instances'] as number,
    config: serviceConfig(v),
    handling: handlingConfig(v),
    clients,
    sourceTickUs: Math.max(100, Math.min(ctx.batchingUs(clients), 1000)),
    group: (v['group.id'] as string) || n.consumerGroup || n.id,
    calls: [],
    writes: [],
    publishes: [],
    consumes: [],
    consumeEdges: [],
    origin: null,
    rate: v['rate'] as number,
    poisson: v['arrivals'] === 'poisson',
    key: keySpec(v['key'] as string, v['keys'] as number),
    tombstones: v['tombstones'] as number,
    startUs: Math.round((v['start'] as number) * 1000),
  };
  const stages = parseStages(v['retry.topics'] as string);
  return { spec, dlq: (v['dlq'] as string) || undefined, retry: typeof stages === 'string' ? [] : stages };
}

function clientSpec(ctx: ResolveContext, n: TopologyNode, e: TopologyEdge): ClientSpec {
  const raw = rawSettings(ctx.t, n.id);
  const v = readLayered([{ target: n.id, raw }], ['service']);
  return { node: n.id, implicit: false, target: e.to, edge: e.id, rate: v['rate'] as number, poisson: v['arrivals'] === 'poisson', key: keySpec(v['key'] as string, v['keys'] as number), startUs: Math.round((v['start'] as number) * 1000) };
}

/** A read model an event store's projection maintains (or the projection itself, subscribed to a store). */
function readsEventStore(t: Topology, nodes: Map<string, TopologyNode>, id: string): boolean {
  const fromStore = (n: string) => t.edges.some((e) => e.to === n && e.kind === 'subscribe' && nodes.get(e.from)?.kind === 'eventstore');
  return fromStore(id) || t.edges.some((e) => e.to === id && e.kind === 'write' && nodes.get(e.from)?.kind === 'projection' && fromStore(e.from));
}

/** `key=customerId` over `keys=1000` gives keys customer-1 .. customer-1000; `none` gives null keys. */
function keySpec(key: string, count: number): { name: string; count: number } | null {
  if (!key || key === 'none' || key === 'null') return null;
  const name = key.replace(/(?:_?id|Id|ID)$/, '') || key;
  return { name, count };
}

/** What a write's rows are called: the edge's label (`INSERT order`), or `row`. */
function rowType(e: TopologyEdge): string {
  return (e.label ?? '').replace(/^\s*\d+\.\s*/, '').trim() || 'row';
}

/** The event type an edge carries: its label when it names an event, else the service's `event` setting. */
function eventType(t: Topology, e: TopologyEdge, n: TopologyNode): string {
  const label = (e.label ?? '').replace(/^\s*\d+\.\s*/, '').trim();
  if (/^[A-Z][A-Za-z0-9]*(Event|ed)$/.test(label)) return label;
  const configured = rawSettings(t, n.id)['event'];
  if (configured) return configured;
  return `${n.id.replace(/(Service|Async|Sync)+$/g, '')}Event`;
}

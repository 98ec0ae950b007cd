/**
 * Event sourcing and CQRS as a component family: event stores (a store of the port: a command handler's write is a
 * load, a decision and an append with an expected version), projections that read a store with catch-up
 * subscriptions and maintain read models, and clients that read a read model back after writing. Projections and
 * read models run as applications (the applications family gives them instances and crashes); this family gives
 * them their subscription, their rows and their lag. Faults: a store crashes (what was in flight is gone, its events
 * stay), restarts, and is slowed.
 */
import type { Family } from '../family.ts';
import type { Store } from '../messaging/port.ts';
import { ACKED, addMessage, typeId } from '../history/messages.ts';
import { keyId } from '../history/keys.ts';
import { addPlace } from '../messaging/state.ts';
import { addHost } from '../sim/network.ts';
import { stream } from '../sim/random.ts';
import { kindsOf } from '../topology/kinds.ts';
import type { World } from '../world.ts';
import * as commands from './commands.ts';
import { crashStore, restartStore, transact } from './commands.ts';
import { aggregateDetail, eventSourcingFacts, eventStoreDetail } from './facts.ts';
import { eventStoresLive } from './live.ts';
import { createEventStorePart, type EventStore } from './part.ts';
import * as reads from './reads.ts';
import { resolveEventStores } from './resolve.ts';
import * as subscriptions from './subscriptions.ts';
import { applyInline, readModelLag, rebuildProjection, startProjection } from './subscriptions.ts';

/** The events a drawing shows already in a store: appended before the run starts, one stream in drawn order. */
function holdDrawn(w: World, es: EventStore, drawn: { key: string; types: string[] }): void {
  const key = keyId(w.keys, drawn.key);
  const stream = { key, events: [] as number[], snapshot: null };
  for (const type of drawn.types) {
    stream.events.push(es.log.length);
    es.log.push(addMessage(w.messages, key, typeId(w.messages, type), es.place, 0, 0, ACKED));
    es.appendedAt.push(0);
    es.versions.push(1);
  }
  es.streams.set(key, stream);
}

const find = (w: World, name: string) => w.parts.eventstore.stores.find((s) => s.node === name);

export const eventstore: Store = {
  name: 'eventstore',
  kinds: kindsOf('eventstore'),
  modules: [commands, subscriptions, reads],
  createPart: createEventStorePart,
  resolve: resolveEventStores,
  // A projection runs as an application (the applications family owns its node); its rebuild is this family's.
  performs: ['rebuild'],

  perform(w, f) {
    if (f.action !== 'rebuild') return undefined;
    const p = w.parts.eventstore;
    const e = p.engines.find((x) => x.node === f.target) ?? p.engines.find((x) => x.readModels.some((ri) => p.readModels[ri]!.node === f.target));
    if (!e) return `!${f.target} is not a projection of an event store: only a projection (or one of its read models) can be rebuilt`;
    return rebuildProjection(w, e);
  },

  build(w, spec) {
    const p = w.parts.eventstore;
    const apps = w.parts.apps;
    for (const h of spec.eventstore.handlers) p.handlers.set(h.service, { version: h.version, upgradeAtUs: h.upgradeAtUs, upcast: h.upcast });
    spec.eventstore.stores.forEach((ss, i) => {
      const es: EventStore = {
        id: i, node: ss.node, host: addHost(w.net, ss.node, 3800 + i), destination: ss.destination, place: addPlace(w.msg, 'eventstore', ss.destination, ss.node),
        config: ss.config, alive: true, life: 0, slowUs: 0, log: [], appendedAt: [], versions: [], streams: new Map(), rng: stream(w.seed, `eventstore:${ss.node}`),
        stats: { commands: 0, appends: 0, conflicts: 0, retries: 0, rejected: 0, snapshots: 0, loads: 0, replayed: 0, replayedWithout: 0, upcast: 0, unreadable: 0 },
      };
      p.stores.push(es);
      p.storeOf[ss.destination] = i;
      if (ss.drawn) holdDrawn(w, es, ss.drawn);
    });
    for (const ps of spec.eventstore.projections) {
      const inst = apps.services[ps.service]!.instances[0]!;
      const id = p.engines.length;
      const readModels = ps.readModels.map((m) => {
        const rm = {
          id: p.readModels.length, node: m.node, engine: id, host: apps.instances[apps.services[m.service]!.instances[0]!]!.host, rows: new Map(), appliedTo: 0, times: new Map(),
          staleReads: 0, reads: 0, rywViolations: 0, firstViolation: null, edges: [ps.edge, m.edge] as [string, string],
        };
        p.readModels.push(rm);
        return rm.id;
      });
      p.engines.push({
        id, node: ps.node, store: ps.store, instance: inst, life: apps.instances[inst]!.life, position: 0, checkpoint: 0, handleUs: ps.handleUs,
        checkpointEvery: ps.checkpointEvery, dedupe: ps.dedupe, inline: ps.inline, readModels, busy: false, cycle: 0, busySince: 0, page: [], pageAt: 0,
        stats: { applied: 0, skipped: 0, checkpoints: 0, rewinds: 0, reapplied: 0, rebuilds: 0 },
      });
    }
    for (const rs of spec.eventstore.readers) {
      const client = apps.clients.find((c) => c.node === rs.client);
      const rm = p.readModels.find((m) => m.node === rs.readModel);
      if (!client || !rm) continue;
      p.readers.push({ id: p.readers.length, client: rs.client, host: client.host, readModel: rm.id, afterUs: rs.afterUs, edge: rs.edge, writers: new Map(rs.writers) });
    }
  },

  start(w) {
    for (const e of w.parts.eventstore.engines) if (!e.inline) startProjection(w, e);
    // An inline projection starts with what the store already holds (a drawn log).
    for (const e of w.parts.eventstore.engines) if (e.inline) applyInline(w, e);
  },

  transact,

  target(w, name) {
    const es = find(w, name);
    return es ? { family: 'eventstore', label: es.node, ref: { type: 'eventstore', ids: [es.id] } } : undefined;
  },

  hosts(w, t) {
    return [w.parts.eventstore.stores[t.ref.ids[0]!]!.host];
  },

  act(w, t, f) {
    const es = w.parts.eventstore.stores[t.ref.ids[0]!]!;
    switch (f.action) {
      case 'crash':
        if (!es.alive) return `!${es.node} is already down`;
        crashStore(w, es);
        return `crashed ${es.node}: appends in flight are lost, its ${es.log.length} events stay`;
      case 'restart':
        if (es.alive) return `!${es.node} is running`;
        restartStore(w, es);
        return `restarted ${es.node}`;
      case 'slow':
        es.slowUs = f.byUs;
        return `${es.node} takes ${f.byUs / 1000} ms longer per load and append`;
      default:
        return `!${f.action} cannot be applied to an event store (${es.node}): crash, restart and slow can`;
    }
  },

  live: (w, out) => eventStoresLive(w, out),

  summary(w) {
    const p = w.parts.eventstore;
    if (p.stores.length === 0) return '';
    const lines = p.stores.map((es) => {
      const st = es.stats;
      const versions = st.upcast + st.unreadable > 0 ? `; ${st.upcast} older events upcast on load, ${st.unreadable} commands failed on an unreadable event version` : '';
      return `event store ${es.node}: ${es.log.length} events in ${es.streams.size} streams, ${st.appends} appends, ${st.conflicts} conflicts (${st.retries} retried, ${st.rejected} commands rejected), ${st.snapshots} snapshots; loads replayed ${st.replayed} events (${st.replayedWithout} without snapshots)${versions}`;
    });
    for (const rm of p.readModels) {
      const lag = readModelLag(w, rm);
      const e = p.engines[rm.engine]!;
      lines.push(`read model ${rm.node} (projection ${e.node}): position ${rm.appliedTo}, lag ${lag.events} events / ${lag.ms.toFixed(1)} ms, ${rm.staleReads} stale reads`);
    }
    const f = eventSourcingFacts(w);
    lines.push(`reads after writes: ${f.reads}, stale ${f.staleReads}, read-your-writes violations ${f.rywViolations}; events counted twice ${f.doubleCounted.length}`);
    for (const s of f.examples.slice(0, 3)) {
      lines.push(`  ${s.ownWrite ? 'read-your-writes violation' : 'stale read'}: ${s.client} read ${s.readModel} without event #${s.event} (request #${s.correlation}): ${s.lagEvents} ${s.lagEvents === 1 ? 'event' : 'events'}, ${s.lagMs.toFixed(1)} ms behind`);
    }
    for (const d of f.doubleCounted.slice(0, 3)) lines.push(`  counted twice: event #${d.event} (${d.stream}) applied ${d.times} times to ${d.readModel}: the projection is not idempotent`);
    return lines.join('\n  ');
  },

  inspect: {
    eventstore: (w, id) => eventStoreDetail(w, id),
    aggregate: (w, key) => aggregateDetail(w, key),
    // The checker's verdict (stale reads, read-your-writes violations, double counts), for reports and goals.
    consistency: (w) => eventSourcingFacts(w),
  },

  holds(w, mark) {
    // Events are never deleted: everything appended is held.
    for (const es of w.parts.eventstore.stores) for (const id of es.log) mark(id);
  },

  reconfigure(w, _from, spec) {
    const p = w.parts.eventstore;
    if (spec.eventstore.stores.length !== p.stores.length || spec.eventstore.projections.length !== p.engines.length) return 'the event stores or projections changed';
    const switched = spec.eventstore.projections.find((ps, i) => p.engines[i]!.inline !== ps.inline);
    if (switched) return `${switched.node} changed between inline and async`;
    spec.eventstore.stores.forEach((ss, i) => (p.stores[i]!.config = ss.config));
    spec.eventstore.projections.forEach((ps, i) => {
      const e = p.engines[i]!;
      e.handleUs = ps.handleUs;
      e.checkpointEvery = ps.checkpointEvery;
      e.dedupe = ps.dedupe;
    });
    return null;
  },

  hash(w, mix) {
    const p = w.parts.eventstore;
    for (const es of p.stores) {
      mix(es.alive ? 1 : 0);
      mix(es.log.length);
      mix(es.stats.conflicts);
    }
    for (const e of p.engines) {
      mix(e.position);
      mix(e.checkpoint);
    }
    for (const rm of p.readModels) mix(rm.appliedTo);
  },
} satisfies Family & Store;

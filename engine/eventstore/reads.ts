/**
 * A client that writes and then reads through a read model (CLIENT -->|PlaceOrder| CMD, CLIENT -->|GetOrders| RM1):
 * once its command's events are appended, it hears so (the answer travels back through every service its request
 * went through: one hop from the store per call deep) and reads the read model `read.after.ms` later. The read
 * model is eventually consistent (it lags the store by what its projection has yet to apply), so the read can miss
 * the client's own write: a read-your-writes violation, recorded with the ids and the lag that caused it.
 * Simplified: the answer's hops are timed as if each were the link between the store and the client.
 */
import { record } from '../history/trace.ts';
import { countEdge } from '../metrics/metrics.ts';
import { at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import { hop } from './commands.ts';
import { EE } from './events.ts';
import type { EventStore } from './part.ts';
import { readModelLag } from './subscriptions.ts';
import { ET } from './trace.ts';

/** Examples kept (every read is counted). */
const KEEP = 200;

/** After an append at `position` by service `app`: every client that reads back what that service writes reads. */
export function afterCommit(w: World, es: EventStore, app: number, position: number, correlation: number): void {
  const p = w.parts.eventstore;
  for (const r of p.readers) {
    const hops = r.writers.get(app);
    if (hops === undefined || p.engines[p.readModels[r.readModel]!.engine]!.store !== es.id) continue;
    let t = w.now;
    for (let i = 0; i <= hops && t >= 0; i++) t = arrival(w.net, t, es.host, r.host);
    if (t < 0) continue;
    const id = nextId(w);
    p.reads.set(id, { reader: r.id, position, event: es.log[position]!, correlation });
    at(w, t + r.afterUs, EE.readStart, id, 0);
  }
}

on<World>(EE.readStart, 'client reads its write', (w, id) => {
  const p = w.parts.eventstore;
  const read = p.reads.get(id);
  if (!read) return;
  const r = p.readers[read.reader]!;
  if (hop(w, r.host, p.readModels[r.readModel]!.host, EE.readArrive, id, 0)) return;
  p.reads.delete(id);
  p.stats.failedReads++;
}, { hop: true });

on<World>(EE.readArrive, 'read reaches the read model', (w, id) => {
  const p = w.parts.eventstore;
  const read = p.reads.get(id)!;
  p.reads.delete(id);
  const r = p.readers[read.reader]!;
  const rm = p.readModels[r.readModel]!;
  p.stats.reads++;
  rm.reads++;
  countEdge(w.metrics, r.edge, 1);
  const lag = readModelLag(w, rm);
  if (lag.events === 0) return;
  const ownWrite = !rm.times.has(read.position);
  p.staleReads++;
  rm.staleReads++;
  record(w.trace, w.now, ET.staleRead, rm.host, -1, read.event, lag.events, Math.round(lag.ms * 1000));
  const example = { read: id, client: r.client, readModel: rm.node, event: read.event, position: read.position, correlation: read.correlation, at: w.now, ownWrite, lagEvents: lag.events, lagMs: lag.ms };
  if (ownWrite) {
    p.rywViolations++;
    rm.rywViolations++;
    rm.firstViolation ??= example;
  }
  if (p.stale.length < KEEP) p.stale.push(example);
}, { hop: true });

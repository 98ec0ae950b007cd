/**
 * The consumer's fetcher: one fetch at a time to each partition leader, its answers buffered for poll(), and the
 * metadata it needs to find leaders. Every retry waits as the Java client does: a broker whose connection failed is
 * left alone for `reconnect.backoff.ms`, doubling to `reconnect.backoff.max.ms`, and a metadata refresh that brought
 * nothing new is retried after `retry.backoff.ms`, doubling to `retry.backoff.max.ms` (KIP-580), so a dead leader
 * or coordinator costs a few events a second, not a storm.
 */
import { T } from '../history/kinds.ts';
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { countEdge } from '../metrics/metrics.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import { backoffUs, RECONNECT_BACKOFF_MAX_US, RECONNECT_BACKOFF_US, RETRY_BACKOFF_MAX_US, RETRY_BACKOFF_US } from './backoff.ts';
import type { Consumer } from './clientTypes.ts';
import { EARLIEST, LATEST, poll, REQUEST_TIMEOUT_US } from './consumer.ts';
import { NONE, NOT_LEADER_OR_FOLLOWER, OFFSET_OUT_OF_RANGE } from './errors.ts';
import type { FetchRequest } from './fetch.ts';
import { leaderAt } from './metadata.ts';

/** Sends a fetch to every leader of owned partitions that have nothing buffered and no fetch in flight. */
export function fetchMore(w: World, c: Consumer): void {
  if (!c.alive) return;
  // The partitions to fetch, grouped by leader in the order the leaders first appear (one request per broker). Most
  // calls find nothing to fetch, and a consumer reads from a few brokers: plain arrays, made only when needed, spare
  // the hot path a Map per call (a fifth of a large run's garbage).
  let brokers: number[] | undefined;
  let lists: number[][] | undefined;
  for (const p of c.assigned) {
    if (c.buffer.has(p) || (c.blockedUntil.get(p) ?? 0) === Infinity) continue;
    const leader = leaderAt(w.parts.kafka.partitions[p]!, c.metaVersion);
    if (leader < 0 || c.fetching.has(leader) || (c.reconnectAt.get(leader) ?? 0) > w.now) continue;
    if (!brokers || !lists) {
      brokers = [];
      lists = [];
    }
    const k = brokers.indexOf(leader);
    if (k < 0) {
      brokers.push(leader);
      lists.push([p]);
    } else lists[k]!.push(p);
  }
  if (!brokers || !lists) return;
  for (let k = 0; k < brokers.length; k++) {
    const broker = brokers[k]!;
    const parts = lists[k]!;
    const id = nextId(w);
    const req: FetchRequest = {
      id,
      consumer: c.id,
      consumerLife: c.life,
      broker,
      partitions: parts,
      offsets: parts.map((p) => c.fetchPosition.get(p)!),
      maxRecords: c.config.fetchRecords,
      waitUs: c.config.fetchWaitUs,
      parked: false,
      codes: [],
      ids: [],
      recordOffsets: [],
      resolved: [],
      highWatermarks: [],
      logStart: [],
      logEnd: [],
      readCommitted: c.config.readCommitted,
    };
    w.parts.kafka.fetchRequests.set(id, req);
    c.fetching.add(broker);
    const bhost = w.parts.kafka.brokers[broker]!.host;
    const t = arrival(w.net, w.now, c.host, bhost);
    if (t >= 0) at(w, t, KE.fetchArrive, broker, id);
    const refused = t < 0 ? refusedAt(w.net, w.now, c.host, bhost) : -1;
    // A dead broker refuses the connection at once; otherwise only the request timeout tells.
    at(w, refused >= 0 ? refused : w.now + REQUEST_TIMEOUT_US, KE.fetchTimeout, c.id, id);
  }
}

on<World>(KE.fetchResponse, 'fetch answer', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  const req = w.parts.kafka.fetchRequests.get(id);
  w.parts.kafka.fetchRequests.delete(id);
  if (!req || !c.alive || req.consumerLife !== c.life) return;
  c.fetching.delete(req.broker);
  c.connectFailures.delete(req.broker);
  c.reconnectAt.delete(req.broker);
  let refresh = false;
  for (let i = 0; i < req.partitions.length; i++) {
    const p = req.partitions[i]!;
    if (!c.assigned.includes(p) || c.fetchPosition.get(p) !== req.offsets[i]) continue;
    const code = req.codes[i];
    if (code === NONE && req.offsets[i]! < 0) {
      // A reset marker the broker resolved (the ListOffsets round trip, folded into the fetch).
      c.fetchPosition.set(p, req.resolved[i]!);
      if (c.position.get(p)! < 0) c.position.set(p, req.resolved[i]!);
      const g = w.parts.kafka.groups[c.group]!;
      if (!g.since.has(p)) g.since.set(p, { offset: req.resolved[i]!, at: w.now });
      else g.resetTo.set(p, Math.max(g.resetTo.get(p) ?? 0, req.resolved[i]!));
    }
    if (code === NOT_LEADER_OR_FOLLOWER) refresh = true;
    else if (code === OFFSET_OUT_OF_RANGE) {
      // The position fell out of the log (retention, or a truncation): auto.offset.reset applies (C15).
      const to = c.config.reset === 'earliest' ? EARLIEST : c.config.reset === 'latest' ? LATEST : -3;
      if (to === -3) c.blockedUntil.set(p, Infinity);
      else {
        c.fetchPosition.set(p, to);
        c.position.set(p, to);
      }
      record(w.trace, w.now, T.error, c.host, p, OFFSET_OUT_OF_RANGE, req.offsets[i]!, c.group);
    } else if (code === NONE && req.ids[i]!.length > 0) {
      const ids = req.ids[i]!;
      const offs = req.recordOffsets[i] ?? null;
      const base = req.resolved[i]!;
      c.buffer.set(p, { ids, offsets: offs, base, head: 0 });
      const first = offs ? offs[0]! : base;
      c.fetchPosition.set(p, (offs ? offs[offs.length - 1]! : base + ids.length - 1) + 1);
      // A transactional log: markers (and, read_committed, aborted records) after the last record are passed too.
      if (req.next?.[i] !== undefined) c.fetchPosition.set(p, req.next[i]!);
      w.metrics.delivered += ids.length;
      countEdge(w.metrics, c.edges.get(w.parts.kafka.topics[w.parts.kafka.partitions[p]!.topic]!.destination) ?? '', ids.length);
      record(w.trace, w.now, KT.deliver, c.host, p, first, ids.length, c.group);
    } else if (code === NONE && req.next?.[i] !== undefined && req.next[i]! > req.resolved[i]!) {
      // Only markers or skipped aborted records: nothing for the application, but the position moves past them
      // (the consumer's position after a control record is the next offset, semantics K20).
      const from = req.resolved[i]!;
      c.fetchPosition.set(p, req.next[i]!);
      if (c.position.get(p) === from) c.position.set(p, req.next[i]!);
    }
  }
  if (refresh) refreshConsumerMetadata(w, c);
  poll(w, c);
  fetchMore(w, c);
}, { hop: true });

on<World>(KE.fetchTimeout, 'fetch times out', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  const req = w.parts.kafka.fetchRequests.get(id);
  if (!req) return;
  // The request ends here whoever sent it: one from before a consumer crash is freed too, not kept forever.
  w.parts.kafka.fetchRequests.delete(id);
  if (req.consumerLife !== c.life) return;
  c.fetching.delete(req.broker);
  // The connection failed (refused, or the request timed out and the client disconnected): reconnect after a
  // backoff (NetworkClient, ClusterConnectionStates).
  const failures = (c.connectFailures.get(req.broker) ?? 0) + 1;
  c.connectFailures.set(req.broker, failures);
  const wait = backoffUs(failures, RECONNECT_BACKOFF_US, RECONNECT_BACKOFF_MAX_US, c.rng);
  c.reconnectAt.set(req.broker, w.now + wait);
  after(w, wait, KE.fetchRetry, c.id, c.life);
  refreshConsumerMetadata(w, c);
  fetchMore(w, c);
}, {
  // Answered. (A request of an earlier life is not dead: firing frees it.)
  dead: (w, _cid, id) => !w.parts.kafka.fetchRequests.has(id),
});

on<World>(KE.fetchRetry, 'reconnect backoff over', (w, cid, life) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (c.alive && c.life === life) fetchMore(w, c);
});

/**
 * The consumer asks a reachable broker for the newest metadata (one round trip, folded into a delay). One request
 * at a time; after one that brought nothing new it waits a backoff first.
 */
export function refreshConsumerMetadata(w: World, c: Consumer): void {
  if (c.metadataInflight || !c.alive) return;
  c.metadataInflight = true;
  const wait = c.metadataFailures > 0 ? backoffUs(c.metadataFailures, RETRY_BACKOFF_US, RETRY_BACKOFF_MAX_US, c.rng) : 0;
  const start = w.now + wait;
  const cl = w.parts.kafka.clusters[c.cluster]!;
  for (const bid of cl.brokers) {
    const b = w.parts.kafka.brokers[bid]!;
    const t1 = arrival(w.net, start, c.host, b.host);
    if (t1 < 0) continue;
    const t2 = arrival(w.net, t1, b.host, c.host);
    if (t2 < 0) continue;
    at(w, t2, KE.consumerMetadata, c.id, b.metaVersion);
    return;
  }
  at(w, start + RETRY_BACKOFF_MAX_US, KE.consumerMetadata, c.id, c.metaVersion);
}

on<World>(KE.consumerMetadata, 'consumer metadata', (w, cid, version) => {
  const c = w.parts.kafka.consumers[cid]!;
  c.metadataInflight = false;
  if (!c.alive) return;
  if (version > c.metaVersion) {
    c.metaVersion = version;
    c.metadataFailures = 0;
  } else c.metadataFailures++;
  const stillUnknown = c.assigned.some((p) => leaderAt(w.parts.kafka.partitions[p]!, c.metaVersion) < 0);
  fetchMore(w, c);
  if (stillUnknown) refreshConsumerMetadata(w, c);
});

/**
 * The consumer client: join the group, fetch from partition leaders (prefetching while the application works),
 * hand out at most max.poll.records per poll, and commit: automatically every auto.commit.interval.ms inside poll,
 * or synchronously before or after processing. Where the commit sits decides what a crash costs: records processed
 * but not committed come again (at-least-once, C8, C11); records committed but not processed never do
 * (at-most-once, C10).
 */
import { E } from '../events.ts';
import { record, T } from '../history/trace.ts';
import { countEdge } from '../metrics/metrics.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import type { Consumer, Group, Work } from './clientTypes.ts';
import { ILLEGAL_GENERATION, NONE, NOT_LEADER_OR_FOLLOWER, OFFSET_OUT_OF_RANGE, REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID } from './errors.ts';
import type { FetchRequest } from './fetch.ts';
import { toCoordinator } from './group.ts';
import { leaderAt } from './metadata.ts';
import { startWork } from './processing.ts';

/** Marker positions: reset to the log end (latest) or start (earliest) on the next fetch. */
export const LATEST = -1;
export const EARLIEST = -2;

const REQUEST_TIMEOUT_US = 30_000_000;

export function startConsumer(w: World, c: Consumer): void {
  c.alive = true;
  c.lastPollAt = w.now;
  if (c.metaVersion === 0) refreshConsumerMetadata(w, c);
  join(w, c);
  after(w, c.config.heartbeatUs, E.consumerHeartbeat, c.id, c.life);
  if (c.config.autoCommit) after(w, c.config.autoCommitUs, E.autoCommit, c.id, c.life);
}

function group(w: World, c: Consumer): Group {
  return w.groups[c.group]!;
}

/** Sends JoinGroup; eager members give up their partitions first (stop-the-world, semantics C4). */
export function join(w: World, c: Consumer): void {
  if (!c.alive || c.joining) return;
  const eager = c.config.strategy !== 'cooperative-sticky';
  if (eager && c.assigned.length > 0) {
    if (c.config.autoCommit) commit(w, c, false);
    revoke(w, c, c.assigned);
  }
  c.joining = true;
  const id = toCoordinator(w, group(w, c), c.host, {
    type: 'join',
    consumer: c.id,
    life: c.life,
    memberId: c.memberId,
    instanceId: c.config.instanceId,
    owned: eager ? [] : [...c.assigned],
    sessionUs: c.config.sessionUs,
    rebalanceUs: c.config.maxPollUs,
  }, E.joinArrive);
  // No answer (coordinator unreachable, or lost): try again later.
  c.joinSeq++;
  after(w, id < 0 ? 1_000_000 : c.config.maxPollUs + REQUEST_TIMEOUT_US, E.joinTimeout, c.id, c.joinSeq);
}

on<World>(E.joinTimeout, 'JoinGroup unanswered', (w, cid, seq) => {
  const c = w.consumers[cid]!;
  if (!c.alive || !c.joining || c.joinSeq !== seq) return;
  c.joining = false;
  join(w, c);
});

on<World>(E.joinResponse, 'JoinGroup answer', (w, cid, id) => {
  const c = w.consumers[cid]!;
  const a = w.groupAnswers.get(id);
  w.groupAnswers.delete(id);
  if (!a || !c.alive) return;
  c.joining = false;
  c.memberId = a.memberId;
  c.generation = a.generation;
  const next = new Set(a.partitions);
  const revoked = c.assigned.filter((p) => !next.has(p));
  if (revoked.length > 0) {
    if (c.config.autoCommit) commit(w, c, false, revoked);
    revoke(w, c, revoked);
  }
  a.partitions.forEach((p, i) => {
    if (c.assigned.includes(p)) return;
    c.assigned.push(p);
    const committed = a.committed[i]!;
    const start = committed >= 0 ? committed : c.config.reset === 'earliest' ? EARLIEST : LATEST;
    if (committed < 0 && c.config.reset === 'none') {
      // auto.offset.reset=none with nothing committed: the consumer throws (semantics C14).
      record(w.trace, w.now, T.error, c.host, p, OFFSET_OUT_OF_RANGE, 0, c.group);
      c.blockedUntil.set(p, Infinity);
    }
    c.position.set(p, start);
    c.fetchPosition.set(p, start);
  });
  // Cooperative: partitions given up must be assigned to their new owner in a follow-up round (KIP-429).
  if (revoked.length > 0 && c.config.strategy === 'cooperative-sticky') join(w, c);
  fetchMore(w, c);
  poll(w, c);
});

function revoke(w: World, c: Consumer, parts: number[]): void {
  const gone = new Set(parts);
  c.assigned = c.assigned.filter((p) => !gone.has(p));
  for (const p of parts) {
    c.position.delete(p);
    c.fetchPosition.delete(p);
    c.buffer.delete(p);
    c.blockedUntil.delete(p);
  }
}

on<World>(E.consumerHeartbeat, 'consumer heartbeat', (w, cid, life) => {
  const c = w.consumers[cid]!;
  if (!c.alive || c.life !== life) return;
  after(w, c.config.heartbeatUs, E.consumerHeartbeat, c.id, life);
  // The heartbeat thread leaves the group when the application has not polled for max.poll.interval.ms (C3).
  if (c.work && w.now - c.lastPollAt > c.config.maxPollUs && c.memberId !== '') {
    toCoordinator(w, group(w, c), c.host, { type: 'leave', consumer: c.id, memberId: c.memberId }, E.leaveArrive);
    c.memberId = '';
    c.generation = -1;
    return;
  }
  if (c.memberId === '' || c.joining) return;
  toCoordinator(w, group(w, c), c.host, { type: 'heartbeat', consumer: c.id, life, memberId: c.memberId, generation: c.generation }, E.groupHeartbeatArrive);
});

on<World>(E.heartbeatResponse, 'heartbeat answer', (w, cid, id) => {
  const c = w.consumers[cid]!;
  const a = w.groupAnswers.get(id);
  w.groupAnswers.delete(id);
  if (!a || !c.alive || c.joining) return;
  if (a.code === REBALANCE_IN_PROGRESS || a.code === ILLEGAL_GENERATION) join(w, c);
  else if (a.code === UNKNOWN_MEMBER_ID) {
    c.memberId = '';
    revoke(w, c, c.assigned);
    join(w, c);
  }
});

on<World>(E.autoCommit, 'auto-commit interval', (w, cid, life) => {
  const c = w.consumers[cid]!;
  if (!c.alive || c.life !== life) return;
  after(w, c.config.autoCommitUs, E.autoCommit, c.id, life);
  // Auto-commit runs inside poll(): it commits what earlier polls returned, all of it processed by now in a
  // single-threaded loop. While the application is busy it waits for the next poll.
  if (!c.work) commit(w, c, false);
  else c.autoCommitDue = true;
});

/** Commits the consumed positions (of `only` partitions, or all); `sync` blocks the poll loop until answered. */
export function commit(w: World, c: Consumer, sync: boolean, only?: number[]): void {
  const offsets: number[] = [];
  for (const p of only ?? c.assigned) {
    const pos = c.position.get(p);
    if (pos !== undefined && pos >= 0) offsets.push(p, pos);
  }
  if (offsets.length === 0 || c.memberId === '') {
    // commitSync outside the group throws CommitFailedException: the member was removed (C3).
    if (sync && offsets.length > 0) record(w.trace, w.now, T.error, c.host, -1, UNKNOWN_MEMBER_ID, 0, c.group);
    if (sync) afterCommit(w, c);
    return;
  }
  const id = toCoordinator(w, group(w, c), c.host, { type: 'commit', consumer: c.id, life: c.life, memberId: c.memberId, generation: c.generation, offsets, sync }, E.commitArrive);
  if (sync) {
    c.committing = true;
    c.commitId = id;
    // commitSync gives up after the request timeout and throws; the loop carries on.
    after(w, id < 0 ? 1_000_000 : REQUEST_TIMEOUT_US, E.commitTimeout, c.id, id);
  }
}

on<World>(E.commitResponse, 'OffsetCommit answer', (w, cid, id) => {
  const c = w.consumers[cid]!;
  const a = w.groupAnswers.get(id);
  w.groupAnswers.delete(id);
  if (!a || !c.alive) return;
  if (a.code !== NONE) {
    // CommitFailedException: this member was removed from the group; what it processed will be redelivered.
    record(w.trace, w.now, T.error, c.host, -1, a.code, 0, c.group);
    if (a.code === UNKNOWN_MEMBER_ID || a.code === ILLEGAL_GENERATION) {
      c.memberId = a.code === UNKNOWN_MEMBER_ID ? '' : c.memberId;
      revoke(w, c, c.assigned);
      join(w, c);
    }
  }
  if (c.committing && c.commitId === id) afterCommit(w, c);
});

function afterCommit(w: World, c: Consumer): void {
  c.committing = false;
  c.commitId = -1;
  if (c.pendingStart) {
    const work = c.pendingStart;
    c.pendingStart = null;
    startWork(w, c, work);
  } else poll(w, c);
}

on<World>(E.commitTimeout, 'commitSync times out', (w, cid, id) => {
  const c = w.consumers[cid]!;
  if (c.alive && c.committing && c.commitId === id) afterCommit(w, c);
});

on<World>(E.poll, 'poll', (w, cid, life) => {
  const c = w.consumers[cid]!;
  if (c.alive && life === c.life) poll(w, c);
});

/**
 * The application's poll loop: commit if due, take up to max.poll.records buffered records, and process them.
 * Does nothing while a batch is being processed or a synchronous commit is in flight.
 */
export function poll(w: World, c: Consumer): void {
  if (!c.alive || c.work || c.committing) return;
  c.lastPollAt = w.now;
  if (c.autoCommitDue) {
    c.autoCommitDue = false;
    commit(w, c, false);
  }
  if (c.memberId === '' && !c.joining) {
    join(w, c);
    return;
  }
  const work = take(w, c);
  fetchMore(w, c);
  if (!work) return;
  if (c.config.commit === 'before') {
    // At-most-once: commit the positions after this batch before touching it (semantics C10).
    c.pendingStart = work;
    commit(w, c, true);
    return;
  }
  startWork(w, c, work);
}

/** Takes up to max.poll.records buffered records, advancing the consumed positions. */
function take(w: World, c: Consumer): Work | null {
  const max = c.config.maxPollRecords;
  const work = c.workBuffer;
  let n = 0;
  const k = c.assigned.length;
  for (let i = 0; i < k && n < max; i++) {
    const p = c.assigned[(i + c.workSeq) % k]!;
    if ((c.blockedUntil.get(p) ?? 0) > w.now) continue;
    const buf = c.buffer.get(p);
    if (!buf) continue;
    const take = Math.min(buf.ids.length - buf.head, max - n);
    const offs = buf.offsets;
    for (let j = 0; j < take; j++) {
      const k = buf.head + j;
      work.partitions[n] = p;
      work.ids[n] = buf.ids[k]!;
      work.offsets[n] = offs ? offs[k]! : buf.base + k;
      n++;
    }
    buf.head += take;
    c.position.set(p, (offs ? offs[buf.head - 1]! : buf.base + buf.head - 1) + 1);
    if (buf.head >= buf.ids.length) c.buffer.delete(p);
  }
  if (n === 0) return null;
  work.count = n;
  work.seq = ++c.workSeq;
  return work;
}

/** Sends a fetch to every leader of owned partitions that have nothing buffered and no fetch in flight. */
export function fetchMore(w: World, c: Consumer): void {
  if (!c.alive) return;
  const byBroker = new Map<number, number[]>();
  for (const p of c.assigned) {
    if (c.buffer.has(p) || (c.blockedUntil.get(p) ?? 0) === Infinity) continue;
    const leader = leaderAt(w.partitions[p]!, c.metaVersion);
    if (leader < 0 || c.fetching.has(leader)) continue;
    const list = byBroker.get(leader) ?? [];
    list.push(p);
    byBroker.set(leader, list);
  }
  for (const [broker, parts] of byBroker) {
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
    };
    w.fetchRequests.set(id, req);
    c.fetching.add(broker);
    const bhost = w.brokers[broker]!.host;
    const t = arrival(w.net, w.now, c.host, bhost);
    if (t >= 0) at(w, t, E.fetchArrive, broker, id);
    const refused = t < 0 ? refusedAt(w.net, w.now, c.host, bhost) : -1;
    // A dead broker refuses the connection at once; otherwise only the request timeout tells.
    at(w, refused >= 0 ? refused : w.now + REQUEST_TIMEOUT_US, E.fetchTimeout, c.id, id);
  }
}

on<World>(E.fetchResponse, 'fetch answer', (w, cid, id) => {
  const c = w.consumers[cid]!;
  const req = w.fetchRequests.get(id);
  w.fetchRequests.delete(id);
  if (!req || !c.alive || req.consumerLife !== c.life) return;
  c.fetching.delete(req.broker);
  let refresh = false;
  for (let i = 0; i < req.partitions.length; i++) {
    const p = req.partitions[i]!;
    if (!c.assigned.includes(p) || c.fetchPosition.get(p) !== req.offsets[i]) continue;
    const code = req.codes[i];
    if (code === NONE && req.offsets[i]! < 0) {
      // A reset marker the broker resolved (the ListOffsets round trip, folded into the fetch).
      c.fetchPosition.set(p, req.resolved[i]!);
      if (c.position.get(p)! < 0) c.position.set(p, req.resolved[i]!);
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
      w.metrics.delivered += ids.length;
      const svc = w.services[c.service]!;
      countEdge(w.metrics, svc.consumeEdges[svc.consumes.indexOf(w.partitions[p]!.topic)] ?? '', ids.length);
      record(w.trace, w.now, T.deliver, c.host, p, first, ids.length, c.group);
    }
  }
  if (refresh) refreshConsumerMetadata(w, c);
  poll(w, c);
  fetchMore(w, c);
});

on<World>(E.fetchTimeout, 'fetch times out', (w, cid, id) => {
  const c = w.consumers[cid]!;
  const req = w.fetchRequests.get(id);
  if (!req) return;
  // The request ends here whoever sent it: one from before a consumer crash is freed too, not kept forever.
  w.fetchRequests.delete(id);
  if (req.consumerLife !== c.life) return;
  c.fetching.delete(req.broker);
  refreshConsumerMetadata(w, c);
  fetchMore(w, c);
});

/** The consumer learns the newest metadata a reachable broker has (one round trip, folded into a delay). */
export function refreshConsumerMetadata(w: World, c: Consumer): void {
  const cl = w.clusters[c.cluster]!;
  for (const bid of cl.brokers) {
    const b = w.brokers[bid]!;
    const t1 = arrival(w.net, w.now, c.host, b.host);
    if (t1 < 0) continue;
    const t2 = arrival(w.net, t1, b.host, c.host);
    if (t2 < 0) continue;
    at(w, t2, E.consumerMetadata, c.id, b.metaVersion);
    return;
  }
  after(w, 1_000_000, E.consumerMetadata, c.id, c.metaVersion);
}

on<World>(E.consumerMetadata, 'consumer metadata', (w, cid, version) => {
  const c = w.consumers[cid]!;
  if (!c.alive) return;
  if (version > c.metaVersion) c.metaVersion = version;
  const stillUnknown = c.assigned.some((p) => leaderAt(w.partitions[p]!, c.metaVersion) < 0);
  fetchMore(w, c);
  if (stillUnknown) refreshConsumerMetadata(w, c);
});

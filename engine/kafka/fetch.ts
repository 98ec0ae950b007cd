/**
 * The broker side of a consumer fetch: read from the leader's log up to the high watermark, or park the request
 * until data arrives or fetch.max.wait.ms passes (long polling). Offsets outside the log answer
 * OFFSET_OUT_OF_RANGE, which sends the consumer to auto.offset.reset (semantics C14, C15).
 */
import { KE } from './events.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import type { World } from '../world.ts';
import { NONE, NOT_LEADER_OR_FOLLOWER, OFFSET_OUT_OF_RANGE } from './errors.ts';
import { copyRange, createReadBuffer } from './log.ts';
import { believesLeader, slotOf } from './metadata.ts';
import { readView, viewEnd } from './replicas.ts';
import type { Partition } from './types.ts';
import { isAborted, lastStableOffset, MARKER } from './txnLog.ts';

export interface FetchRequest {
  id: number;
  consumer: number;
  consumerLife: number;
  broker: number;
  partitions: number[];
  /** Fetch offsets; LATEST (-1) and EARLIEST (-2) ask the broker to resolve auto.offset.reset. */
  offsets: number[];
  /** The offsets actually read from (markers resolved). */
  resolved: number[];
  maxRecords: number;
  waitUs: number;
  parked: boolean;
  /** The answer: per partition an error code, records, and the high watermark. */
  codes: number[];
  ids: Uint32Array[];
  /** Per partition: the records' offsets, or null when they run on from `resolved` without gaps. */
  recordOffsets: (Float64Array | null)[];
  highWatermarks: number[];
  logStart: number[];
  logEnd: number[];
  /** isolation.level=read_committed: read up to the last stable offset, skip aborted records. */
  readCommitted: boolean;
  /**
   * Per partition of a transactional log: the offset after the last one read, markers and skipped records included
   * (the consumer moves past them though it gets nothing for them).
   */
  next?: number[];
}

let scratch = createReadBuffer(4096);
const EMPTY_IDS = new Uint32Array(0);
const EMPTY_OFFSETS = new Float64Array(0);

on<World>(KE.fetchArrive, 'fetch reaches broker', (w, bid, fetchId) => {
  const req = w.parts.kafka.fetchRequests.get(fetchId);
  if (!req || !w.parts.kafka.brokers[bid]!.alive) return;
  if (!fill(w, req) && req.waitUs > 0) {
    req.parked = true;
    for (const pid of req.partitions) w.parts.kafka.partitions[pid]!.parkedFetches.push(fetchId);
    after(w, req.waitUs, KE.fetchParkTimeout, bid, fetchId);
    return;
  }
  send(w, req);
});

on<World>(KE.fetchParkTimeout, 'parked fetch times out', (w, bid, fetchId) => {
  const req = w.parts.kafka.fetchRequests.get(fetchId);
  if (!req || !req.parked) return;
  req.parked = false;
  // A crashed broker answers nothing; its client learns from the reset connection (faults/apply.ts, crashBroker).
  if (!w.parts.kafka.brokers[bid]!.alive) return;
  fill(w, req);
  send(w, req);
});

/** Answers the parked fetches of a partition whose high watermark moved. */
export function wakeFetches(w: World, p: Partition): void {
  if (p.parkedFetches.length === 0) return;
  const parked = p.parkedFetches;
  p.parkedFetches = [];
  for (const id of parked) {
    const req = w.parts.kafka.fetchRequests.get(id);
    if (!req || !req.parked) continue;
    if (fill(w, req)) {
      req.parked = false;
      send(w, req);
    } else {
      p.parkedFetches.push(id);
    }
  }
}

/** A broker that stopped leading answers the fetches parked on it at once. */
export function failParkedFetches(w: World, p: Partition, broker: number): void {
  for (const id of p.parkedFetches) {
    const req = w.parts.kafka.fetchRequests.get(id);
    if (!req || !req.parked || req.broker !== broker) continue;
    req.parked = false;
    fill(w, req);
    send(w, req);
  }
}

/** Reads every partition of the request; true when there is anything to return (records or an error). */
function fill(w: World, req: FetchRequest): boolean {
  const b = w.parts.kafka.brokers[req.broker]!;
  let any = false;
  for (let i = 0; i < req.partitions.length; i++) {
    const p = w.parts.kafka.partitions[req.partitions[i]!]!;
    req.ids[i] = EMPTY_IDS;
    req.recordOffsets[i] = EMPTY_OFFSETS;
    if (!believesLeader(b, p)) {
      req.codes[i] = NOT_LEADER_OR_FOLLOWER;
      any = true;
      continue;
    }
    const slot = slotOf(p, req.broker);
    const end = viewEnd(p, slot);
    const asked = req.offsets[i]!;
    // auto.offset.reset: latest is the high watermark (what read_uncommitted consumers see), earliest the log start.
    // The real client resolves it once, with a ListOffsets answered at once, and fetches from there: a fetch parked
    // waiting for data keeps the offset it resolved first, or what arrives meanwhile would be skipped.
    // A read_committed consumer's latest is the last stable offset (seekToEnd returns the LSO, semantics K19).
    const latest = p.txn && req.readCommitted ? lastStableOffset(p, p.hw[slot]!) : p.hw[slot]!;
    const from = asked === -1 ? (req.resolved[i] ?? latest) : asked === -2 ? p.log.startOffset : asked;
    req.resolved[i] = from;
    req.highWatermarks[i] = p.hw[slot]!;
    req.logStart[i] = p.log.startOffset;
    req.logEnd[i] = end;
    if (from < p.log.startOffset || from > end) {
      req.codes[i] = OFFSET_OUT_OF_RANGE;
      any = true;
      continue;
    }
    req.codes[i] = NONE;
    const hw = p.hw[slot]!;
    if (p.txn) {
      if (fillTransactional(p, slot, req, i, from, hw)) any = true;
      continue;
    }
    // Fast path: a block copy of contiguous offsets in the replica's part of the shared log.
    const fast = hw <= p.matched[slot]! ? copyRange(p.log, from, hw, req.maxRecords) : null;
    if (fast) {
      if (fast.length > 0) {
        req.ids[i] = fast;
        req.recordOffsets[i] = null;
        any = true;
      }
      continue;
    }
    if (scratch.ids.length < req.maxRecords) scratch = createReadBuffer(req.maxRecords);
    readView(p, slot, from, hw, req.maxRecords, scratch);
    if (scratch.count > 0) {
      req.ids[i] = scratch.ids.slice(0, scratch.count);
      req.recordOffsets[i] = scratch.offsets.slice(0, scratch.count);
      any = true;
    }
  }
  return any;
}

/**
 * Reads a partition that holds transactions: up to the LSO for read_committed (the HW otherwise), without markers,
 * and for read_committed without aborted records (KIP-98: the consumer drops them using the aborted-transaction
 * index; here the broker does, to the same effect). True when there is something to return, or offsets to move past.
 */
function fillTransactional(p: Partition, slot: number, req: FetchRequest, i: number, from: number, hw: number): boolean {
  const upTo = req.readCommitted ? lastStableOffset(p, hw) : hw;
  if (scratch.ids.length < req.maxRecords) scratch = createReadBuffer(req.maxRecords);
  readView(p, slot, from, upTo, req.maxRecords, scratch);
  let n = 0;
  for (let j = 0; j < scratch.count; j++) {
    const id = scratch.ids[j]!;
    if (id === MARKER || (req.readCommitted && isAborted(p, scratch.offsets[j]!))) continue;
    scratch.ids[n] = id;
    scratch.offsets[n] = scratch.offsets[j]!;
    n++;
  }
  (req.next ??= [])[i] = scratch.count > 0 ? scratch.offsets[scratch.count - 1]! + 1 : from;
  if (n > 0) {
    req.ids[i] = scratch.ids.slice(0, n);
    req.recordOffsets[i] = scratch.offsets.slice(0, n);
  }
  return n > 0 || (scratch.count > 0 && from < upTo);
}

function send(w: World, req: FetchRequest): void {
  const b = w.parts.kafka.brokers[req.broker]!;
  const t = arrival(w.net, w.now, b.host, w.parts.kafka.consumers[req.consumer]!.host);
  // An answer lost on the way is not forgotten here: the request stays until the consumer's request timeout (or a
  // reset connection) fires, which is what frees the consumer to fetch again.
  if (t >= 0) at(w, t, KE.fetchResponse, req.consumer, req.id);
}

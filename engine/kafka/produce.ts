/**
 * The broker side of a produce request: check leadership and min.insync.replicas, drop idempotent duplicates,
 * append, and answer now (acks=1), never (acks=0) or when the high watermark passes the batch (acks=all).
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import type { ProduceEntry } from './clientTypes.ts';
import { NONE, NOT_ENOUGH_REPLICAS, NOT_LEADER_OR_FOLLOWER, OUT_OF_ORDER_SEQUENCE_NUMBER, PRODUCER_FENCED } from './errors.ts';
import { isFencedEpoch, txnAppended } from './transactions.ts';
import { noteTxnAppend } from './txnLog.ts';
import { wakeFetches } from './fetch.ts';
import { completeDelayed, maybeAdvanceHighWatermark, resolve } from './highWatermark.ts';
import { believesLeader, slotOf, stateAt } from './metadata.ts';
import { idAt } from './log.ts';
import { appendOn, viewIdAt } from './replicas.ts';
import { wakeReplicaFetchers } from './replication.ts';
import type { Partition, ProducerEntry } from './types.ts';

/** Batches compared for duplicates (Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN). */
const DEDUPE_BATCHES = 5;
/**
 * Entries (4 numbers a batch) a producer's history grows to before entries no replica needs are dropped: a few
 * batches past the five compared, since every snapshot copies the history (at 64 batches, 144 partitions of the
 * 300-node benchmark held 1 MB of it).
 */
const TRIM_FROM = 16 * 4;

on<World>(KE.produceArrive, 'produce reaches broker', (w, bid, requestId) => {
  const req = w.parts.kafka.produceRequests.get(requestId);
  const b = w.parts.kafka.brokers[bid]!;
  if (!req || !b.alive) {
    w.parts.kafka.produceRequests.delete(requestId);
    return;
  }
  req.brokerLife = b.life;
  let waiting = false;
  for (let i = 0; i < req.entries.length; i++) {
    const e = req.entries[i]!;
    const p = w.parts.kafka.partitions[e.partition]!;
    if (!believesLeader(b, p)) {
      resolve(w, requestId, i, NOT_LEADER_OR_FOLLOWER);
      continue;
    }
    const slot = slotOf(p, bid);
    const topic = w.parts.kafka.topics[p.topic]!;
    const isr = stateAt(p, b.metaVersion)!.isr;
    // min.insync.replicas is checked only for acks=all (semantics K7, K9).
    if (req.acks === -1 && isr.length < topic.config.minInsyncReplicas) {
      resolve(w, requestId, i, NOT_ENOUGH_REPLICAS);
      continue;
    }
    // A write of a fenced producer (an older epoch of its transactional.id) is refused (KIP-98).
    if (e.txn !== undefined && isFencedEpoch(w, e.txn, e.epoch!)) {
      resolve(w, requestId, i, PRODUCER_FENCED);
      continue;
    }
    let base: number;
    const dup = e.producerId > 0 ? duplicateOf(p, slot, e) : -1;
    if (dup >= 0) {
      base = dup; // a retry of a batch this log already has: answer with its offset, write nothing
    } else {
      if (e.producerId > 0 && !inSequence(p, slot, e)) {
        resolve(w, requestId, i, OUT_OF_ORDER_SEQUENCE_NUMBER);
        continue;
      }
      base = appendOn(p, slot, e.ids, 0, e.ids.length, e.bytes, e.maxTimestamp, w.now, topic.config);
      if (e.producerId > 0) remember(p, e, base);
      if (e.txn !== undefined) {
        noteTxnAppend(p, e.txn, base, e.ids.length, e.ids[0]!);
        txnAppended(w, e.txn, p.id);
      }
      w.metrics.appended += e.ids.length;
      record(w.trace, w.now, KT.append, b.host, p.id, base, e.ids.length, stateAt(p, b.metaVersion)!.leaderEpoch);
      wakeReplicaFetchers(w, bid);
    }
    req.offsets[i] = base;
    if (req.acks === -1) {
      p.delayed.push({ request: requestId, batch: i, requiredOffset: base + e.ids.length, deadline: w.now + req.timeoutUs });
      waiting = true;
      maybeAdvanceHighWatermark(w, p, slot);
      completeDelayed(w, p, slot);
    } else {
      maybeAdvanceHighWatermark(w, p, slot);
      resolve(w, requestId, i, NONE);
    }
    wakeFetches(w, p);
  }
  if (req.acks === 0) w.parts.kafka.produceRequests.delete(requestId);
  else if (waiting && req.pending > 0) after(w, req.timeoutUs, KE.delayedProduceExpire, bid, requestId);
}, { hop: true });

/**
 * Base offset of the batch if this replica's log already holds it (same producer, same sequences), else -1. Like the
 * broker, only the producer's last five batches in this log are compared (ProducerStateEntry.NUM_BATCHES_TO_RETAIN):
 * with at most five requests in flight, a retry is always among them.
 */
function duplicateOf(p: Partition, slot: number, e: ProduceEntry): number {
  const st = p.producers.get(e.producerId);
  if (!st) return -1;
  const last = e.baseSeq + e.ids.length - 1;
  const b = st.batches;
  let seen = 0;
  for (let i = b.length - 4; i >= 0 && seen < DEDUPE_BATCHES; i -= 4) {
    if (viewIdAt(p, slot, b[i + 2]!) !== b[i + 3]) continue;
    seen++;
    if (b[i] === e.baseSeq && b[i + 1] === last) return b[i + 2]!;
  }
  return -1;
}

/**
 * The batch continues the producer's sequence as this replica's log knows it (or the producer is new to it). The
 * broker rebuilds a producer's state from its log after a truncation, so the last sequence is the newest of the
 * producer's batches this log still holds, however far back: a gap is found even when the lost batches are many.
 */
function inSequence(p: Partition, slot: number, e: ProduceEntry): boolean {
  const st = p.producers.get(e.producerId);
  if (!st) return true;
  const b = st.batches;
  for (let i = b.length - 4; i >= 0; i -= 4) {
    if (viewIdAt(p, slot, b[i + 2]!) === b[i + 3]) return e.baseSeq === b[i + 1]! + 1;
  }
  // None of its batches is in this log (all truncated, or deleted by retention): the broker knows it no more.
  return true;
}

function remember(p: Partition, e: ProduceEntry, base: number): void {
  let st = p.producers.get(e.producerId);
  if (!st) p.producers.set(e.producerId, (st = { batches: [], trimAt: TRIM_FROM }));
  st.batches.push(e.baseSeq, e.baseSeq + e.ids.length - 1, base, e.ids[0]!);
  if (st.batches.length > st.trimAt) trim(p, st);
}

/**
 * Drops the batches no replica can still need, but never the last five (those a retry is compared with). Every replica
 * holds the log's first min(matched) records, so of the batches below that line only the newest one still in the log
 * can be some replica's newest (its last sequence). A
 * replica that stays down holds the line back, and the history grows until it returns: a broker rebuilds producer
 * state from its own log, however old (ProducerStateManager), and so must the model.
 */
function trim(p: Partition, st: ProducerEntry): void {
  let floor = Infinity;
  for (const m of p.matched) if (m < floor) floor = m;
  const b = st.batches;
  let keep = -1;
  for (let i = 0; i < b.length && b[i + 2]! < floor; i += 4) if (idAt(p.log, b[i + 2]!) === b[i + 3]) keep = i;
  // The last five stay whatever the replicas hold: a retry of any of them must still be found a duplicate
  // (ProducerStateEntry keeps NUM_BATCHES_TO_RETAIN batches).
  keep = Math.min(keep, b.length - 4 * DEDUPE_BATCHES);
  if (keep > 0) b.splice(0, keep);
  st.trimAt = Math.max(TRIM_FROM, b.length * 2);
}

/**
 * The producer client: records go into per-partition batches, which are sent when full (`batch.size`) or after
 * `linger.ms`; each broker connection carries at most `max.in.flight.requests.per.connection` requests; failed
 * batches are retried with exponential backoff until `delivery.timeout.ms` (semantics K5, K12, K13, K16).
 * With idempotence the broker drops duplicates by (producer id, sequence), and a partition's batches are sent in
 * sequence order, so retries neither duplicate nor reorder.
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { producedAtOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import type { Batch, ProduceEntry, Producer } from './clientTypes.ts';
import { DELIVERY_TIMEOUT, NETWORK_EXCEPTION, NONE, NOT_LEADER_OR_FOLLOWER, OUT_OF_ORDER_SEQUENCE_NUMBER, REQUEST_TIMED_OUT } from './errors.ts';
import { published } from '../messaging/dispatch.ts';
import { leaderAt } from './metadata.ts';
import { acknowledge, closeWriteWindow, fail, notify } from './producerOutcomes.ts';
import { backoffUs } from './backoff.ts';
import { ageMetadata, refreshMetadata } from './producerMetadata.ts';
import { afterTxnSend, beforeTxnSend, crashTxn, fenced, txnBatchDone } from './transactions.ts';
import { PRODUCER_FENCED } from './errors.ts';

/** Adds a record to its partition's open batch; `call` (or -1) is told when it is acknowledged or fails. */
export function send(w: World, prod: Producer, partition: number, message: number, call: number): void {
  if (!prod.alive) return;
  if (prod.txn && !beforeTxnSend(w, prod, partition, message, call)) return;
  w.metrics.produced++;
  const batch = prod.open[partition] ?? newBatch(w, prod, partition);
  if (batch.count === batch.ids.length) {
    const grown = new Uint32Array(batch.count * 2);
    grown.set(batch.ids);
    batch.ids = grown;
  }
  batch.ids[batch.count++] = message;
  batch.bytes += prod.config.recordBytes;
  const ts = producedAtOf(w.messages, message);
  if (ts > batch.maxTimestamp) batch.maxTimestamp = ts;
  if (call >= 0) (batch.waiters ??= []).push(message, call);
  if (prod.config.acks === 0) {
    // acks=0: the record counts as sent once it is handed over (semantics K1).
    acknowledge(w, prod, message, -1);
    if (call >= 0) published(w, call, message, NONE);
  }
  if (batch.bytes >= prod.config.batchBytes) close(w, prod, batch);
  if (prod.txn) afterTxnSend(w, prod);
}

/** Closes every open batch (a transactional producer flushes before it commits). */
export function closeOpenBatches(w: World, prod: Producer): void {
  for (const b of prod.open) if (b) close(w, prod, b);
}

function newBatch(w: World, prod: Producer, partition: number): Batch {
  const b: Batch = {
    id: nextId(w),
    partition,
    ids: new Uint32Array(Math.ceil(prod.config.batchBytes / prod.config.recordBytes) + 1),
    count: 0,
    bytes: 0,
    createdAt: w.now,
    maxTimestamp: 0,
    closed: false,
    attempts: 0,
    baseSeq: -1,
    seqProducerId: 0,
    inflight: false,
    backoff: false,
    waiters: null,
  };
  prod.batches.set(b.id, b);
  prod.open[partition] = b;
  after(w, prod.config.lingerUs, KE.lingerExpire, prod.id, b.id);
  return b;
}

function close(w: World, prod: Producer, b: Batch): void {
  if (b.closed) return;
  b.closed = true;
  b.ids = b.ids.subarray(0, b.count);
  if (prod.open[b.partition] === b) prod.open[b.partition] = null;
  enqueue(prod, b);
  drain(w, prod);
}

/** Puts a batch in its partition's ready queue, in creation order (retries go back in front, as reenqueue does). */
function enqueue(prod: Producer, b: Batch): void {
  let q = prod.ready.get(b.partition);
  if (!q) prod.ready.set(b.partition, (q = []));
  if (q.length === 0 || q[q.length - 1]! < b.id) q.push(b.id);
  else if (!q.includes(b.id)) {
    let i = q.length;
    while (i > 0 && q[i - 1]! > b.id) i--;
    q.splice(i, 0, b.id);
  }
}

/** Batches waiting to be sent (closed, not in flight, not in a retry backoff). */
export function readyCount(prod: Producer): number {
  let n = 0;
  for (const q of prod.ready.values()) n += q.length;
  return n;
}

on<World>(KE.lingerExpire, 'linger.ms expires', (w, pid, batchId) => {
  const prod = w.parts.kafka.producers[pid]!;
  const b = prod.batches.get(batchId);
  if (b && !b.closed) close(w, prod, b);
});

/**
 * Sends ready batches: each pass builds at most one request per broker with at most one batch per partition (the
 * head of its queue), as the sender does, and passes repeat while connections have room
 * (max.in.flight.requests.per.connection). With idempotence, a partition whose earlier batch waits out a retry
 * backoff sends nothing, so sequence order holds; without it nothing holds a partition back, which is how a retried
 * batch lands after a later one (semantics K12).
 */
export function drain(w: World, prod: Producer): void {
  if (!prod.alive || prod.ready.size === 0) return;
  let needMetadata = false;
  for (;;) {
    const byBroker = new Map<number, Batch[]>();
    for (const [partition, q] of prod.ready) {
      // Give up on batches older than delivery.timeout.ms (their records get an error).
      while (q.length > 0 && w.now - prod.batches.get(q[0]!)!.createdAt >= prod.config.deliveryTimeoutUs) {
        fail(w, prod, prod.batches.get(q.shift()!)!, DELIVERY_TIMEOUT);
      }
      if (q.length === 0) {
        prod.ready.delete(partition);
        continue;
      }
      if (prod.config.idempotent && (prod.retrying.get(partition) ?? 0) > 0) continue;
      const leader = leaderAt(w.parts.kafka.partitions[partition]!, prod.metaVersion);
      if (leader < 0) {
        needMetadata = true;
        continue;
      }
      const list = byBroker.get(leader) ?? [];
      if ((prod.inflight.get(leader) ?? 0) >= prod.config.maxInFlight) continue;
      list.push(prod.batches.get(q.shift()!)!);
      byBroker.set(leader, list);
      if (q.length === 0) prod.ready.delete(partition);
    }
    if (byBroker.size === 0) break;
    for (const [broker, batches] of byBroker) sendRequest(w, prod, broker, batches);
  }
  if (needMetadata) {
    refreshMetadata(w, prod);
    armRetryTimer(w, prod);
  }
}

/** One producer-wide timer retries the drain while batches wait for a leader (not one per batch). */
function armRetryTimer(w: World, prod: Producer): void {
  if (prod.retryTimerArmed) return;
  prod.retryTimerArmed = true;
  after(w, prod.config.backoffMaxUs, KE.retryReady, prod.id, -1);
}

function sendRequest(w: World, prod: Producer, broker: number, batches: Batch[]): void {
  const entries: ProduceEntry[] = [];
  for (const b of batches) {
    if (prod.config.idempotent && (b.baseSeq < 0 || b.seqProducerId !== prod.producerId)) {
      // A batch sequenced under an older epoch is renumbered: resent with the new producer id and its old sequence,
      // it would match another batch's entry at the broker and be "acknowledged" at that batch's offset.
      b.baseSeq = prod.nextSeq.get(b.partition) ?? 0;
      b.seqProducerId = prod.producerId;
      prod.nextSeq.set(b.partition, b.baseSeq + b.ids.length);
    }
    b.inflight = true;
    b.attempts++;
    entries.push({
      ...(prod.txn ? { txn: prod.txn.coord, epoch: prod.txn.epoch } : {}),
      batch: b.id,
      partition: b.partition,
      ids: b.ids,
      producerId: prod.config.idempotent ? b.seqProducerId : 0,
      baseSeq: b.baseSeq,
      bytes: b.bytes,
      maxTimestamp: b.maxTimestamp,
    });
    if (b.attempts === 1) {
      prod.sent += b.ids.length;
      record(w.trace, w.now, KT.send, prod.host, b.partition, b.ids[0]!, b.ids.length, 0);
    }
  }
  const id = nextId(w);
  w.parts.kafka.produceRequests.set(id, {
    id,
    producer: prod.id,
    producerLife: prod.life,
    broker,
    brokerLife: -1,
    acks: prod.config.acks,
    timeoutUs: prod.config.requestTimeoutUs,
    entries,
    codes: entries.map(() => -1),
    offsets: entries.map(() => -1),
    pending: entries.length,
  });
  if (prod.config.acks !== 0) {
    prod.requests.set(id, w.parts.kafka.produceRequests.get(id)!);
    prod.inflight.set(broker, (prod.inflight.get(broker) ?? 0) + 1);
    after(w, prod.config.requestTimeoutUs, KE.produceTimeout, prod.id, id);
  } else {
    // acks=0: nothing comes back, the batches are done as soon as they are on the wire.
    for (const b of batches) prod.batches.delete(b.id);
  }
  const bhost = w.parts.kafka.brokers[broker]!.host;
  const t = arrival(w.net, w.now, prod.host, bhost);
  if (t >= 0) at(w, t, KE.produceArrive, broker, id);
  else if (prod.config.acks === 0) {
    w.parts.kafka.produceRequests.delete(id);
    // acks=0 hears nothing back, but a refused connection is a disconnect, and the client asks for metadata on one
    // (NetworkClient.handleDisconnections): it finds the new leader instead of writing to a dead one for ever (K1).
    if (refusedAt(w.net, w.now, prod.host, bhost) >= 0) refreshMetadata(w, prod);
  } else {
    const refused = refusedAt(w.net, w.now, prod.host, bhost);
    if (refused >= 0) connectionReset(w, id, refused);
  }
}

/** The broker's process is gone: the client's connection fails and its requests fail with NETWORK_EXCEPTION. */
export function connectionReset(w: World, requestId: number, when: number): void {
  const req = w.parts.kafka.produceRequests.get(requestId);
  if (!req) return;
  for (let i = 0; i < req.codes.length; i++) if (req.codes[i] === -1) req.codes[i] = NETWORK_EXCEPTION;
  req.pending = 0;
  at(w, when, KE.produceResponse, req.producer, requestId);
}

on<World>(KE.produceResponse, 'produce response', (w, pid, requestId) => {
  const prod = w.parts.kafka.producers[pid]!;
  const req = prod.requests.get(requestId);
  w.parts.kafka.produceRequests.delete(requestId);
  if (!req || !prod.alive || req.producerLife !== prod.life) return;
  prod.requests.delete(requestId);
  prod.inflight.set(req.broker, (prod.inflight.get(req.broker) ?? 1) - 1);
  for (let i = 0; i < req.entries.length; i++) complete(w, prod, req.entries[i]!.batch, req.codes[i]!, req.offsets[i]!);
  drain(w, prod);
}, { hop: true });

on<World>(KE.produceTimeout, 'produce request times out', (w, pid, requestId) => {
  const prod = w.parts.kafka.producers[pid]!;
  const req = prod.requests.get(requestId);
  if (!req || req.producerLife !== prod.life) return;
  // request.timeout.ms: the client gives up on the request (its batches may or may not have been written).
  prod.requests.delete(requestId);
  prod.inflight.set(req.broker, (prod.inflight.get(req.broker) ?? 1) - 1);
  for (const e of req.entries) complete(w, prod, e.batch, REQUEST_TIMED_OUT, -1);
  refreshMetadata(w, prod);
  drain(w, prod);
}, {
  // Answered, or sent by an earlier life of the producer (lives only increase).
  dead: (w, pid, requestId) => {
    const prod = w.parts.kafka.producers[pid]!;
    const req = prod.requests.get(requestId);
    return !req || req.producerLife !== prod.life;
  },
});

function complete(w: World, prod: Producer, batchId: number, code: number, baseOffset: number): void {
  const b = prod.batches.get(batchId);
  if (!b) return;
  b.inflight = false;
  const p = w.parts.kafka.partitions[b.partition]!;
  if (code === NONE) {
    if (p.writesFailingSince >= 0) closeWriteWindow(w, p.id, p.writesFailingSince);
    p.writesFailingSince = -1;
    p.lastWriteOkAt = w.now;
    prod.batches.delete(batchId);
    if (prod.config.idempotent && b.seqProducerId === prod.producerId) {
      const last = b.baseSeq + b.ids.length - 1;
      if (last > (prod.ackedSeq.get(b.partition) ?? -1)) prod.ackedSeq.set(b.partition, last);
    }
    record(w.trace, w.now, KT.ack, prod.host, b.partition, baseOffset, b.ids.length, 0);
    if (prod.txn) {
      // Written, not yet committed: acknowledged to the application when its transaction commits (transactions.ts).
      const waiters = b.waiters;
      b.waiters = null;
      txnBatchDone(w, prod, b.ids, waiters, NONE);
      return;
    }
    for (let i = 0; i < b.ids.length; i++) acknowledge(w, prod, b.ids[i]!, baseOffset);
    notify(w, b, NONE);
    return;
  }
  if (code === PRODUCER_FENCED && prod.txn) {
    record(w.trace, w.now, KT.ack, prod.host, b.partition, -1, b.ids.length, code);
    fenced(w, prod);
    fail(w, prod, b, code);
    return;
  }
  record(w.trace, w.now, KT.ack, prod.host, b.partition, -1, b.ids.length, code);
  if (code === OUT_OF_ORDER_SEQUENCE_NUMBER && prod.config.idempotent && isNextSequence(prod, b)) {
    // The broker's log lacks batches this producer had acknowledged (data was lost: an unclean election, a
    // truncation). Since Kafka 2.5 a producer that is not transactional bumps its epoch, starts its sequences again
    // and retries the batch at once; the application never sees the error (KIP-360, semantics K15). A batch that is
    // not the next after the last acknowledged one is only behind a retried batch, and is retried as usual
    // (TransactionManager.canRetry).
    prod.producerId = nextId(w);
    prod.nextSeq.clear();
    prod.ackedSeq.clear();
    enqueue(prod, b);
    return;
  }
  if (p.writesFailingSince < 0) p.writesFailingSince = Math.max(b.createdAt, p.lastWriteOkAt);
  if (code === NOT_LEADER_OR_FOLLOWER || code === REQUEST_TIMED_OUT || code === NETWORK_EXCEPTION) refreshMetadata(w, prod);
  if (b.attempts > prod.config.retries || w.now - b.createdAt >= prod.config.deliveryTimeoutUs) {
    fail(w, prod, b, code === OUT_OF_ORDER_SEQUENCE_NUMBER || code === REQUEST_TIMED_OUT ? DELIVERY_TIMEOUT : code);
    return;
  }
  const delay = backoffUs(b.attempts, prod.config.backoffUs, prod.config.backoffMaxUs, prod.rng);
  const deadline = b.createdAt + prod.config.deliveryTimeoutUs;
  prod.retrying.set(b.partition, (prod.retrying.get(b.partition) ?? 0) + 1);
  b.backoff = true;
  at(w, Math.min(w.now + delay, deadline), KE.retryReady, prod.id, b.id);
}

/**
 * The batch is the one right after the last sequence acknowledged on its partition in this epoch: an out-of-order
 * answer to it means the broker lost acknowledged batches. Any other batch is only behind one being retried.
 */
function isNextSequence(prod: Producer, b: Batch): boolean {
  return b.seqProducerId === prod.producerId && b.baseSeq === (prod.ackedSeq.get(b.partition) ?? -1) + 1;
}

on<World>(KE.retryReady, 'retry backoff over', (w, pid, batchId) => {
  const prod = w.parts.kafka.producers[pid]!;
  if (!prod.alive) return;
  if (batchId < 0) {
    prod.retryTimerArmed = false;
    drain(w, prod);
    return;
  }
  const b = prod.batches.get(batchId);
  if (!b || b.inflight || !b.backoff) return;
  b.backoff = false;
  prod.retrying.set(b.partition, prod.retrying.get(b.partition)! - 1);
  enqueue(prod, b);
  drain(w, prod);
});

/** The producer's process dies: unsent and unacknowledged records are gone with it. */
export function crashProducer(w: World, prod: Producer): void {
  prod.alive = false;
  prod.life++;
  prod.open.fill(null);
  prod.batches.clear();
  prod.ready.clear();
  prod.retryTimerArmed = false;
  prod.inflight.clear();
  prod.requests.clear();
  prod.nextSeq.clear();
  prod.ackedSeq.clear();
  prod.retrying.clear();
  prod.sticky.clear();
  prod.metadataInflight = false;
  prod.metadataFailures = 0;
  if (prod.txn) crashTxn(prod.txn);
}

/** A restarted producer is a new idempotent session: a new producer id, sequences from zero (semantics K14). */
export function restartProducer(w: World, prod: Producer): void {
  prod.alive = true;
  prod.life++; // timers of a session held back at the start (a service's start delay) end with it
  prod.producerId = nextId(w);
  prod.metaVersion = 0;
  refreshMetadata(w, prod);
  ageMetadata(w, prod);
}

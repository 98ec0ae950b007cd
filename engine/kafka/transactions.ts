/**
 * Kafka transactions (KIP-98): a producer with `transactional.id` writes its records in transactions that commit or
 * abort as a whole. The application's loop is modelled as beginTransaction on the first send, commitTransaction
 * after `transaction.records` records or `transaction.ms`, whichever comes first.
 *
 * The transaction coordinator (on a broker of the cluster) keeps one entry per transactional.id: the newest epoch,
 * the partitions the open transaction wrote to, and its timeout. Ending a transaction writes a COMMIT or ABORT marker
 * into every partition it touched (txnLog.ts). Its records are acknowledged to the application only when the commit
 * completes: an aborted record was never acknowledged, so the loss checker never counts it (semantics K18).
 *
 * Simplifications, each said where it matters: AddPartitionsToTxn is folded into the produce request (the
 * coordinator learns a partition when a batch of the transaction is appended to it); InitProducerId is answered at
 * once; the coordinator's own log (__transaction_state) is not simulated, so its entries survive any broker crash.
 * A service that also consumes on the same cluster commits its input offsets in these transactions (txnOffsets.ts).
 */
import { T } from '../history/kinds.ts';
import { addFlags, FAILED } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { after, at, on, eventKinds } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import type { Producer, ProducerTxn } from './clientTypes.ts';
import { NONE, PRODUCER_FENCED, TRANSACTION_ABORTED } from './errors.ts';
import { KT } from './trace.ts';
import { writeMarker } from './txnLog.ts';
import type { TxnCoordinator } from './types.ts';
import { published } from '../messaging/dispatch.ts';
import { acknowledge } from './producerOutcomes.ts';
import { closeOpenBatches, send } from './producer.ts';
import { commitIfIdle, transactionEnded } from './txnOffsets.ts';

const TE = eventKinds([
  'txnCommitDue', // a=producer, b=transaction sequence: transaction.ms has passed since the transaction began
  'endTxnArrive', // a=coordinator entry, b=request id
  'endTxnResponse', // a=producer, b=request id
  'endTxnRetry', // a=producer, b=request id: no answer within request.timeout.ms (or the coordinator was unreachable)
  'txnTimeout', // a=coordinator entry, b=transaction sequence: transaction.timeout.ms has passed
  'txnMarkersRetry', // a=coordinator entry, b=transaction sequence: markers wait for a partition leader
]);

/** How long the coordinator waits before writing markers again to a partition without a leader. */
const MARKER_RETRY_US = 100_000;

export function newProducerTxn(coord: number): ProducerTxn {
  return { coord, epoch: -1, seq: 0, open: false, ending: false, mustAbort: false, fenced: false, records: 0, written: [], queued: [], request: -1, beganAt: 0, consumer: -1, offsets: [] };
}

/** The coordinator entry for `transactionalId` on `cluster`, made on first use. */
export function coordinatorEntry(w: World, cluster: number, transactionalId: string, timeoutUs: number): number {
  const k = w.parts.kafka;
  const key = `${cluster}/${transactionalId}`;
  let i = k.txnIndex.get(key);
  if (i === undefined) {
    i = k.txns.length;
    k.txns.push({ id: transactionalId, cluster, producer: -1, epoch: -1, open: false, startedAt: 0, seq: 0, timeoutUs, partitions: [], ending: [], result: -1, request: -1, committed: 0, aborted: 0 });
    k.txnIndex.set(key, i);
  }
  return i;
}

/** The broker hosting a coordinator entry: the entry's broker of the cluster, or the next one alive. */
function coordinatorHost(w: World, ci: number): number {
  const k = w.parts.kafka;
  const brokers = k.clusters[k.txns[ci]!.cluster]!.brokers;
  for (let i = 0; i < brokers.length; i++) {
    const b = k.brokers[brokers[(ci + i) % brokers.length]!]!;
    if (b.alive) return b.host;
  }
  return -1;
}

/**
 * initTransactions: the coordinator bumps the epoch of the transactional.id, which fences every older producer with
 * it (its next write or commit gets PRODUCER_FENCED), and aborts a transaction the previous one left open (KIP-98,
 * "zombie fencing"; semantics K17).
 */
function initTransactions(w: World, prod: Producer, t: ProducerTxn): void {
  const c = w.parts.kafka.txns[t.coord]!;
  c.epoch++;
  c.producer = prod.id;
  c.timeoutUs = prod.config.txnTimeoutUs;
  t.epoch = c.epoch;
  if (c.open && c.result < 0) {
    record(w.trace, w.now, KT.txnAbort, coordinatorHost(w, t.coord), -1, t.coord, 2, c.epoch);
    endInCoordinator(w, t.coord, false, -1);
  }
}

/**
 * Called by `send` before a record of a transactional producer joins a batch. Returns false when the record does not
 * go on: the producer is fenced (the send fails) or its previous transaction is still ending (the record waits for
 * the next one, as the application would wait for commitTransaction to return).
 */
export function beforeTxnSend(w: World, prod: Producer, partition: number, message: number, call: number): boolean {
  const t = prod.txn!;
  if (t.fenced) {
    w.metrics.produced++;
    failRecord(w, prod, message, call, PRODUCER_FENCED);
    return false;
  }
  if (t.ending) {
    t.queued.push(partition, message, call);
    return false;
  }
  beginTransaction(w, prod);
  t.records++;
  return true;
}

/** beginTransaction (initTransactions first in a new life); a no-op while one is open. */
export function beginTransaction(w: World, prod: Producer): void {
  const t = prod.txn!;
  if (t.epoch < 0) initTransactions(w, prod, t);
  if (t.open) return;
  t.open = true;
  t.seq++;
  t.records = 0;
  t.beganAt = w.now;
  // A consume-transform-produce loop commits between polls only (txnOffsets.ts), not on a timer.
  if (t.consumer < 0) after(w, prod.config.txnUs, TE.txnCommitDue, prod.id, t.seq);
}

/** Called by `send` after the record joined a batch: a full transaction commits. */
export function afterTxnSend(w: World, prod: Producer): void {
  const t = prod.txn!;
  if (t.consumer < 0 && t.open && !t.ending && t.records >= prod.config.txnRecords) endTransaction(w, prod);
}

on<World>(TE.txnCommitDue, 'transaction.ms over', (w, pid, seq) => {
  const prod = w.parts.kafka.producers[pid]!;
  const t = prod.txn;
  if (!prod.alive || !t || !t.open || t.ending || t.seq !== seq) return;
  if (t.consumer < 0) endTransaction(w, prod);
  else if (!commitIfIdle(w, w.parts.kafka.consumers[t.consumer]!)) after(w, prod.config.txnUs, TE.txnCommitDue, prod.id, seq);
});

/** commitTransaction (abortTransaction when a write failed): flush, then EndTxn once every batch is answered. */
export function endTransaction(w: World, prod: Producer): void {
  prod.txn!.ending = true;
  closeOpenBatches(w, prod);
  maybeSendEndTxn(w, prod);
}

/**
 * A batch of the open transaction was answered. Acknowledged records are held until the commit; a batch given up
 * on makes the transaction abort (an abortable error).
 */
export function txnBatchDone(w: World, prod: Producer, ids: Uint32Array, waiters: number[] | null, code: number): void {
  const t = prod.txn!;
  if (code === NONE) {
    for (let i = 0; i < ids.length; i++) t.written.push(ids[i]!, -1);
    if (waiters) for (let i = 0; i < waiters.length; i += 2) setCall(t, waiters[i]!, waiters[i + 1]!);
  } else t.mustAbort = true;
  maybeSendEndTxn(w, prod);
}

function setCall(t: ProducerTxn, message: number, call: number): void {
  for (let i = t.written.length - 2; i >= 0; i -= 2) {
    if (t.written[i] === message) {
      t.written[i + 1] = call;
      return;
    }
  }
}

function maybeSendEndTxn(w: World, prod: Producer): void {
  const t = prod.txn!;
  if (!t.ending || t.request >= 0 || prod.batches.size > 0) return;
  sendEndTxn(w, prod, nextId(w));
}

function sendEndTxn(w: World, prod: Producer, id: number): void {
  const t = prod.txn!;
  t.request = id;
  const group = t.consumer >= 0 ? w.parts.kafka.consumers[t.consumer]!.group : -1;
  w.parts.kafka.endTxnRequests.set(id, [prod.id, t.coord, t.epoch, t.mustAbort ? 0 : 1, -1, group, ...t.offsets]);
  const host = coordinatorHost(w, t.coord);
  const arrive = host >= 0 ? arrival(w.net, w.now, prod.host, host) : -1;
  if (arrive >= 0) at(w, arrive, TE.endTxnArrive, t.coord, id);
  after(w, arrive >= 0 ? prod.config.requestTimeoutUs : prod.config.backoffMaxUs, TE.endTxnRetry, prod.id, id);
}

on<World>(TE.endTxnRetry, 'EndTxn unanswered', (w, pid, id) => {
  const prod = w.parts.kafka.producers[pid]!;
  const t = prod.txn;
  if (!prod.alive || !t || t.request !== id) return;
  // The same EndTxn again: the coordinator answers a repeat of a transaction it already ended with its outcome.
  w.parts.kafka.endTxnRequests.delete(id);
  sendEndTxn(w, prod, nextId(w));
});

on<World>(TE.endTxnArrive, 'EndTxn reaches the coordinator', (w, ci, id) => {
  const req = w.parts.kafka.endTxnRequests.get(id);
  if (!req) return;
  const c = w.parts.kafka.txns[ci]!;
  if (req[2]! < c.epoch) return answer(w, id, PRODUCER_FENCED);
  if (c.result >= 0) {
    c.request = id; // already ending (an earlier attempt of this request): answered when the markers are written
    return;
  }
  if (!c.open && req.length <= 6) return answer(w, id, NONE);
  if (!c.open) {
    // Only input offsets (the loop produced nothing): they commit with no marker to write.
    commitOffsets(w, req);
    return answer(w, id, NONE);
  }
  endInCoordinator(w, ci, req[3] === 1, id);
});

/** The coordinator ends the open transaction of entry `ci`: markers into each partition it wrote to. */
function endInCoordinator(w: World, ci: number, commit: boolean, request: number): void {
  const c = w.parts.kafka.txns[ci]!;
  c.result = commit ? 1 : 0;
  c.request = request;
  c.ending = [...c.partitions];
  writeMarkers(w, ci);
}

function writeMarkers(w: World, ci: number): void {
  const c = w.parts.kafka.txns[ci]!;
  const k = w.parts.kafka;
  c.ending = c.ending.filter((pid) => !writeMarker(w, k.partitions[pid]!, ci, c.result === 1));
  if (c.ending.length > 0) {
    after(w, MARKER_RETRY_US, TE.txnMarkersRetry, ci, c.seq);
    return;
  }
  const request = c.request;
  const committed = c.result === 1;
  if (committed) c.committed++;
  else c.aborted++;
  c.open = false;
  c.partitions = [];
  c.result = -1;
  c.request = -1;
  if (request >= 0) {
    const req = w.parts.kafka.endTxnRequests.get(request);
    if (committed && req) commitOffsets(w, req);
    answer(w, request, NONE);
  }
}

/**
 * The input offsets sent with the transaction (sendOffsetsToTransaction) become the group's committed offsets when it
 * commits, and never when it aborts: output and input move together (KIP-98; semantics K21). The group coordinator's
 * generation check on them (KIP-447) is not simulated.
 */
function commitOffsets(w: World, req: number[]): void {
  const gi = req[5]!;
  if (gi < 0 || req[3] !== 1) return;
  const g = w.parts.kafka.groups[gi]!;
  const prod = w.parts.kafka.producers[req[0]!]!;
  for (let i = 6; i < req.length; i += 2) {
    g.committed.set(req[i]!, req[i + 1]!);
    record(w.trace, w.now, KT.commit, prod.host, req[i]!, req[i + 1]!, 0, gi);
  }
}

on<World>(TE.txnMarkersRetry, 'transaction markers retried', (w, ci, seq) => {
  const c = w.parts.kafka.txns[ci]!;
  if (c.seq === seq && c.result >= 0) writeMarkers(w, ci);
});

function answer(w: World, id: number, code: number): void {
  const req = w.parts.kafka.endTxnRequests.get(id)!;
  req[4] = code;
  const prod = w.parts.kafka.producers[req[0]!]!;
  const host = coordinatorHost(w, req[1]!);
  const t = host >= 0 ? arrival(w.net, w.now, host, prod.host) : -1;
  if (t >= 0) at(w, t, TE.endTxnResponse, prod.id, id);
}

on<World>(TE.endTxnResponse, 'EndTxn answer', (w, pid, id) => {
  const req = w.parts.kafka.endTxnRequests.get(id);
  w.parts.kafka.endTxnRequests.delete(id);
  const prod = w.parts.kafka.producers[pid]!;
  const t = prod.txn;
  if (!req || !prod.alive || !t || t.request !== id) return;
  t.request = -1;
  if (req[4] === PRODUCER_FENCED) return fenced(w, prod);
  const committed = req[3] === 1;
  const n = t.written.length / 2;
  for (let i = 0; i < t.written.length; i += 2) {
    const message = t.written[i]!, call = t.written[i + 1]!;
    if (committed) {
      acknowledge(w, prod, message, -1);
      if (call >= 0) published(w, call, message, NONE);
    } else failRecord(w, prod, message, call, TRANSACTION_ABORTED);
  }
  record(w.trace, w.now, KT.txnEnd, prod.host, -1, n, committed ? 1 : 0, t.coord);
  nextTransaction(w, prod);
  if (t.consumer >= 0) transactionEnded(w, w.parts.kafka.consumers[t.consumer]!, committed);
});

/** The transaction is over: records sent meanwhile start the next one. */
function nextTransaction(w: World, prod: Producer): void {
  const t = prod.txn!;
  t.open = false;
  t.ending = false;
  t.mustAbort = false;
  t.records = 0;
  t.written = [];
  t.offsets = [];
  const q = t.queued;
  t.queued = [];
  for (let i = 0; i < q.length; i += 3) send(w, prod, q[i]!, q[i + 1]!, q[i + 2]!);
}

/**
 * ProducerFencedException: a newer producer has the transactional.id. Fatal: this one must close; every record it
 * had not committed fails, and so does every later send (KafkaProducer, Errors.PRODUCER_FENCED; semantics K17).
 */
export function fenced(w: World, prod: Producer): void {
  const t = prod.txn!;
  if (t.fenced) return;
  t.fenced = true;
  record(w.trace, w.now, T.error, prod.host, -1, PRODUCER_FENCED, t.coord, 0);
  for (let i = 0; i < t.written.length; i += 2) failRecord(w, prod, t.written[i]!, t.written[i + 1]!, PRODUCER_FENCED);
  t.written = [];
  for (let i = 0; i < t.queued.length; i += 3) {
    w.metrics.produced++;
    failRecord(w, prod, t.queued[i + 1]!, t.queued[i + 2]!, PRODUCER_FENCED);
  }
  t.queued = [];
  t.offsets = [];
  t.open = false;
  t.ending = false;
  if (t.consumer >= 0) transactionEnded(w, w.parts.kafka.consumers[t.consumer]!, false);
}

function failRecord(w: World, prod: Producer, message: number, call: number, code: number): void {
  addFlags(w.messages, message, FAILED);
  prod.failed++;
  w.metrics.sendFailed++;
  if (call >= 0) published(w, call, message, code);
}

/** A transactional batch was appended at [base, base + count) of partition `pid`: AddPartitionsToTxn, folded in. */
export function txnAppended(w: World, ci: number, pid: number): void {
  const c = w.parts.kafka.txns[ci]!;
  if (!c.open) {
    c.open = true;
    c.startedAt = w.now;
    c.seq++;
    after(w, c.timeoutUs, TE.txnTimeout, ci, c.seq);
  }
  if (!c.partitions.includes(pid)) c.partitions.push(pid);
}

/** Whether a transactional write with `epoch` comes from a fenced producer (an older epoch than the coordinator's). */
export function isFencedEpoch(w: World, ci: number, epoch: number): boolean {
  return epoch < w.parts.kafka.txns[ci]!.epoch;
}

on<World>(TE.txnTimeout, 'transaction.timeout.ms over', (w, ci, seq) => {
  const c: TxnCoordinator = w.parts.kafka.txns[ci]!;
  if (!c.open || c.seq !== seq || c.result >= 0) return;
  // The coordinator aborts a transaction open longer than transaction.timeout.ms and bumps the epoch, so the producer
  // that left it, should it still be alive, is fenced (TransactionCoordinator.abortTimedOutTransactions; K18).
  c.epoch++;
  record(w.trace, w.now, KT.txnAbort, coordinatorHost(w, ci), -1, ci, 1, c.epoch);
  endInCoordinator(w, ci, false, -1);
});

/** The producer crashed: its transaction state is gone; the coordinator still holds the open transaction. */
export function crashTxn(t: ProducerTxn): void {
  t.epoch = -1;
  t.open = false;
  t.ending = false;
  t.mustAbort = false;
  t.fenced = false;
  t.records = 0;
  t.written = [];
  t.queued = [];
  t.offsets = [];
  t.request = -1;
}

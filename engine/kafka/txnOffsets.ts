/**
 * Consume-transform-produce (semantics K21): a service that reads Kafka and writes with a transactional producer on
 * the same cluster commits its input offsets in its transactions (sendOffsetsToTransaction) instead of committing
 * them itself. A transaction ends only between polls: the loop processes what a poll returned, sends the positions
 * after it to the transaction, and commits once `transaction.records` records or `transaction.ms` have gone by,
 * waiting for the commit before its next poll (commitTransaction blocks the loop). If the transaction aborts, the
 * outputs vanish for read_committed readers and the consumer goes back to the group's committed offsets, so the
 * inputs are processed again and nothing is counted twice (KIP-98; KIP-447 for the group-aware fencing, not modelled).
 */
import type { World } from '../world.ts';
import type { Consumer } from './clientTypes.ts';
import { EARLIEST, LATEST, afterCommit, poll } from './consumer.ts';
import { beginTransaction, endTransaction } from './transactions.ts';

/** The consumer's commitId while it waits for its transaction to end. */
const WAITING_FOR_TXN = -2;

/** Ties a consumer to its instance's transactional producer on the same cluster, if it has one. */
export function linkTxnConsumer(w: World, c: Consumer): void {
  const k = w.parts.kafka;
  const pid = k.owners.get(`${c.app}/${c.instance}`)?.producers[c.cluster] ?? -1;
  const prod = pid >= 0 ? k.producers[pid]! : null;
  if (!prod?.txn || prod.txn.consumer >= 0) return;
  prod.txn.consumer = c.id;
  c.txnProducer = pid;
  // Offsets go through the transactions only: no auto-commit, no commit of the consumer's own.
  c.config.autoCommit = false;
  c.config.commit = 'after';
}

/** The positions after everything processed, into the open transaction (beginning one if none is open). */
function sendOffsets(w: World, c: Consumer): void {
  const prod = w.parts.kafka.producers[c.txnProducer!]!;
  const t = prod.txn!;
  beginTransaction(w, prod);
  for (const p of c.assigned) {
    const pos = c.position.get(p);
    if (pos === undefined || pos < 0) continue;
    let i = 0;
    while (i < t.offsets.length && t.offsets[i] !== p) i += 2;
    t.offsets[i] = p;
    t.offsets[i + 1] = pos;
  }
}

function commitAndWait(w: World, c: Consumer): void {
  c.committing = true;
  c.commitId = WAITING_FOR_TXN;
  endTransaction(w, w.parts.kafka.producers[c.txnProducer!]!);
}

/** The application settled a poll's records: offsets into the transaction, and commit when it is due. */
export function settleInTransaction(w: World, c: Consumer): void {
  const prod = w.parts.kafka.producers[c.txnProducer!]!;
  const t = prod.txn!;
  if (!prod.alive || t.fenced || t.ending) {
    poll(w, c);
    return;
  }
  sendOffsets(w, c);
  if (t.records >= prod.config.txnRecords || w.now - t.beganAt >= prod.config.txnUs) commitAndWait(w, c);
  else poll(w, c);
}

/** transaction.ms passed: an idle loop commits now; a busy one commits when it settles. Returns true if it did. */
export function commitIfIdle(w: World, c: Consumer): boolean {
  if (!c.alive || c.work || c.committing || c.pendingStart) return false;
  sendOffsets(w, c);
  commitAndWait(w, c);
  return true;
}

/** The transaction ended: an aborted one sends the consumer back to the committed offsets; the loop goes on. */
export function transactionEnded(w: World, c: Consumer, committed: boolean): void {
  if (!c.alive) return;
  if (!committed) {
    const g = w.parts.kafka.groups[c.group]!;
    for (const p of c.assigned) {
      const to = g.committed.get(p) ?? (c.config.reset === 'earliest' ? EARLIEST : LATEST);
      c.position.set(p, to);
      c.fetchPosition.set(p, to);
      c.buffer.delete(p);
    }
  }
  if (c.committing && c.commitId === WAITING_FOR_TXN) afterCommit(w, c);
}

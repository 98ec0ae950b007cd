/**
 * How a producer's records end: acknowledged (once, with their latency), or given up and reported failed, with the
 * send callbacks told either way; and the windows in which writes to a partition kept failing.
 */
import { T } from '../history/kinds.ts';
import { ACKED, addFlags, FAILED, FROM_SOURCE, producedAtOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { recordValue } from '../metrics/histogram.ts';
import { checkoutAnswered, checkoutFailed } from '../metrics/metrics.ts';
import { nextId, type World } from '../world.ts';
import type { Batch, Producer } from './clientTypes.ts';
import { published } from '../messaging/dispatch.ts';
import { txnBatchDone } from './transactions.ts';

/** Records that writes to a partition failed from `from` until now, merging with the window just before it. */
export function closeWriteWindow(w: World, pid: number, from: number): void {
  const list = w.checks.unavailable;
  for (let i = list.length - 1; i >= 0 && i >= list.length - 20; i--) {
    const x = list[i]!;
    if (x.what === 'writes' && x.id === pid && x.to >= from) {
      x.from = Math.min(x.from, from);
      x.to = Math.max(x.to, w.now);
      return;
    }
  }
  list.push({ what: 'writes', id: pid, from, to: w.now });
}

/** The batch is given up: its records are reported failed (the send callback gets an exception). */
export function fail(w: World, prod: Producer, b: Batch, code: number): void {
  prod.batches.delete(b.id);
  if (b.backoff) {
    b.backoff = false;
    prod.retrying.set(b.partition, prod.retrying.get(b.partition)! - 1);
  }
  if (prod.open[b.partition] === b) prod.open[b.partition] = null;
  b.ids = b.ids.subarray(0, b.count);
  prod.failed += b.ids.length;
  w.metrics.sendFailed += b.ids.length;
  for (let i = 0; i < b.ids.length; i++) {
    const id = b.ids[i]!;
    const f = addFlags(w.messages, id, FAILED);
    if ((f & (FROM_SOURCE | ACKED)) === FROM_SOURCE) {
      checkoutFailed(w.metrics, { message: id, at: w.now, code, service: prod.name });
      w.metrics.originFailed.set(prod.host, (w.metrics.originFailed.get(prod.host) ?? 0) + 1);
    }
  }
  record(w.trace, w.now, T.error, prod.host, b.partition, code, b.ids[0]!, 0);
  notify(w, b, code);
  // A transactional batch given up on: its transaction can only abort.
  if (prod.txn && !prod.txn.fenced) txnBatchDone(w, prod, b.ids, null, code);
  if (prod.config.idempotent && b.baseSeq >= 0) {
    // The sequence now has a gap the broker will never fill: start a new epoch with fresh sequences, as the
    // producer does after an unresolved sequence (KIP-360). Order across the gap is not guaranteed (semantics K15).
    prod.producerId = nextId(w);
    prod.nextSeq.clear();
  }
}

/**
 * Marks a record acknowledged and records its latency once: an event a publish-only service originated completes
 * a request when acknowledged, so its latency is a checkout latency too (the report adds those histograms up).
 */
export function acknowledge(w: World, prod: Producer, id: number, _offset: number): void {
  const m = w.messages;
  const f = addFlags(m, id, ACKED);
  if ((f & ACKED) !== 0) return;
  prod.acked++;
  w.metrics.acknowledged++;
  const latency = w.now - producedAtOf(m, id);
  if ((f & FROM_SOURCE) !== 0) {
    w.metrics.checkoutsOk++;
    w.metrics.originOk.set(prod.host, (w.metrics.originOk.get(prod.host) ?? 0) + 1);
    recordValue(w.metrics.sourceAckLatency, latency);
    checkoutAnswered(w.metrics, latency, w.now, { message: id });
  } else recordValue(w.metrics.ackLatency, latency);
}

export function notify(w: World, b: Batch, code: number): void {
  const ws = b.waiters;
  if (!ws) return;
  b.waiters = null;
  for (let i = 0; i < ws.length; i += 2) published(w, ws[i + 1]!, ws[i]!, code);
}

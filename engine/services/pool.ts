/**
 * A pool of worker threads behind the poll loop (`processing.threads` above 1). The loop hands each poll's records
 * to the pool: each record goes to the worker free first, and takes a draw from the `processing` distribution there.
 * With auto-commit the loop returns to poll at once (as soon as the pool's queue has room for the batch), so the
 * next auto-commit commits offsets past records still queued or in progress, and a crash of the instance loses them
 * for good: "it is possible for the committed offset to get ahead of the consumed position, which results in
 * missing records" (KafkaConsumer javadoc, semantics C9). Committing by hand after processing (commit=after) waits
 * for the whole batch before it settles, so a commit never passes an unfinished record.
 * Records of one partition run side by side, so they can finish out of order: the per-key order checker sees it.
 */
import { at, on } from '../sim/loop.ts';
import { sample } from '../sim/distribution.ts';
import { settle } from '../messaging/dispatch.ts';
import type { Delivery } from '../messaging/port.ts';
import type { World } from '../world.ts';
import { AE } from './events.ts';
import { handleMessage, outcomeOf } from './processing.ts';
import type { PoolRecord, Reader } from './types.ts';

/** Hands a delivery to the reader's pool; settles it with the broker when the loop may poll again. */
export function handOff(w: World, r: Reader, d: Delivery, rng: Uint32Array): void {
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  const n = svc.handling.threads;
  if (r.workerFree.length !== n) r.workerFree = new Float64Array(n);
  const slow = svc.faults.slowUs + a.instances[svc.instances[r.instance]!]!.slowUs;
  const queuedUntil = r.queuedUntil;
  let lastDone = w.now;
  for (let i = 0; i < d.count; i++) {
    // The worker free first (the lowest-numbered on a tie) takes the next record.
    let k = 0;
    for (let j = 1; j < n; j++) if (r.workerFree[j]! < r.workerFree[k]!) k = j;
    const start = Math.max(w.now, r.workerFree[k]!);
    const done = start + sample(svc.handling.processing, rng) + slow;
    r.workerFree[k] = done;
    const outcome = outcomeOf(w, svc, d.ids[i]!, rng);
    insert(r.pool, { id: d.ids[i]!, place: d.places[i]!, offset: d.offsets[i]!, doneAt: done, outcome });
    at(w, done, AE.poolDone, r.id, r.poolEpoch);
    r.queuedUntil = start;
    if (done > lastDone) lastDone = done;
  }
  // Bounded queue: a hand-off blocks until the records handed over before it have all reached a worker.
  const settleAt = svc.handling.waitForBatch ? lastDone : Math.max(w.now, queuedUntil);
  at(w, settleAt, AE.poolSettle, r.id, r.poolEpoch);
}

/** Keeps the pool ordered by completion time; a record finishing at the same moment as another goes after it. */
function insert(pool: PoolRecord[], rec: PoolRecord): void {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pool[mid]!.doneAt <= rec.doneAt) lo = mid + 1;
    else hi = mid;
  }
  pool.splice(lo, 0, rec);
}

/** Applies the pool's records finished by `until`, in the order they finished. */
export function drainPool(w: World, r: Reader, until: number): void {
  while (r.pool.length > 0 && r.pool[0]!.doneAt <= until) {
    const rec = r.pool.shift()!;
    if (handleMessage(w, r, rec.id, rec.place, rec.offset, rec.outcome, rec.doneAt)) {
      // It will be delivered again from this record on: the pool drops what it holds of the rest of that place.
      r.pool = r.pool.filter((o) => o.place !== rec.place || o.offset < rec.offset);
    }
  }
}

/** The instance crashed: records finished by now were applied; those queued or in progress are gone (C9). */
export function dropPool(w: World, r: Reader): number {
  drainPool(w, r, w.now);
  const lost = r.pool.length;
  r.pool = [];
  r.workerFree.fill(0);
  r.queuedUntil = 0;
  r.poolEpoch++;
  return lost;
}

function alive(w: World, r: Reader): boolean {
  const a = w.parts.apps;
  return a.instances[a.services[r.service]!.instances[r.instance]!]!.alive;
}

on<World>(AE.poolDone, 'worker finished a record', (w, rid, epoch) => {
  const r = w.parts.apps.readers[rid]!;
  if (r.poolEpoch === epoch && alive(w, r)) drainPool(w, r, w.now);
}, { hop: true });

on<World>(AE.poolSettle, 'records handed to the workers', (w, rid, epoch) => {
  const r = w.parts.apps.readers[rid]!;
  if (r.poolEpoch === epoch && alive(w, r)) settle(w, r.broker, r.subscriber);
});

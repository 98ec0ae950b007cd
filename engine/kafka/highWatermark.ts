/**
 * The high watermark: the offset up to which every in-sync replica has the log. Consumers read only below it
 * ("only committed messages are ever given out to the consumer", semantics R4), and acks=all writes are
 * acknowledged when it passes them, with NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR has meanwhile shrunk below
 * min.insync.replicas (Partition.checkEnoughReplicasReachOffset, semantics K8).
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import type { World } from '../world.ts';
import { NONE, NOT_ENOUGH_REPLICAS_AFTER_APPEND, NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT } from './errors.ts';
import { wakeFetches } from './fetch.ts';
import { stateAt } from './metadata.ts';
import { viewEnd } from './replicas.ts';
import { wakeReplicaFetchers } from './replication.ts';
import type { Partition } from './types.ts';

/** The ISR the leader uses for its high watermark: what it knows, plus members it has asked to add (KIP-497). */
export function maximalIsr(w: World, p: Partition, leaderSlot: number): number[] {
  const b = w.parts.kafka.brokers[p.replicas[leaderSlot]!]!;
  const isr = stateAt(p, b.metaVersion)?.isr ?? [leaderSlot];
  if (!p.pendingIsr) return isr;
  const extra = p.pendingIsr.filter((s) => !isr.includes(s));
  return extra.length ? [...isr, ...extra] : isr;
}

/** Raises the leader's high watermark as far as the ISR allows; completes waiting produces; wakes fetches. */
export function maybeAdvanceHighWatermark(w: World, p: Partition, leaderSlot: number): void {
  let hw = viewEnd(p, leaderSlot);
  for (const s of maximalIsr(w, p, leaderSlot)) if (s !== leaderSlot && p.followerEnd[s]! < hw) hw = p.followerEnd[s]!;
  if (hw <= p.hw[leaderSlot]!) return;
  p.hw[leaderSlot] = hw;
  if (hw > p.committed) p.committed = hw;
  record(w.trace, w.now, KT.highWatermark, w.parts.kafka.brokers[p.replicas[leaderSlot]!]!.host, p.id, hw, 0, 0);
  completeDelayed(w, p, leaderSlot);
  wakeFetches(w, p);
  wakeReplicaFetchers(w, p.replicas[leaderSlot]!);
}

/**
 * Answers the waiting acks=all produces the leader's high watermark already covers. Called when it moves, and when a
 * request joins the wait (DelayedProduce's tryCompleteElseWatch): a retried batch the log already holds may be
 * covered from the start, and left waiting it would hold its connection's slot until the request times out.
 */
export function completeDelayed(w: World, p: Partition, leaderSlot: number): void {
  if (p.delayed.length === 0) return;
  const hw = p.hw[leaderSlot]!;
  const broker = p.replicas[leaderSlot]!;
  const b = w.parts.kafka.brokers[broker]!;
  const isrSize = stateAt(p, b.metaVersion)?.isr.length ?? 1;
  const minIsr = w.parts.kafka.topics[p.topic]!.config.minInsyncReplicas;
  let kept = 0;
  for (const d of p.delayed) {
    const req = w.parts.kafka.produceRequests.get(d.request);
    if (!req || req.broker !== broker || d.requiredOffset > hw) {
      if (req) p.delayed[kept++] = d;
      continue;
    }
    resolve(w, d.request, d.batch, isrSize < minIsr ? NOT_ENOUGH_REPLICAS_AFTER_APPEND : NONE);
  }
  p.delayed.length = kept;
}

/** A leader that lost leadership answers its waiting produces with NOT_LEADER_OR_FOLLOWER. */
export function failDelayed(w: World, p: Partition, broker: number): void {
  const keep = [];
  for (const d of p.delayed) {
    const req = w.parts.kafka.produceRequests.get(d.request);
    if (req && req.broker === broker) resolve(w, d.request, d.batch, NOT_LEADER_OR_FOLLOWER);
    else if (req) keep.push(d);
  }
  p.delayed = keep;
}

/** Sets the result of one entry of a produce request; sends the response once every entry has one. */
export function resolve(w: World, requestId: number, entry: number, code: number): void {
  const req = w.parts.kafka.produceRequests.get(requestId);
  if (!req || req.codes[entry] !== -1) return;
  req.codes[entry] = code;
  if (--req.pending === 0) respond(w, requestId);
}

export function respond(w: World, requestId: number): void {
  const req = w.parts.kafka.produceRequests.get(requestId)!;
  const b = w.parts.kafka.brokers[req.broker]!;
  if (!b.alive || b.life !== req.brokerLife || req.acks === 0) {
    w.parts.kafka.produceRequests.delete(requestId);
    return;
  }
  const prod = w.parts.kafka.producers[req.producer]!;
  const t = arrival(w.net, w.now, b.host, prod.host);
  if (t < 0) {
    w.parts.kafka.produceRequests.delete(requestId);
    return;
  }
  at(w, t, KE.produceResponse, req.producer, requestId);
}

on<World>(KE.delayedProduceExpire, 'delayed produce expires', (w, _broker, requestId) => {
  const req = w.parts.kafka.produceRequests.get(requestId);
  if (!req || req.pending === 0) return;
  for (let i = 0; i < req.codes.length; i++) if (req.codes[i] === -1) resolve(w, requestId, i, REQUEST_TIMED_OUT);
  for (const e of req.entries) {
    const p = w.parts.kafka.partitions[e.partition]!;
    p.delayed = p.delayed.filter((d) => d.request !== requestId);
  }
}, {
  // Answered (nothing re-adds a request, and its pending count only falls).
  dead: (w, _broker, requestId) => {
    const req = w.parts.kafka.produceRequests.get(requestId);
    return !req || req.pending === 0;
  },
});

/**
 * One saga as a spacetime layout: a lane for its orchestrator (or a choreography's trigger event) and one per step's
 * host, in step order; an arrow for every command, compensation, choreography event and reply, from the moment it
 * left to the moment it arrived (one that never arrived drops straight onto its lane, where a cross says it was
 * lost); each service's local transaction as a bar from the arrival to its outcome (done, rejected, undone, failed);
 * and the coordinator's moments (started, timeouts, the end). Pure: the diagram draws it as it draws messages.
 */
import type { SagaMoveKind, SagaPath } from '../../../engine/index.ts';
import type { Hop, Mark, SagaHopKind, Spacetime, Span } from './spacetime.ts';

const HOP: Record<SagaMoveKind, SagaHopKind> = { command: 'command', compensate: 'compensate', event: 'event', 'compensating event': 'compensating', reply: 'reply' };

/** A mark's kind from what the path says happened. */
export function sagaMarkKind(what: string): Mark['kind'] {
  if (what === 'done' || what === 'rejected' || what === 'undone' || what === 'started' || what === 'timeout') return what;
  if (what === 'failed' || what === 'undo failed') return 'failed';
  if (what === 'completed' || what === 'compensated') return 'ended';
  return 'lost'; // lost (down, crashed during the transaction), forgotten by an in-memory orchestrator
}

/** What a service's local transaction ends with (the bar from the arrival stops there). */
const OUTCOME = new Set(['done', 'rejected', 'undone', 'failed', 'lost']);

export function layoutSaga(p: SagaPath): Spacetime {
  const us = (ms: number) => Math.round(ms * 1000);
  const id = p.saga;
  const lanes = p.lanes.map((host, i) => ({ host, role: i === 0 ? (p.mode === 'orchestrated' ? 'orchestrator' : 'client') : 'service' }) as const);
  const hops: Hop[] = p.moves.map((m) => ({ message: id, kind: HOP[m.kind], from: m.from, to: m.to, t0: us(m.sentMs), t1: us(m.arrivedMs ?? m.sentMs) }));
  const marks: Mark[] = p.marks.map((m) => ({ message: id, kind: sagaMarkKind(m.what), lane: m.lane, t: us(m.atMs), note: m.step && m.lane > 0 ? `${m.what}, step ${m.step}` : m.what }));
  const spans: Span[] = [];
  for (const m of p.moves) {
    if (m.kind === 'reply' || m.arrivedMs === null) continue;
    const t0 = us(m.arrivedMs);
    const end = marks.find((k) => k.lane === m.to && k.t >= t0 && OUTCOME.has(k.kind));
    if (end && end.t > t0) spans.push({ message: id, kind: 'processing', lane: m.to, t0, t1: end.t, group: p.lanes[m.to]! });
  }
  const times = new Set<number>();
  for (const h of hops) times.add(h.t0).add(h.t1);
  for (const k of marks) times.add(k.t);
  for (const s of spans) times.add(s.t0).add(s.t1);
  return { lanes: [...lanes], saga: true, hops, marks, spans, times: [...times].sort((a, b) => a - b) };
}

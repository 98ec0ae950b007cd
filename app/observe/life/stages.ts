/**
 * A message's life as the stages a life line draws, in time order, and one sentence that tells it: what happened to
 * it, and for a lost one where it went.
 */
import type { MessageLife } from '../../../engine/index.ts';
import { formatDuration, formatTime } from '../format.ts';

export type StageKind = 'produced' | 'sent' | 'appended' | 'acknowledged' | 'replicated' | 'delivered' | 'processed' | 'committed' | 'dropped';

export interface Stage {
  kind: StageKind;
  at: number;
  /** Where: a broker, a group, a host. */
  where: string;
}

/** Every stage the trace holds, earliest first (ties keep the life's natural order). */
export function lifeStages(l: MessageLife): Stage[] {
  const out: Stage[] = [{ kind: 'produced', at: l.producedAt, where: l.producer ?? '' }];
  if (l.sentAt !== undefined) out.push({ kind: 'sent', at: l.sentAt, where: l.producer ?? '' });
  if (l.appendedAt !== undefined) out.push({ kind: 'appended', at: l.appendedAt, where: l.leader ?? '' });
  if (l.acknowledgedAt !== undefined) out.push({ kind: 'acknowledged', at: l.acknowledgedAt, where: l.producer ?? '' });
  for (const r of l.replicatedAt) out.push({ kind: 'replicated', at: r.at, where: r.broker });
  for (const d of l.deliveredAt) out.push({ kind: 'delivered', at: d.at, where: d.group });
  for (const p of l.processedAt) out.push({ kind: 'processed', at: p.at, where: p.group });
  for (const c of l.committedAt) out.push({ kind: 'committed', at: c.at, where: c.group });
  if (l.droppedAt) out.push({ kind: 'dropped', at: l.droppedAt.at, where: l.droppedAt.broker });
  return out.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i).map((x) => x.s);
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** One sentence: the message's fate in the learner's terms. */
export function lifeSummary(l: MessageLife): string {
  const since = (t: number) => formatDuration(t - l.producedAt);
  if (l.lost) {
    const who = l.leader ?? 'The leader';
    const ack = l.acknowledgedAt !== undefined ? `${who} acknowledged it ${since(l.acknowledgedAt)} after it was produced` : `${who} acknowledged it`;
    const copies = l.replicatedAt.length === 0 ? ', with no follower holding a copy' : `, with copies on ${list(l.replicatedAt.map((r) => r.broker))}`;
    const end = l.droppedAt
      ? `. The new leader never had it, and ${l.droppedAt.broker} dropped it at ${formatTime(l.droppedAt.at)} when it followed that leader: lost.`
      : '. The partition’s leader does not have it, so no consumer will ever read it: lost.';
    return ack + copies + end;
  }
  if (l.failed) return 'The producer gave up on it (delivery timeout): never acknowledged, so the caller was told.';
  const counts = new Map<string, number>();
  for (const p of l.processedAt) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([g, n]) => `${n} times by ${g}`);
  if (twice.length > 0) return `Processed ${list(twice)}: the side effects happened more than once.`;
  if (l.processedAt.length > 0) {
    const last = l.processedAt[l.processedAt.length - 1]!;
    return `Processed by ${list([...counts.keys()])}; the last ${since(last.at)} after it was produced.`;
  }
  if (l.committedAt.length > 0) {
    return `Never processed by ${list(l.committedAt.map((c) => c.group))}: the committed position is already past it (the group began reading after it, or skipped it).`;
  }
  if (l.appendedAt !== undefined) return `In ${l.partition}${l.offset !== null ? ` at offset ${l.offset}` : ''}, not processed yet.`;
  return 'Produced, not yet in a log.';
}

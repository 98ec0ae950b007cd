/**
 * A message's life as the stages a life line draws, in time order, and one sentence that tells it: what happened to
 * it, and for a lost one where it went. A RabbitMQ message has stages of its own (requeued, dead-lettered) and names
 * the shared ones in RabbitMQ's words (published, queued, confirmed, acked).
 */
import type { MessageLife } from '../../../engine/index.ts';
import { formatDuration, formatTime } from '../format.ts';

export type StageKind =
  | 'produced'
  | 'sent'
  | 'appended'
  | 'acknowledged'
  | 'replicated'
  | 'delivered'
  | 'processed'
  | 'committed'
  | 'dropped'
  | 'requeued'
  | 'dead-lettered'
  | 'unroutable'
  | 'refused';

export interface Stage {
  kind: StageKind;
  at: number;
  /** Where: a broker, a group, a host. */
  where: string;
}

/** The shared stages as RabbitMQ says them: a publish is confirmed, a queue takes it, a consumer acks it. */
const AMQP_WORDS: Partial<Record<StageKind, string>> = { sent: 'published', appended: 'queued', acknowledged: 'confirmed', committed: 'acked', dropped: 'lost with its node' };

/** How a stage reads for this message (Kafka's words, or RabbitMQ's for a RabbitMQ message). */
export function stageName(kind: StageKind, amqp: boolean): string {
  return (amqp ? AMQP_WORDS[kind] : undefined) ?? kind;
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
  const q = l.amqp;
  if (q) {
    for (const r of q.requeuedAt) out.push({ kind: 'requeued', at: r.at, where: q.queue?.name ?? '' });
    if (q.deadLetteredAt) out.push({ kind: 'dead-lettered', at: q.deadLetteredAt.at, where: q.queue?.name ?? '' });
    if (q.unroutableAt) out.push({ kind: 'unroutable', at: q.unroutableAt.at, where: q.exchange?.name ?? '' });
    if (q.refusedAt !== undefined) out.push({ kind: 'refused', at: q.refusedAt, where: q.queue?.name ?? '' });
  }
  return out.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i).map((x) => x.s);
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** One sentence: the message's fate in the learner's terms. */
export function lifeSummary(l: MessageLife): string {
  if (l.amqp) return amqpSummary(l, l.amqp);
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

const exchangeWords = (x: { name: string } | null) => (!x ? 'its exchange' : x.name === '' ? 'the default exchange' : `exchange ${x.name}`);
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const DEATHS: Record<string, string> = {
  rejected: 'rejected by its consumer',
  expired: 'expired (its TTL ran out)',
  maxlen: 'pushed out by its length limit',
  delivery_limit: 'past its delivery limit',
};
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A RabbitMQ message's fate: routed nowhere, refused, lost, dead-lettered, processed, or still in its queue. */
function amqpSummary(l: MessageLife, q: NonNullable<MessageLife['amqp']>): string {
  const since = (t: number) => formatDuration(t - l.producedAt);
  const queue = q.queue ? `queue ${q.queue.name}` : 'its queue';
  const came = q.deadFrom ? `Dead-lettered from queue ${q.deadFrom.queue.name} (${q.deadFrom.reason}) through ${exchangeWords(q.exchange)} into ${queue}. ` : '';
  const returns = q.requeuedAt.length > 0 ? `, back in the queue ${times(q.requeuedAt.length)}` : '';
  if (q.unroutableAt) {
    return `${cap(exchangeWords(q.exchange))} had no binding that matched it: ${q.unroutableAt.returned ? 'returned to its publisher (mandatory).' : l.lost ? 'dropped, though its publisher counted it sent: lost.' : 'dropped.'}`;
  }
  if (q.refusedAt !== undefined) return `${came}${queue} was full and refused it (x-overflow reject-publish)${l.failed ? ': its publisher was told (a nack).' : ', and without confirms its publisher never knew.'}`;
  if (l.droppedAt) return `${came}${queue} held it only in memory (transient, or not yet on disk) when ${l.droppedAt.broker} went down at ${formatTime(l.droppedAt.at)}: lost.`;
  if (q.deadLetteredAt) {
    const d = q.deadLetteredAt;
    const delivered = l.deliveredAt.length > 0 ? `Delivered ${times(l.deliveredAt.length)}${returns}; then it` : 'It';
    const fate = d.as > 0 ? `dead-lettered as #${d.as}, ${since(d.at)} after it was produced` : 'no dead-letter exchange to go to, so it was dropped';
    return `${came}${delivered} left ${queue} ${DEATHS[d.reason] ?? d.reason}: ${fate}.`;
  }
  if (l.lost) {
    const last = l.deliveredAt[l.deliveredAt.length - 1];
    return last
      ? `${came}Delivered to ${last.node ?? last.group}, which never processed it, and no queue holds it any more (auto-ack: done once sent): lost.`
      : `${came}Counted sent, and no queue holds it any more: lost.`;
  }
  if (l.failed) return 'Its publisher was told it failed (a nack, or its channel closed first).';
  const counts = new Map<string, number>();
  for (const p of l.processedAt) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([g, n]) => `${times(n)} by ${g}`);
  if (twice.length > 0) return `${came}Processed ${list(twice)}${returns}: redelivered after it was processed, so the side effects happened more than once.`;
  if (l.processedAt.length > 0) {
    const last = l.processedAt[l.processedAt.length - 1]!;
    const acked = l.committedAt.length > 0 ? ', and acked' : ', not acked yet';
    return `${came}Processed by ${last.node}${returns}${acked}; ${since(last.at)} after it was produced.`;
  }
  if (l.deliveredAt.length > 0) return `${came}Delivered ${times(l.deliveredAt.length)}${returns}, not processed yet.`;
  if (q.queue && l.appendedAt !== undefined) return `${came}In ${queue}, waiting for a consumer.`;
  return `Published to ${exchangeWords(q.exchange)}, not in a queue yet.`;
}

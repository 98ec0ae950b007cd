/**
 * Answers to the app's questions about a running world: the event log in words, one message's life, every message
 * of a key (the spacetime diagram), a partition's log and a group's assignment. Each reads the trace ring and the
 * state on demand; nothing here runs per event.
 */
import { ACKED, CAUSED_BY_MESSAGE, causationOf, correlationOf, FAILED, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { keyId, keyText } from '../history/keys.ts';
import { entries, oldestHeld, T, type TraceEntry } from '../history/trace.ts';
import { errorName } from '../kafka/errors.ts';
import { currentState } from '../kafka/metadata.ts';
import { viewEnd } from '../kafka/replicas.ts';
import { partitionLag } from '../metrics/report.ts';
import { formatFault } from '../faults/parse.ts';
import type { World } from '../world.ts';
import { partitionLive } from './frame.ts';
import type { GroupDetail, LogEntry, MessageLife, PartitionDetail } from './types.ts';
import { lostMessages } from '../check/checks.ts';

const KIND_NAMES: Record<number, string> = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k]));

function pname(w: World, pid: number): string {
  const p = w.partitions[pid];
  return p ? `${w.topics[p.topic]!.name}-${p.index}` : '';
}

function hostName(w: World, host: number): string {
  return host >= 0 ? (w.net.names[host] ?? '') : '';
}

/** One trace entry in words. */
export function describeEntry(w: World, e: TraceEntry): LogEntry {
  const node = hostName(w, e.node);
  const part = e.part >= 0 ? pname(w, e.part) : undefined;
  const group = (g: number) => w.groups[g]?.name ?? '';
  let text: string;
  let message: number | undefined;
  switch (e.kind) {
    case T.send:
      text = `${node} sent a batch of ${e.b} to ${part}`;
      message = e.a;
      break;
    case T.append:
      text = `${node} appended ${e.b} records to ${part} at offset ${e.a} (leader epoch ${e.c})`;
      break;
    case T.ack:
      text = e.c === 0 ? `${node} got the acknowledgement of ${e.b} records on ${part}${e.a >= 0 ? ` at offset ${e.a}` : ''}` : `${node}: ${e.b} records on ${part} failed with ${errorName(e.c)}; retrying`;
      break;
    case T.replicate:
      text = `${node} replicated ${part} up to offset ${e.a}`;
      break;
    case T.highWatermark:
      text = `${part}: high watermark ${e.a} (committed up to here)`;
      break;
    case T.deliver:
      text = `${node} (${group(e.c)}) fetched ${e.b} records of ${part} from offset ${e.a}`;
      break;
    case T.process:
      text = `${node} (${group(e.c)}) processed message #${e.a} (${part} offset ${e.b})`;
      message = e.a;
      break;
    case T.commit:
      text = `${node} committed ${part} at offset ${e.a} for ${group(e.c)}`;
      break;
    case T.rebalance:
      text = `${group(e.c)}: rebalance, generation ${e.a}, ${e.b} members`;
      break;
    case T.election:
      text = e.node >= 0 ? `${part}: ${node} elected leader (epoch ${e.a}, ${e.b} in sync)` : `${part}: no leader can be elected: offline`;
      break;
    case T.isr:
      text = `${part}: in-sync replicas ${e.b === 1 ? 'shrank' : 'grew'} to ${e.a}`;
      break;
    case T.fault: {
      const f = w.faults.applied[e.a];
      text = f ? `${f.ok ? '' : 'could not apply: '}${f.note}` : 'fault';
      if (f) return { seq: e.seq, timeUs: e.time, kind: 'fault', node: faultNode(f.fault), text: `fault: ${formatFault(f.fault).replace(/^\S+\s+/, '')}: ${text}` };
      break;
    }
    case T.request:
      text = `${node} → ${hostName(w, e.part)}: ${e.c === 0 ? 'answered' : errorName(e.c)} in ${(e.b / 1000).toFixed(1)} ms`;
      return { seq: e.seq, timeUs: e.time, kind: 'request', node, text };
    case T.checkout:
      text = `${node}: checkout ${e.c === 0 ? 'succeeded' : `failed (${errorName(e.c)})`} in ${(e.b / 1000).toFixed(1)} ms`;
      return { seq: e.seq, timeUs: e.time, kind: 'checkout', node, text };
    case T.error:
      text = `${node}: ${e.a === 2001 ? `poison message #${e.b} failed` : e.a === 2002 ? `processing message #${e.b} failed` : errorName(e.a)}${part ? ` on ${part}` : ''}`;
      if (e.a >= 2001) message = e.b;
      break;
    case T.duplicate:
      text = `${node} (${group(e.c)}) skipped message #${e.a}: its inbox has it already`;
      message = e.a;
      break;
    case T.truncate:
      text = `${node} truncated ${part} to offset ${e.a}, dropping ${e.b} records it held and the leader did not`;
      break;
    case T.retention:
      text = `${part}: retention deleted ${e.b} records; the log now starts at ${e.a}`;
      break;
    case T.dlq:
      text = `${node} (${group(e.c)}) sent message #${e.a} to the dead-letter topic as #${e.b}`;
      message = e.a;
      break;
    case T.crash:
      text = `${node} ${e.b === 1 ? 'crashed' : 'restarted'}`;
      break;
    default:
      text = KIND_NAMES[e.kind] ?? 'event';
  }
  return { seq: e.seq, timeUs: e.time, kind: KIND_NAMES[e.kind] ?? 'event', node, text, partition: part, message, group: e.kind === T.deliver || e.kind === T.process || e.kind === T.commit ? group(e.c) : undefined };
}

function faultNode(f: { action: string } & Record<string, unknown>): string {
  if (typeof f['target'] === 'string') return f['target'] as string;
  if (Array.isArray(f['between'])) return String((f['between'] as string[])[0]);
  return '';
}

export interface LogQuery {
  /** Kinds to keep (e.g. ['election', 'fault']); all when absent. */
  kinds?: string[];
  /** Keep entries at this node (a topology node id matches its instances and brokers). */
  node?: string;
  message?: number;
  fromSeq?: number;
  limit?: number;
}

/** The newest entries of the event log that match, oldest first. */
export function eventLog(w: World, q: LogQuery = {}): LogEntry[] {
  const limit = q.limit ?? 500;
  const kinds = q.kinds ? new Set(q.kinds.map((k) => (T as Record<string, number>)[k])) : null;
  const all = entries(w.trace, q.fromSeq ?? 0);
  const out: LogEntry[] = [];
  for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
    const e = all[i]!;
    if (kinds && !kinds.has(e.kind)) continue;
    const d = describeEntry(w, e);
    if (q.node && d.node !== q.node && !d.node.startsWith(`${q.node}/`)) continue;
    if (q.message !== undefined && d.message !== q.message) continue;
    out.push(d);
  }
  return out.reverse();
}

/** Offset of a message in the shared log of its partition, or null. */
function offsetOf(w: World, id: number): number | null {
  const p = w.partitions[partitionOf(w.messages, id)];
  if (!p) return null;
  for (const s of p.log.segments) {
    for (let i = 0; i < s.count; i++) if (s.ids[i] === id) return s.offsets ? s.offsets[i]! : s.baseOffset + i;
  }
  return null;
}

/** Everything the simulation knows about one message's life. */
export function messageLife(w: World, id: number, lost?: Set<number>): MessageLife | null {
  const m = w.messages;
  if (id <= 0 || id >= m.count) return null;
  const pid = partitionOf(m, id);
  const offset = offsetOf(w, id);
  const flags = flagsOf(m, id);
  const life: MessageLife = {
    id,
    key: keyText(w.keys, keyOf(m, id)),
    type: m.types[typeOf(m, id)] ?? '',
    partition: pname(w, pid),
    offset,
    correlation: correlationOf(m, id),
    causation: causationOf(m, id),
    causedByMessage: (flags & CAUSED_BY_MESSAGE) !== 0,
    producedAt: producedAtOf(m, id),
    replicatedAt: [],
    deliveredAt: [],
    processedAt: [],
    committedAt: [],
    lost: (lost ?? new Set(lostMessages(w).examples.map((e) => e.message))).has(id) && (flags & ACKED) !== 0,
    failed: (flags & FAILED) !== 0,
    traceIncomplete: false,
  };
  const all = entries(w.trace);
  life.traceIncomplete = all.length > 0 && all[0]!.time > life.producedAt && oldestHeld(w.trace) > 0;
  const seenReplica = new Set<number>();
  const seenDeliver = new Set<number>();
  const seenCommit = new Set<number>();
  for (const e of all) {
    if (e.time < life.producedAt) continue;
    if (e.kind === T.process && e.a === id) {
      life.processedAt.push({ group: w.groups[e.c]?.name ?? '', at: e.time, node: hostName(w, e.node) });
      continue;
    }
    if (e.part !== pid || offset === null) continue;
    const covers = e.a <= offset && offset < e.a + e.b;
    switch (e.kind) {
      case T.append:
        if (covers && life.appendedAt === undefined) life.appendedAt = e.time;
        break;
      case T.ack:
        if (e.c === 0 && covers && life.acknowledgedAt === undefined) life.acknowledgedAt = e.time;
        break;
      case T.replicate:
        if (e.a > offset && !seenReplica.has(e.node)) {
          seenReplica.add(e.node);
          life.replicatedAt.push({ broker: hostName(w, e.node), at: e.time });
        }
        break;
      case T.deliver:
        if (covers && !seenDeliver.has(e.c)) {
          seenDeliver.add(e.c);
          life.deliveredAt.push({ group: w.groups[e.c]?.name ?? '', at: e.time });
        }
        break;
      case T.commit:
        if (e.a > offset && !seenCommit.has(e.c)) {
          seenCommit.add(e.c);
          life.committedAt.push({ group: w.groups[e.c]?.name ?? '', at: e.time });
        }
        break;
      default:
        break;
    }
  }
  if (life.acknowledgedAt === undefined && (flags & ACKED) !== 0 && life.appendedAt !== undefined) life.acknowledgedAt = life.appendedAt;
  return life;
}

/** Every message of a key, oldest first (at most `limit`): the rows of the spacetime diagram. */
export function keyPath(w: World, key: string, limit = 200): MessageLife[] {
  const kid = keyId(w.keys, key);
  const out: MessageLife[] = [];
  const lost = new Set(lostMessages(w).examples.map((e) => e.message));
  for (let id = 1; id < w.messages.count && out.length < limit; id++) {
    if (keyOf(w.messages, id) === kid) out.push(messageLife(w, id, lost)!);
  }
  return out;
}

/** A partition's log for the inspector: segments, the newest records, each group's committed position. */
export function partitionDetail(w: World, pid: number, recent = 40): PartitionDetail | null {
  const p = w.partitions[pid];
  if (!p) return null;
  const live = partitionLive(w, pid);
  const segs = p.log.segments.map((s, i) => ({ baseOffset: s.baseOffset, nextOffset: s.nextOffset, records: s.count, bytes: s.bytes, active: i === p.log.segments.length - 1 }));
  const last: PartitionDetail['recent'] = [];
  for (let si = p.log.segments.length - 1; si >= 0 && last.length < recent; si--) {
    const s = p.log.segments[si]!;
    for (let i = s.count - 1; i >= 0 && last.length < recent; i--) {
      const id = s.ids[i]!;
      last.push({ offset: s.offsets ? s.offsets[i]! : s.baseOffset + i, message: id, key: keyText(w.keys, keyOf(w.messages, id)) });
    }
  }
  const st = currentState(p);
  return {
    partition: live,
    segments: segs,
    recent: last.reverse(),
    groups: w.groups.filter((g) => g.topics.includes(p.topic)).map((g) => {
      const l = partitionLag(w, g.id, pid);
      return { group: g.name, committed: l.committed, lag: l.lag };
    }),
    replicas: p.replicas.map((bid, s) => ({ broker: w.brokers[bid]!.number, end: viewEnd(p, s), inSync: st.isr.includes(s), tail: p.tail[s]?.length ?? 0 })),
  };
}

/** A consumer group for the inspector: members and their partitions, committed offsets and lag. */
export function groupDetail(w: World, gid: number): GroupDetail | null {
  const g = w.groups[gid];
  if (!g) return null;
  return {
    group: { id: g.id, name: g.name, state: g.state, generation: g.generation, members: g.members.length, lag: 0, rebalances: g.rebalances },
    strategy: g.strategy,
    coordinator: g.coordinator >= 0 ? hostName(w, w.brokers[g.coordinator]!.host) : 'none',
    members: g.members.map((m) => ({ memberId: m.memberId, instance: w.consumers[m.consumer]?.name ?? '', partitions: (g.assignment.get(m.memberId) ?? []).map((p) => pname(w, p)) })),
    committed: g.topics.flatMap((t) => w.topics[t]!.partitions.map((pid) => {
      const l = partitionLag(w, g.id, pid);
      return { partition: pname(w, pid), offset: l.committed, lag: l.lag };
    })),
  };
}

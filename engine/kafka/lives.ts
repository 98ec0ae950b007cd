/**
 * Message lives from the trace, many at once. Two passes over the ring's typed arrays (no entry objects) serve every
 * message asked for, so a key's 200 messages or a counter's 50 findings cost about what one message did.
 *
 * The trace records batches and offsets, not message ids, so a message is followed by its offset on its partition.
 * A lost message has no offset any more (no log holds it): the first pass finds the batch that carried it and the
 * acknowledgement of that batch, which gives the offset it had on the leader that took it; the second pass follows
 * that offset only until the next leader election (after which the offset belongs to other records) and looks for the
 * truncation that dropped it.
 */
import { T } from '../history/kinds.ts';
import { KT } from './trace.ts';
import { CAUSED_BY_MESSAGE, causationOf, correlationOf, FAILED, ACKED, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { keyText } from '../history/keys.ts';
import { oldestHeld } from '../history/trace.ts';
import { lostMessages } from '../check/checks.ts';
import { placeName, subscriptionName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import type { MessageLife } from '../live/types.ts';

interface Track {
  life: MessageLife;
  pid: number;
  /** Offset followed: where the log holds it, or where it was before a replica dropped it. */
  offset: number | null;
  /** The offset was found from its batch's acknowledgement (the log no longer holds it). */
  former: boolean;
  /** Messages of the batch that carried it, and its place in that batch. */
  batchCount: number;
  batchIndex: number;
  producerHost: number;
  /** After this time the followed offset belongs to other records (a new leader's). */
  epochEndsAt: number;
  seenReplica: Set<number>;
  seenDeliver: Set<number>;
  seenCommit: Set<number>;
  seenDrop: Set<number>;
}

function partitionName(w: World, pid: number): string {
  return placeName(w.msg, pid);
}

const hostName = (w: World, host: number) => (host >= 0 ? (w.net.names[host] ?? '') : '');
const groupName = (w: World, g: number) => subscriptionName(w.msg, g);

/** Offsets of the given messages in the logs of their partitions (each partition's log is read once). */
function offsetsOf(w: World, ids: readonly number[]): Map<number, number> {
  const wanted = new Map<number, Set<number>>();
  for (const id of ids) {
    const pid = partitionOf(w.messages, id);
    (wanted.get(pid) ?? wanted.set(pid, new Set()).get(pid)!).add(id);
  }
  const out = new Map<number, number>();
  for (const [pid, set] of wanted) {
    const p = w.parts.kafka.partitions[pid];
    if (!p) continue;
    for (const s of p.log.segments) {
      for (let i = 0; i < s.count && out.size < ids.length; i++) if (set.has(s.ids[i]!)) out.set(s.ids[i]!, s.offsets ? s.offsets[i]! : s.baseOffset + i);
    }
  }
  return out;
}

/** Place of `id` in a batch on `pid` that starts with message `first`, or -1 when it cannot be in it. */
function placeInBatch(w: World, pid: number, first: number, count: number, id: number): number {
  if (first > id) return -1;
  let place = 0;
  for (let m = first; m < id && place < count; m++) if (partitionOf(w.messages, m) === pid) place++;
  return place < count ? place : -1;
}

function newTrack(w: World, id: number, offset: number | undefined, lost: Set<number>): Track {
  const m = w.messages;
  const flags = flagsOf(m, id);
  const pid = partitionOf(m, id);
  const life: MessageLife = {
    id,
    key: keyText(w.keys, keyOf(m, id)),
    type: m.types[typeOf(m, id)] ?? '',
    partition: partitionName(w, pid),
    offset: offset ?? null,
    correlation: correlationOf(m, id),
    causation: causationOf(m, id),
    causedByMessage: (flags & CAUSED_BY_MESSAGE) !== 0,
    producedAt: producedAtOf(m, id),
    replicatedAt: [],
    deliveredAt: [],
    processedAt: [],
    committedAt: [],
    lost: lost.has(id) && (flags & ACKED) !== 0,
    failed: (flags & FAILED) !== 0,
    traceIncomplete: false,
  };
  const t: Track = {
    life, pid, offset: offset ?? null, former: false, batchCount: 0, batchIndex: -1, producerHost: -1, epochEndsAt: Infinity,
    seenReplica: new Set(), seenDeliver: new Set(), seenCommit: new Set(), seenDrop: new Set(),
  };
  return t;
}

/** Everything the trace still tells about each of `ids` (unknown ids are skipped), in the order asked. */
export function messageLives(w: World, ids: readonly number[]): MessageLife[] {
  const valid = ids.filter((id) => id > 0 && id < w.messages.count);
  if (valid.length === 0) return [];
  const lost = new Set(lostMessages(w).examples.map((e) => e.message));
  const offsets = offsetsOf(w, valid);
  const tracks = valid.map((id) => newTrack(w, id, offsets.get(id), lost));
  const byId = new Map(tracks.map((t) => [t.life.id, t]));
  const byPartition = new Map<number, Track[]>();
  const byRequest = new Map<number, Track[]>();
  for (const t of tracks) (byPartition.get(t.pid) ?? byPartition.set(t.pid, []).get(t.pid)!).push(t);
  for (const t of tracks) if (!t.life.causedByMessage && t.life.causation > 0) (byRequest.get(t.life.causation) ?? byRequest.set(t.life.causation, []).get(t.life.causation)!).push(t);
  let earliest = Infinity;
  for (const t of tracks) earliest = Math.min(earliest, t.life.producedAt);

  const tr = w.trace;
  const first = Math.max(0, tr.written - tr.capacity);
  const oldestTime = tr.written > 0 ? tr.time[first % tr.capacity]! : Infinity;
  for (const t of tracks) t.life.traceIncomplete = oldestHeld(tr) > 0 && oldestTime > t.life.producedAt;

  // Pass 1: the batch that carried each message, and for a message no log holds, the offset it was acknowledged at.
  for (let s = first; s < tr.written; s++) {
    const i = s % tr.capacity;
    const time = tr.time[i]!;
    if (time < earliest) continue;
    const kind = tr.kind[i]!;
    if (kind !== KT.send && kind !== KT.ack) continue;
    const list = byPartition.get(tr.part[i]!);
    if (!list) continue;
    const a = tr.a[i]!, b = tr.b[i]!, host = tr.node[i]!;
    for (const t of list) {
      if (time < t.life.producedAt) continue;
      if (kind === KT.send && t.life.sentAt === undefined) {
        const place = placeInBatch(w, t.pid, a, b, t.life.id);
        if (place < 0) continue;
        t.life.sentAt = time;
        t.life.producer = hostName(w, host);
        t.producerHost = host;
        t.batchCount = b;
        t.batchIndex = place;
      } else if (kind === KT.ack && t.offset === null && t.life.sentAt !== undefined && host === t.producerHost && tr.c[i] === 0 && a >= 0 && b === t.batchCount) {
        t.offset = a + t.batchIndex;
        t.former = true;
        t.life.formerOffset = t.offset;
      }
    }
  }

  // Pass 2: every stage at that offset, processing by message id, and the request that started it.
  for (let s = first; s < tr.written; s++) {
    const i = s % tr.capacity;
    const time = tr.time[i]!;
    if (time < earliest) continue;
    const kind = tr.kind[i]!;
    const a = tr.a[i]!, b = tr.b[i]!, c = tr.c[i]!, host = tr.node[i]!;
    if (kind === T.process) {
      const t = byId.get(a);
      if (t && time >= t.life.producedAt) t.life.processedAt.push({ group: groupName(w, c), at: time, node: hostName(w, host) });
      continue;
    }
    if (kind === T.checkout) {
      for (const t of byRequest.get(a) ?? []) t.life.origin ??= { node: hostName(w, host), request: a, startAt: time - b, endAt: time, ok: c === 0 };
      continue;
    }
    const list = byPartition.get(tr.part[i]!);
    if (!list) continue;
    for (const t of list) stage(w, t, kind, time, host, a, b, c);
  }

  for (const t of tracks) {
    const l = t.life;
    // acks=0 is acknowledged once sent: the trace has no acknowledgement with an offset to match.
    if (l.acknowledgedAt === undefined && (flagsOf(w.messages, l.id) & ACKED) !== 0 && l.appendedAt !== undefined && !t.former) l.acknowledgedAt = l.appendedAt;
  }
  return tracks.map((t) => t.life);
}

/** One partition-level trace entry applied to one message's life. */
function stage(w: World, t: Track, kind: number, time: number, host: number, a: number, b: number, c: number): void {
  const l = t.life;
  const o = t.offset;
  if (o === null || time < l.producedAt) return;
  if (kind === KT.truncate) {
    // A replica that held it dropped its divergent end. The trace does not say from which offset, so each holder's
    // first truncation after the new leader took over counts; the last holder to drop it is when it was lost.
    const name = hostName(w, host);
    const held = name === l.leader || t.seenReplica.has(host);
    if (t.former && held && time > t.epochEndsAt && !t.seenDrop.has(host)) {
      t.seenDrop.add(host);
      l.droppedAt = { broker: name, at: time, offset: o };
    }
    return;
  }
  if (time > t.epochEndsAt) return;
  const covers = a <= o && o < a + b;
  switch (kind) {
    case KT.append:
      if (covers && l.appendedAt === undefined && time >= (l.sentAt ?? l.producedAt)) {
        l.appendedAt = time;
        l.leader = hostName(w, host);
      }
      break;
    case KT.ack:
      if (covers && c === 0 && l.acknowledgedAt === undefined && (t.producerHost < 0 || host === t.producerHost)) l.acknowledgedAt = time;
      break;
    case KT.replicate:
      if (l.appendedAt !== undefined && a > o && hostName(w, host) !== l.leader && !t.seenReplica.has(host)) {
        t.seenReplica.add(host);
        l.replicatedAt.push({ broker: hostName(w, host), at: time });
      }
      break;
    case KT.deliver:
      if (covers && !t.seenDeliver.has(c)) {
        t.seenDeliver.add(c);
        l.deliveredAt.push({ group: groupName(w, c), at: time, node: hostName(w, host) });
      }
      break;
    case KT.commit:
      if (l.appendedAt !== undefined && a > o && !t.seenCommit.has(c)) {
        t.seenCommit.add(c);
        l.committedAt.push({ group: groupName(w, c), at: time, node: hostName(w, host) });
      }
      break;
    case KT.election:
      // A new leader: from now on this offset names its records, not the ones a replica is about to drop.
      if (t.former && l.appendedAt !== undefined && time > l.appendedAt) t.epochEndsAt = time;
      break;
    default:
      break;
  }
}

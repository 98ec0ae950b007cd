/**
 * Answers to the app's questions about a running world: the event log in words, one message's life, every message
 * of a key (the spacetime diagram), a partition's log and a group's assignment. Each reads the trace ring and the
 * state on demand; nothing here runs per event.
 */
import { T } from '../history/kinds.ts';
import { CAUSED_BY_MESSAGE, causationOf, flagsOf, keyOf, partitionOf } from '../history/messages.ts';
import { oldestHeld, traceKindInfo, traceKindNamed, type TraceEntry, type TraceKind } from '../history/trace.ts';
import { placeName } from '../messaging/state.ts';
import { FAMILIES } from '../components.ts';
import type { World } from '../world.ts';
import type { LogEntry, MessageLife } from './types.ts';

function pname(w: World, pid: number): string {
  return placeName(w.msg, pid);
}

function hostName(w: World, host: number): string {
  return host >= 0 ? (w.net.names[host] ?? '') : '';
}

/** One trace entry in words, as the family that declared its kind tells it. */
export function describeEntry(w: World, e: TraceEntry): LogEntry {
  const node = hostName(w, e.node);
  const part = e.part >= 0 ? pname(w, e.part) : undefined;
  const info = traceKindInfo(e.kind);
  if (!info) return { seq: e.seq, timeUs: e.time, kind: 'event', node, text: 'event', partition: part };
  const d = info.describe(w, e, { node, place: part });
  if (d.placeless) return { seq: e.seq, timeUs: e.time, kind: info.name, node: d.node ?? node, text: d.text };
  return { seq: e.seq, timeUs: e.time, kind: info.name, node: d.node ?? node, text: d.text, partition: part, message: d.message, group: d.group };
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

/** The newest entries of the event log that match, oldest first. Reads the ring in place; describes only matches. */
export function eventLog(w: World, q: LogQuery = {}): LogEntry[] {
  const limit = q.limit ?? 500;
  const kinds = q.kinds ? new Set(q.kinds.map((k) => traceKindNamed(k))) : null;
  const node = q.node;
  const hosts = node === undefined ? null : new Set(w.net.names.flatMap((n, h) => (n === node || n.startsWith(`${node}/`) ? [h] : [])));
  const t = w.trace;
  const from = Math.max(q.fromSeq ?? 0, oldestHeld(t));
  const out: LogEntry[] = [];
  for (let seq = t.written - 1; seq >= from && out.length < limit; seq--) {
    const i = seq % t.capacity;
    const kind = t.kind[i]!;
    if (kinds && !kinds.has(kind)) continue;
    // A fault is placed at its target, not at the host it was recorded on: describe it to know.
    if (hosts && kind !== T.fault && !hosts.has(t.node[i]!)) continue;
    if (q.message !== undefined && !traceKindInfo(kind)?.namesMessage) continue;
    const d = describeEntry(w, { seq, time: t.time[i]!, kind: kind as TraceKind, node: t.node[i]!, part: t.part[i]!, a: t.a[i]!, b: t.b[i]!, c: t.c[i]! });
    if (node !== undefined && d.node !== node && !d.node.startsWith(`${node}/`)) continue;
    if (q.message !== undefined && d.message !== q.message) continue;
    out.push(d);
  }
  return out.reverse();
}

/** The names of the kinds the trace ring still holds: what the event log can show, so its filter offers only those. */
export function logKinds(w: World): string[] {
  const t = w.trace;
  const seen = new Uint8Array(256);
  const end = Math.min(t.written, t.capacity);
  for (let i = 0; i < end; i++) seen[t.kind[i]!] = 1;
  const out: string[] = [];
  seen.forEach((on, kind) => {
    if (on) out.push(traceKindInfo(kind)?.name ?? 'event');
  });
  return out;
}


/** Everything the trace still tells about each of `ids`, as the family of their places reads it. */
export function messageLives(w: World, ids: readonly number[]): MessageLife[] {
  const valid = ids.filter((id) => id > 0 && id < w.messages.count);
  const byFamily = new Map<string, number[]>();
  for (const id of valid) {
    const family = w.msg.places[partitionOf(w.messages, id)]?.family ?? '';
    (byFamily.get(family) ?? byFamily.set(family, []).get(family)!).push(id);
  }
  const lives = new Map<number, MessageLife>();
  for (const [family, mine] of byFamily) for (const life of FAMILIES.find((f) => f.name === family)?.lives?.(w, mine) ?? []) lives.set(life.id, life);
  return valid.flatMap((id) => lives.get(id) ?? []);
}

/** Everything the simulation knows about one message's life. */
export function messageLife(w: World, id: number): MessageLife | null {
  return messageLives(w, [id])[0] ?? null;
}

/** The id of a key the run knows, or null. (keyId would register an unknown key: a question must not change the run.) */
function knownKeyId(w: World, text: string): number | null {
  const m = /^(.*)-(\d+)$/.exec(text);
  if (m) {
    const n = Number(m[2]);
    for (const s of w.keys.spaces) if (s.name === m[1] && n >= 1 && n <= s.size) return s.base + n;
  }
  return w.keys.named.get(text) ?? null;
}

/** The newest `limit` messages of a key, oldest first: the rows of the spacetime diagram. */
export function keyPath(w: World, key: string, limit = 200): MessageLife[] {
  const kid = knownKeyId(w, key);
  if (kid === null) return [];
  const ids: number[] = [];
  for (let id = w.messages.count - 1; id >= 1 && ids.length < limit; id--) if (keyOf(w.messages, id) === kid) ids.push(id);
  return messageLives(w, ids.reverse());
}

/** The message `id` is a copy of, as the family that made it says (0: none, it is a publish of its own). */
export function copyOf(w: World, id: number): number {
  for (const f of FAMILIES) {
    const original = f.copyOf?.(w, id) ?? 0;
    if (original > 0) return original;
  }
  return 0;
}

/**
 * The story a message belongs to: the messages its request published and everything they caused in turn (or, for a
 * message no request started, its first ancestor and that one's descendants), oldest first, at most `limit`. A copy
 * of a publish (RabbitMQ routing one message to several queues) belongs where its original does.
 * @example story(w, 3008) // the OrderCreatedEvent of checkout 10543, and the events its consumers published
 */
export function story(w: World, id: number, limit = 100): MessageLife[] {
  const m = w.messages;
  if (id <= 0 || id >= m.count) return [];
  let root = id;
  for (let hops = 0; hops < 1000; hops++) {
    const parent = (flagsOf(m, root) & CAUSED_BY_MESSAGE) !== 0 ? causationOf(m, root) : copyOf(w, root);
    if (parent <= 0) break;
    root = parent;
  }
  const request = (flagsOf(m, root) & CAUSED_BY_MESSAGE) === 0 ? causationOf(m, root) : 0;
  const members = new Set<number>([root]);
  // Causes (and originals) are produced before their effects (and copies), so one forward scan finds the whole tree.
  for (let x = request > 0 ? 1 : root + 1; x < m.count && members.size < limit; x++) {
    const c = causationOf(m, x);
    if ((flagsOf(m, x) & CAUSED_BY_MESSAGE) !== 0) {
      if (members.has(c)) members.add(x);
    } else {
      const original = members.has(c) || (request > 0 && c === request) ? copyOf(w, x) : 0;
      if (original > 0 ? members.has(original) : request > 0 && c === request) members.add(x);
    }
  }
  if (!members.has(id)) members.add(id);
  return messageLives(w, [...members].sort((a, b) => a - b));
}

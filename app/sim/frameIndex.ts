/**
 * A frame looked up by topology node: the slice each canvas node draws, which nodes are down, which links are cut.
 * Built once per frame (cached by identity), so hundreds of node components can each find their slice in O(1).
 */
import type { ClientLive, ClusterLive, Frame, GroupLive, PartitionLive, ServiceLive } from '../../engine/index.ts';

export interface FrameIndex {
  services: ReadonlyMap<string, ServiceLive>;
  clusters: ReadonlyMap<string, ClusterLive>;
  clients: ReadonlyMap<string, ClientLive>;
  groups: ReadonlyMap<number, GroupLive>;
  /** Partitions by topic name, in index order. */
  topics: ReadonlyMap<string, PartitionLive[]>;
  /** Topology nodes some of whose hosts are down, and those all of whose hosts are. */
  partlyDown: ReadonlySet<string>;
  down: ReadonlySet<string>;
  /** Pairs of topology nodes with at least one severed link between them (cuts and network splits), both ways. */
  cut: ReadonlySet<string>;
}

/** The topology node a network host belongs to: `Kafka/2` and `Kafka/controller` are `Kafka`'s. */
export function hostNode(host: string): string {
  const slash = host.lastIndexOf('/');
  return slash > 0 ? host.slice(0, slash) : host;
}

/** The key of an unordered pair of nodes in `FrameIndex.cut`. */
export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

const cache = new WeakMap<Frame, FrameIndex>();

/** The index of `frame`, built on first use. */
export function frameIndex(frame: Frame): FrameIndex {
  let index = cache.get(frame);
  if (!index) {
    index = buildIndex(frame);
    cache.set(frame, index);
  }
  return index;
}

function buildIndex(f: Frame): FrameIndex {
  const topics = new Map<string, PartitionLive[]>();
  for (const c of f.clusters) for (const p of c.partitions) (topics.get(p.topic) ?? topics.set(p.topic, []).get(p.topic)!).push(p);
  for (const list of topics.values()) list.sort((a, b) => a.index - b.index);
  return {
    services: new Map(f.services.map((s) => [s.node, s])),
    clusters: new Map(f.clusters.map((c) => [c.node, c])),
    clients: new Map(f.clients.map((c) => [c.node, c])),
    groups: new Map(f.groups.map((g) => [g.id, g])),
    topics,
    ...downNodes(f),
    cut: cutPairs(f),
  };
}

function downNodes(f: Frame): { down: Set<string>; partlyDown: Set<string> } {
  const partlyDown = new Set(f.down.map(hostNode));
  const down = new Set<string>();
  for (const s of f.services) if (s.instances > 0 && s.up === 0) down.add(s.node);
  for (const c of f.clusters) if (c.brokers.length > 0 && c.brokers.every((b) => !b.alive)) down.add(c.node);
  for (const s of f.services) if (s.up > 0 && s.up < s.instances) partlyDown.add(s.node);
  return { down, partlyDown };
}

function cutPairs(f: Frame): Set<string> {
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    const x = hostNode(a);
    const y = hostNode(b);
    if (x === y) return;
    pairs.add(pairKey(x, y));
    pairs.add(pairKey(y, x));
  };
  for (const [a, b] of f.cuts) add(a, b);
  // Hosts on different sides of a split cannot reach each other; hosts on no side reach everyone.
  for (let i = 0; i < f.sides.length; i++) {
    for (let j = i + 1; j < f.sides.length; j++) for (const a of f.sides[i]!) for (const b of f.sides[j]!) add(a, b);
  }
  return pairs;
}

/** Whether some link between two topology nodes is severed in `frame`. */
export function isCut(frame: Frame, from: string, to: string): boolean {
  return frameIndex(frame).cut.has(pairKey(from, to));
}

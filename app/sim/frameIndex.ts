/**
 * A frame looked up by topology node: the live state each canvas node draws, which nodes are down, which links are
 * cut. Built once per frame (cached by identity), so hundreds of node components can each find their slice in O(1).
 */
import type { Frame, KafkaNodeLive, NodeLive, PartitionLive } from '../../engine/index.ts';

export interface FrameIndex {
  /** Live state by topology node id, as the frame carries it. */
  nodes: Readonly<Record<string, NodeLive>>;
  /** Kafka nodes, for what lists brokers and partitions. */
  clusters: readonly (KafkaNodeLive & { node: string })[];
  /** Subscription (consumer group) lag by id. */
  lags: ReadonlyMap<number, number>;
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
  const clusters: (KafkaNodeLive & { node: string })[] = [];
  for (const [node, live] of Object.entries(f.nodes)) if (live.type === 'kafka') clusters.push({ ...live, node });
  const topics = new Map<string, PartitionLive[]>();
  for (const c of clusters) for (const p of c.partitions) (topics.get(p.topic) ?? topics.set(p.topic, []).get(p.topic)!).push(p);
  for (const list of topics.values()) list.sort((a, b) => a.index - b.index);
  return {
    nodes: f.nodes,
    clusters,
    lags: new Map(f.subscriptions.map((s) => [s.id, s.lag])),
    topics,
    ...downNodes(f),
    cut: cutPairs(f),
  };
}

/** A node is down when it has hosts and none is up, partly down when some host of it is down. */
function downNodes(f: Frame): { down: Set<string>; partlyDown: Set<string> } {
  const partlyDown = new Set(f.down.map(hostNode));
  const down = new Set<string>();
  for (const [node, live] of Object.entries(f.nodes)) {
    if (live.of > 0 && live.up === 0) down.add(node);
    else if (live.up > 0 && live.up < live.of) partlyDown.add(node);
  }
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

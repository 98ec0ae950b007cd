/**
 * Narrow subscriptions for canvas nodes and edges: each picks its own slice of the canvas's frame (`view`) through
 * the frame index, and re-renders only when what it draws changed (STYLE.md §7).
 */
import { useRef, useSyncExternalStore } from 'react';
import type { Frame, NodeLive, NodeLives, PartitionLive } from '../../../engine/index.ts';
import { frameIndex, pairKey, type FrameIndex } from '../../sim/frameIndex.ts';
import { liveStore, type LiveState } from '../../sim/liveStore.ts';
import { partitionTool } from '../../playback/partitionTool.ts';

/** Like `useLive(selector)`, but a new value that `equal` finds the same as the last keeps the last (no render). */
export function useLiveWith<T>(select: (s: LiveState) => T, equal: (a: T, b: T) => boolean): T {
  const last = useRef<{ value: T } | null>(null);
  const get = () => {
    const next = select(liveStore.getState());
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(liveStore.subscribe, get);
}

const fromView = <T>(pick: (index: FrameIndex, view: Frame) => T | undefined) => (s: LiveState) => (s.view ? pick(frameIndex(s.view), s.view) : undefined);

/** Equal when every own field is identical (the slices are flat records of numbers and strings). */
export function sameFields<T extends object>(a: T | undefined, b: T | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

const samePartitions = (a: readonly PartitionLive[] | undefined, b: readonly PartitionLive[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((p, i) => samePartition(p, b[i]!)));

function samePartition(a: PartitionLive, b: PartitionLive): boolean {
  return a.leader === b.leader && a.offline === b.offline && a.logEnd === b.logEnd && a.highWatermark === b.highWatermark && a.isr.join() === b.isr.join();
}

/** A node's live state when it is of `type`, else undefined. */
const ofType = <K extends keyof NodeLives>(id: string, type: K) =>
  fromView((x) => {
    const live: NodeLive | undefined = x.nodes[id];
    return live?.type === type ? (live as NodeLives[K]) : undefined;
  });

/** A node's live state when it is of `type`, for flat states (a re-render only when one of its fields changed). */
export const useNodeLive = <K extends keyof NodeLives>(id: string, type: K): NodeLives[K] | undefined => useLiveWith(ofType(id, type), sameFields);

export const useServiceLive = (id: string): NodeLives['service'] | undefined => useNodeLive(id, 'service');

export const useClientLive = (id: string): NodeLives['client'] | undefined => useNodeLive(id, 'client');

export const useClusterLive = (id: string): NodeLives['kafka'] | undefined =>
  useLiveWith(
    ofType(id, 'kafka'),
    (a, b) => a === b || (!!a && !!b && a.controllerAlive === b.controllerAlive && a.quorum.active === b.quorum.active && a.quorum.majority === b.quorum.majority && sameFields(a.quorum.voters, b.quorum.voters) && a.brokers.every((x, i) => sameFields(x, b.brokers[i])) && samePartitions(a.partitions, b.partitions)),
  );

/** The type of a node's live state (which live row draws it), or undefined before a run. */
export const useLiveType = (id: string): string | undefined => useLiveWith(fromView((x) => x.nodes[id]?.type), Object.is);

export const useTopicNodeLive = (id: string): PartitionLive[] | undefined => useLiveWith(fromView((x) => (x.nodes[id]?.type === 'topic' ? (x.nodes[id] as NodeLives['topic']).partitions : undefined)), samePartitions);

export const usePartitionNodeLive = (id: string): PartitionLive | undefined =>
  useLiveWith(fromView((x) => (x.nodes[id]?.type === 'partition' ? (x.nodes[id] as NodeLives['partition']).partition : undefined)), (a, b) => a === b || (!!a && !!b && samePartition(a, b)));

/** The group's lag for a consuming service, when it has a group. */
export const useGroupLag = (group: number): number | undefined => useLiveWith(fromView((x) => x.lags.get(group)), Object.is);

/** How a node is doing on the canvas: all hosts down, some down, or up (`off` with no run). */
export type NodeHealth = 'off' | 'up' | 'partly-down' | 'down';

export const useNodeHealth = (id: string): NodeHealth =>
  useLiveWith((s) => {
    if (!s.view) return 'off';
    const x = frameIndex(s.view);
    return x.down.has(id) ? 'down' : x.partlyDown.has(id) ? 'partly-down' : 'up';
  }, Object.is);

/** Whether the node is among those the learner is looking at (a finding, a message, a key). */
export const useHighlighted = (id: string): boolean => useLiveWith((s) => s.highlight?.nodes.includes(id) ?? false, Object.is);

/** Whether some link between two nodes is severed, and whether both ends are highlighted. */
export const useEdgeLive = (from: string, to: string): { cut: boolean; highlighted: boolean } =>
  useLiveWith(
    (s) => ({
      cut: s.view ? frameIndex(s.view).cut.has(pairKey(from, to)) : false,
      highlighted: !!s.highlight && s.highlight.nodes.includes(from) && s.highlight.nodes.includes(to),
    }),
    sameFields,
  );

/** The side the partition tool has put this node on, if it is open. */
export function useSide(id: string): 'a' | 'b' | undefined {
  return useSyncExternalStore(partitionTool.subscribe, () => (partitionTool.getState().open ? partitionTool.getState().sides[id] : undefined));
}

/**
 * The partition tool's state: while it is open, the learner puts hosts on side A or side B (clicking nodes on the
 * canvas cycles them: A, B, neither). Hosts on neither side keep reaching both, as in the engine.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { partitionLine } from '../sim/faultLines.ts';

export type Side = 'a' | 'b';

export interface PartitionToolState {
  open: boolean;
  sides: Readonly<Record<string, Side>>;
}

export const partitionTool = createStore<PartitionToolState>()(() => ({ open: false, sides: {} }));

export function usePartitionTool<T>(selector: (s: PartitionToolState) => T): T {
  return useStore(partitionTool, selector);
}

export function openPartitionTool(): void {
  partitionTool.setState({ open: true });
}

export function closePartitionTool(): void {
  partitionTool.setState({ open: false, sides: {} });
}

/** Puts `host` on a side, or on neither (null). */
export function setSide(host: string, side: Side | null): void {
  const sides = { ...partitionTool.getState().sides };
  if (side) sides[host] = side;
  else delete sides[host];
  partitionTool.setState({ sides });
}

/** A click on a node: neither → A → B → neither. */
export function cycleSide(host: string): void {
  const now = partitionTool.getState().sides[host];
  setSide(host, now === undefined ? 'a' : now === 'a' ? 'b' : null);
}

/** The fault line for the chosen sides, or null until both sides have a host. */
export function splitLine(sides: Readonly<Record<string, Side>>): string | null {
  const a = Object.keys(sides).filter((h) => sides[h] === 'a');
  const b = Object.keys(sides).filter((h) => sides[h] === 'b');
  return a.length > 0 && b.length > 0 ? partitionLine([a, b]) : null;
}

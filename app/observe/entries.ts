/**
 * Checkouts per entry point, named for the panels. A run with a legacy and an event-driven entry side by side must
 * read as two numbers: one blended share (90%, then 83%) says neither design's story.
 */
import type { EntryPoint, Topology } from '../../engine/index.ts';

export interface EntryRow extends EntryPoint {
  /** Short, for tight rows and legends: the node's label, or its id when another entry has the same label. */
  name: string;
  /** In words: `Checkout Client`, `users of Order Service`, `events of Order Service`. */
  long: string;
}

/** The entry points named after their topology nodes, in the frame's order (the order of the chart's columns). */
export function entryRows(entries: readonly EntryPoint[] | undefined, topology: Topology | null | undefined): EntryRow[] {
  const label = (node: string) => topology?.nodes.find((n) => n.id === node)?.label.trim() || node;
  // A client with edges to several nodes is one entry per edge: `Client → Read Side`.
  const labels = (entries ?? []).map((e) => (e.to ? `${label(e.node)} → ${label(e.to)}` : label(e.node)));
  return (entries ?? []).map((e, i) => {
    const shared = labels.some((l, j) => j !== i && l === labels[i]);
    const name = shared ? (e.to ? `${e.node} → ${e.to}` : e.node) : labels[i]!;
    return { ...e, name, long: e.kind === 'client' ? name : `${e.kind} of ${name}` };
  });
}

/** The entries that have had checkouts: the panels list only those. */
export const startedRows = (rows: EntryRow[]) => rows.filter((r) => r.ok + r.failed > 0);

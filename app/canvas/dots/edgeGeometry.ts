/**
 * Where each drawn edge runs, as the edge components last drew it: the dot layer reads this instead of the DOM.
 * Edges culled off screen are not drawn, so they are not here either, and get no dots.
 */
import { samplePath, type Polyline } from './pathSampler.ts';

interface Geometry {
  d: string;
  color: string;
  from: string;
  to: string;
  /** Sampled on first use after a change. */
  line: Polyline | null;
}

const edges = new Map<string, Geometry>();

/** Records the path an edge draws (called from the edge component on each change of its path). */
export function setEdgeGeometry(id: string, d: string, color: string, from: string, to: string): void {
  const old = edges.get(id);
  edges.set(id, { d, color, from, to, line: old && old.d === d ? old.line : null });
}

export function deleteEdgeGeometry(id: string): void {
  edges.delete(id);
}

/** Every drawn edge with its polyline, for one pass of the dot layer. */
export function* drawnEdges(): Generator<[string, Geometry & { line: Polyline }]> {
  for (const [id, g] of edges) {
    g.line ??= samplePath(g.d);
    yield [id, g as Geometry & { line: Polyline }];
  }
}

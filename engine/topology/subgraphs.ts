/**
 * Subgraph membership exactly as mermaid's FlowDB computes it: a subgraph lists the nodes mentioned in vertex
 * statements inside it (later groups of a chain first) and its nested subgraphs' ids, and a node already listed by a
 * subgraph that closed earlier stays there.
 */
import type { Direction } from './types.ts';

export interface SubgraphRecord {
  id: string;
  title: string;
  nodes: string[];
  dir?: Direction;
  markdown: boolean;
}

/** One item a subgraph collects from its body: a node id, or a `direction` statement. */
export type MemberItem = string | { dir: Direction };

export class SubgraphTable {
  readonly list: SubgraphRecord[] = [];
  private readonly byId = new Map<string, SubgraphRecord>();
  private readonly assigned = new Set<string>();
  private count = 0;

  get(id: string): SubgraphRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Adds a subgraph when its `end` is read; returns its id. `id` is undefined when mermaid names it itself
   * (`subGraph0`, `subGraph1` ... in closing order).
   */
  add(id: string | undefined, title: string, items: MemberItem[], markdown: boolean): string {
    const seen = new Set<string>();
    const nodes: string[] = [];
    let dir: Direction | undefined;
    for (const item of items) {
      if (typeof item !== 'string') dir = item.dir;
      else if (item.trim() !== '' && !seen.has(item)) {
        seen.add(item);
        nodes.push(item);
      }
    }
    const name = id ?? `subGraph${this.count}`;
    this.count++;
    const kept = nodes.filter((n) => !this.assigned.has(n) && n !== name);
    for (const n of kept) this.assigned.add(n);
    const existing = this.byId.get(name);
    if (existing) {
      existing.nodes.push(...kept);
    } else {
      const record: SubgraphRecord = { id: name, title: title.trim(), nodes: kept, markdown };
      if (dir) record.dir = dir;
      this.list.push(record);
      this.byId.set(name, record);
    }
    return name;
  }

  /** Which subgraph lists each id (node or subgraph). */
  owners(): Map<string, string> {
    const out = new Map<string, string>();
    for (const sg of this.list) for (const n of sg.nodes) if (!out.has(n)) out.set(n, sg.id);
    return out;
  }
}

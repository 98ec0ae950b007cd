/**
 * Every edit on every seed diagram and on a comment-heavy topology: the result parses, has the intended effect,
 * leaves every other node as it was, and keeps each comment and style line of the original byte for byte (except
 * the lines that belonged to a deleted node).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse.ts';
import type { CanvasEdit, Topology, TopologyEdge } from '../types.ts';
import { patchTopology } from './patch.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const files = [
  ...readdirSync(join(fixtures, 'seeds')).filter((f) => f.endsWith('.mmd')).map((f) => join('seeds', f)),
  'commented.mmd',
];

/** Comment and style lines, which no edit may touch unless they belong to a deleted node. */
function keptLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s*(%%|style\s|classDef\s)/.test(l));
}

/** Each node as the rest of the topology sees it. */
function nodeView(t: Topology, except?: string): Record<string, string> {
  return Object.fromEntries(t.nodes.filter((n) => n.id !== except).map((n) => [n.id, JSON.stringify([n.label, n.shape, n.group, n.kind])]));
}

const edgeKey = (e: TopologyEdge) => `${e.from}>${e.to}|${e.label ?? ''}|${e.stroke}`;
const edgeBag = (edges: TopologyEdge[]) => edges.map(edgeKey).sort();

function apply(text: string, edit: CanvasEdit) {
  const result = patchTopology(text, edit);
  expect(result.error, JSON.stringify(edit)).toBeUndefined();
  const after = parseTopology(result.text);
  expect(after.diagnostics.filter((d) => d.severity === 'error'), `${JSON.stringify(edit)}\n${result.text}`).toEqual([]);
  let rebuilt = text;
  for (const c of [...result.changes].reverse()) rebuilt = rebuilt.slice(0, c.from) + c.insert + rebuilt.slice(c.to);
  expect(rebuilt).toBe(result.text);
  return { result, after: after.topology };
}

function expectLinesKept(before: string, after: string, owner?: string, topic?: string): void {
  const lines = new Set(after.split('\n'));
  for (const line of keptLines(before)) {
    const own =
      owner !== undefined &&
      (new RegExp(`^\\s*style ${owner} `).test(line) || line.trim().startsWith(`%% @config ${owner} `) || (topic !== undefined && line.trim().startsWith(`%% @config ${topic} `)));
    if (!own) expect(lines.has(line), `lost line: ${line}`).toBe(true);
  }
}

for (const file of files) {
  const text = readFileSync(join(fixtures, file), 'utf8');
  const before = parseTopology(text).topology;

  describe(`edits on ${file}`, () => {
    it('adds nodes, at the top level and inside a subgraph', () => {
      for (const [label, kind] of [['Audit Service', 'service'], ['Audit Log', 'queue'], ['Orders (archive)', 'database']] as const) {
        const { result, after } = apply(text, { type: 'addNode', label, kind });
        const created = after.nodes.find((n) => n.id === result.createdId);
        expect(created).toMatchObject({ label, kind });
        expect(created?.group).toBeUndefined();
        expect(nodeView(after, result.createdId)).toEqual(nodeView(before));
        expectLinesKept(text, result.text);
      }
      for (const g of before.groups) {
        const { result, after } = apply(text, { type: 'addNode', label: 'Extra Worker', kind: 'consumer', group: g.id });
        expect(after.nodes.find((n) => n.id === result.createdId)).toMatchObject({ group: g.id, kind: 'consumer' });
        expect(nodeView(after, result.createdId)).toEqual(nodeView(before));
      }
    });

    it('adds edges without moving nodes between subgraphs', () => {
      const ids = [...before.nodes.map((n) => n.id), ...before.groups.map((g) => g.id)];
      for (const from of ids) {
        for (const to of [ids[0], ids[ids.length - 1]] as string[]) {
          const { result, after } = apply(text, { type: 'addEdge', from, to, label: 'audit' });
          expect(edgeBag(after.edges)).toEqual(edgeBag([...before.edges, { ...before.edges[0], from, to, label: 'audit', stroke: 'normal' } as TopologyEdge]));
          expect(nodeView(after)).toEqual(nodeView(before));
          expect(after.groups.map((g) => g.members.slice().sort())).toEqual(before.groups.map((g) => g.members.slice().sort()));
          expectLinesKept(text, result.text);
        }
      }
    });

    it('renames each node where its label is defined', () => {
      for (const n of before.nodes) {
        const { result, after } = apply(text, { type: 'renameNode', id: n.id, label: 'Renamed (v2) "quoted"' });
        expect(after.nodes.find((m) => m.id === n.id)?.label).toBe('Renamed (v2) "quoted"');
        const others = (t: Topology) => Object.fromEntries(t.nodes.filter((m) => m.id !== n.id).map((m) => [m.id, m.label]));
        expect(others(after)).toEqual(others(before));
        expectLinesKept(text, result.text);
      }
    });

    it('deletes each node with its edges, keeping every other node as it was', () => {
      for (const n of before.nodes) {
        const { result, after } = apply(text, { type: 'deleteNode', id: n.id });
        expect(after.nodes.map((m) => m.id)).not.toContain(n.id);
        expect(after.edges.filter((e) => e.from === n.id || e.to === n.id)).toEqual([]);
        expect(nodeView(after)).toEqual(nodeView(before, n.id));
        expect(edgeBag(after.edges)).toEqual(edgeBag(before.edges.filter((e) => e.from !== n.id && e.to !== n.id)));
        expectLinesKept(text, result.text, n.id, n.kind === 'topic' ? n.topics?.[0] : undefined);
      }
    });

    it('deletes each edge, splitting chains and & lists', () => {
      before.edges.forEach((e, i) => {
        const { result, after } = apply(text, { type: 'deleteEdge', edgeId: e.id });
        expect(edgeBag(after.edges)).toEqual(edgeBag(before.edges.filter((_, k) => k !== i)));
        expect(nodeView(after)).toEqual(nodeView(before));
        expectLinesKept(text, result.text);
      });
    });

    it('sets and removes each edge label', () => {
      before.edges.forEach((e, i) => {
        for (const label of ['new label', 'a|b (c)', '']) {
          const { result, after } = apply(text, { type: 'setEdgeLabel', edgeId: e.id, label });
          const want = before.edges.map((x, k) => (k === i ? { ...x, label: label === '' ? undefined : label } : x));
          expect(edgeBag(after.edges)).toEqual(edgeBag(want as TopologyEdge[]));
          expect(nodeView(after)).toEqual(nodeView(before));
          expectLinesKept(text, result.text);
        }
      });
    });

    it('sets each node kind', () => {
      for (const n of before.nodes) {
        for (const kind of ['queue', n.kind] as const) {
          const { result, after } = apply(text, { type: 'setKind', id: n.id, kind });
          expect(after.nodes.find((m) => m.id === n.id)?.kind).toBe(kind);
          if (kind === n.kind) expect(result.changes).toEqual([]);
          const others = (t: Topology) => Object.fromEntries(t.nodes.filter((m) => m.id !== n.id).map((m) => [m.id, m.kind]));
          expect(others(after)).toEqual(others(before));
          expectLinesKept(text, result.text);
        }
      }
    });

    it('sets, changes and removes config', () => {
      const node = before.nodes[0];
      if (!node) return;
      let current = text;
      for (const [value, want] of [['5/s', '5/s'], ['a quoted value', 'a quoted value'], [null, undefined]] as const) {
        const { result, after } = apply(current, { type: 'setConfig', target: node.id, key: 'rate', value });
        expect(after.nodes.find((m) => m.id === node.id)?.config.rate).toBe(want);
        expectLinesKept(text.split('\n').filter((l) => !l.includes(`@config ${node.id} `)).join('\n'), result.text);
        current = result.text;
      }
      expect(parseTopology(current).topology.nodes.find((m) => m.id === node.id)?.config).toEqual(node.config);
    });
  });
}

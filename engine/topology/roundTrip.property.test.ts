/**
 * Properties of the text round trip, on generated flowcharts (engine/testing/flowcharts.ts):
 * - parse, print, parse gives the same model, and printing is a fixed point;
 * - every canvas edit does what it says and keeps the text valid, or is refused and changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';
import { patchTopology } from './patch/patch.ts';
import { printTopology } from './print.ts';
import { editFor, flowchartText } from '../testing/flowcharts.ts';
import type { CanvasEdit, Topology } from './types.ts';

/** The model without source positions or the explanations derived from them. */
const bare = (t: Topology): unknown => JSON.parse(JSON.stringify(t, (k, v) => (k === 'span' || k.endsWith('Span') ? undefined : v)));
const errors = (text: string) => parseTopology(text).diagnostics.filter((d) => d.severity === 'error');
/** How mermaid reads the text; settings aimed at nothing or that the schema refuses are the learner's to fix. */
const problems = (text: string) => parseTopology(text).diagnostics.filter((d) => d.code === undefined).map((d) => d.message);

const RUNS = Number(process.env.FC_RUNS ?? 400);

describe('the text round trip', () => {
  it('parse, print, parse gives the same model; printing again gives the same text', () => {
    fc.assert(
      fc.property(flowchartText, (text) => {
        const first = parseTopology(text);
        fc.pre(first.ok && first.diagnostics.length === 0);
        const printed = printTopology(first.topology);
        const second = parseTopology(printed);
        expect(second.diagnostics.map((d) => d.message)).toEqual([]);
        expect(bare(second.topology)).toEqual(bare(first.topology));
        expect(printTopology(second.topology)).toBe(printed);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A label as the canvas shows it once written: Mermaid trims labels. */
const shown = (label: string) => label.replace(/\r\n?/g, '\n').trim();

/** The labels of the edges from `from` to `to`, sorted. */
const labelsOf = (t: Topology, from: string, to: string) => t.edges.filter((e) => e.from === from && e.to === to).map((e) => e.label ?? '').sort();

/** What the edit promised, checked on the model of the patched text. */
function keepsItsWord(before: Topology, after: Topology, edit: CanvasEdit, createdId?: string): void {
  const node = (t: Topology, id: string) => t.nodes.find((n) => n.id === id);
  const others = (t: Topology, except: string[]) => t.nodes.filter((n) => !except.includes(n.id)).map((n) => `${n.id} ${n.label} ${n.kind}`).sort();
  // An edge may be written where it first mentions a node that was declared further down: order can change, not the set.
  const ids = (t: Topology) => t.nodes.map((n) => n.id).sort();
  switch (edit.type) {
    case 'renameNode':
      expect(node(after, edit.id)?.label).toBe(shown(edit.label));
      expect(others(after, [edit.id])).toEqual(others(before, [edit.id]));
      expect(after.edges.length).toBe(before.edges.length);
      break;
    case 'addNode':
      expect(node(after, createdId!)?.label).toBe(shown(edit.label));
      expect(node(after, createdId!)?.kind).toBe(edit.kind);
      expect(after.nodes.length).toBe(before.nodes.length + 1);
      expect(after.edges.length).toBe(before.edges.length);
      break;
    case 'addEdge': {
      expect(after.edges.length).toBe(before.edges.length + 1);
      const added = after.edges.filter((e) => e.from === edit.from && e.to === edit.to);
      expect(added.length).toBe(before.edges.filter((e) => e.from === edit.from && e.to === edit.to).length + 1);
      if (edit.label !== undefined) expect(added.some((e) => (e.label ?? '') === shown(edit.label!))).toBe(true);
      expect(ids(after)).toEqual(ids(before));
      break;
    }
    case 'deleteNode':
      expect(node(after, edit.id)).toBeUndefined();
      expect(others(after, [edit.id])).toEqual(others(before, [edit.id]));
      expect(after.edges.some((e) => e.from === edit.id || e.to === edit.id)).toBe(false);
      break;
    case 'deleteEdge': {
      // Edge ids count repeats of a pair, so with two A --> B edges the ids can move: compare the pair's labels.
      const old = before.edges.find((e) => e.id === edit.edgeId)!;
      const expected = labelsOf(before, old.from, old.to);
      expected.splice(expected.indexOf(old.label ?? ''), 1);
      expect(labelsOf(after, old.from, old.to)).toEqual(expected);
      expect(after.edges.length).toBe(before.edges.length - 1);
      expect(ids(after)).toEqual(ids(before));
      break;
    }
    case 'setEdgeLabel': {
      const old = before.edges.find((e) => e.id === edit.edgeId)!;
      const expected = labelsOf(before, old.from, old.to);
      expected.splice(expected.indexOf(old.label ?? ''), 1, shown(edit.label));
      expect(labelsOf(after, old.from, old.to)).toEqual(expected.sort());
      expect(after.edges.length).toBe(before.edges.length);
      break;
    }
    case 'setKind':
      expect(node(after, edit.id)?.kind).toBe(edit.kind);
      expect(after.nodes.length).toBe(before.nodes.length);
      break;
    case 'setConfig': {
      const values = after.directives.filter((d) => d.target === edit.target).flatMap((d) => d.entries.filter((e) => e.key === edit.key).map((e) => e.value));
      if (edit.value === null) expect(values).toEqual([]);
      else expect(values[values.length - 1]).toBe(edit.value);
      expect(after.nodes.length).toBe(before.nodes.length);
      expect(after.edges.length).toBe(before.edges.length);
      break;
    }
  }
}

describe('canvas edits on generated texts', () => {
  it('do what they say and keep the text valid, or are refused and change nothing', () => {
    const withEdit = flowchartText.filter((t) => parseTopology(t).ok && problems(t).length === 0).chain((text) => fc.tuple(fc.constant(text), editFor(parseTopology(text).topology)));
    fc.assert(
      fc.property(withEdit, ([text, edit]) => {
        const before = parseTopology(text).topology;
        const r = patchTopology(text, edit);
        if (r.error !== undefined) {
          expect(r.text).toBe(text);
          expect(r.changes).toEqual([]);
          return;
        }
        expect(errors(r.text)).toEqual([]);
        expect(problems(r.text)).toEqual([]);
        keepsItsWord(before, parseTopology(r.text).topology, edit, r.createdId);
      }),
      { numRuns: RUNS },
    );
  });
});

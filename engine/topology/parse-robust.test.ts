/**
 * The parser never throws and always points inside the text, whatever a learner types: each seed diagram is
 * damaged a few hundred ways (characters deleted, doubled or replaced by syntax characters) and parsed; the
 * damaged texts that still load are printed and edited.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';
import { patchTopology } from './patch/patch.ts';
import { printTopology } from './print.ts';
import type { CanvasEdit } from './types.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'seeds');
const SYNTAX = ['[', ']', '(', ')', '{', '}', '|', '"', '-', '>', '.', '=', '&', ';', ':', '%', '@', '\n', ' ', '`', '#', '<', '~', 'x', 'end', 'subgraph '];

/** A small deterministic generator (the engine never uses Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function damage(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const pick = SYNTAX[Math.floor(random() * SYNTAX.length)] ?? '';
  switch (Math.floor(random() * 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text[at] + text.slice(at);
    default:
      return text.slice(0, at) + pick + text.slice(at + 1);
  }
}

describe('damaged text', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mmd'))) {
    it(`never breaks the parser: ${file}`, () => {
      const original = readFileSync(join(dir, file), 'utf8');
      const random = lcg(file.length * 7919);
      for (let i = 0; i < 300; i++) {
        let text = original;
        const hits = 1 + Math.floor(random() * 3);
        for (let h = 0; h < hits; h++) text = damage(text, random);
        const { topology, diagnostics, ok } = parseTopology(text);
        expect(ok).toBe(!diagnostics.some((d) => d.severity === 'error'));
        const lines = text.split('\n').length;
        for (const d of diagnostics) {
          expect(d.from >= 0 && d.to <= text.length && d.from <= d.to, d.message).toBe(true);
          expect(d.line >= 1 && d.line <= lines && d.column >= 1, d.message).toBe(true);
        }
        // Whatever loaded can be written out again as valid text, and edited without an error appearing.
        if (ok) expect(parseTopology(printTopology(topology)).ok, text).toBe(true);
        if (ok && i % 10 === 0) {
          const edits: CanvasEdit[] = [
            ...topology.nodes.map((n): CanvasEdit => ({ type: 'deleteNode', id: n.id })),
            ...topology.edges.map((e): CanvasEdit => ({ type: 'deleteEdge', edgeId: e.id })),
            ...topology.edges.map((e): CanvasEdit => ({ type: 'setEdgeLabel', edgeId: e.id, label: 'x (y)' })),
            ...topology.nodes.map((n): CanvasEdit => ({ type: 'setKind', id: n.id, kind: 'queue' })),
            ...topology.nodes.map((n): CanvasEdit => ({ type: 'renameNode', id: n.id, label: 'a [b]' })),
            ...topology.nodes.map((n): CanvasEdit => ({ type: 'addEdge', from: n.id, to: topology.nodes[0]?.id ?? n.id, label: 'l' })),
            ...topology.nodes.map((n): CanvasEdit => ({ type: 'setConfig', target: n.id, key: 'k', value: 'v w' })),
            ...topology.groups.map((g): CanvasEdit => ({ type: 'addNode', label: 'New', kind: 'topic', group: g.id })),
            { type: 'addNode', label: 'New', kind: 'client' },
          ];
          for (const edit of edits) expect(parseTopology(patchTopology(text, edit).text).ok, `${JSON.stringify(edit)}\n${text}`).toBe(true);
        }
      }
    });
  }
});

/**
 * Differential test: our parser (run here, in Node) against mermaid's own flowchart parser (run in Chromium, which it
 * needs for its DOM), on every corpus input and every seed diagram. Both must accept or reject the same inputs and,
 * when they accept, see the same vertices, edges and subgraphs.
 *
 * Normalised as representation only: mermaid's entity placeholders and HTML escaping are decoded and `<br>` read as
 * a line break; its edge `type` is split into our start and end heads; `TD` is `TB`; its `clickable` class (added
 * by `click`) is dropped; a vertex whose id is a subgraph's is the subgraph (mermaid draws it as one); mermaid 11
 * shape names map to the nearest classic shape (`cyl` => cylinder, `ellipse` => circle; see shapes.ts).
 * Each accepted input must also survive printTopology: parsing the printed text gives the same model.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseTopology, printTopology, type Topology } from '../engine/index.ts';
import { shapeFromName } from '../engine/topology/shapes.ts';
import { corpus, type CorpusEntry } from './fixtures/mermaid-corpus.ts';

interface Graph {
  direction: string;
  vertices: { id: string; label: string; shape?: string; classes: string[] }[];
  edges: { id: string; from: string; to: string; label: string; stroke: string; arrowStart: string; arrowEnd: string; length: number }[];
  subgraphs: { id: string; title: string; members: string[]; direction?: string }[];
}

type Raw = { error: string } | {
  direction: string;
  vertices: { id: string; text: string; type: string | null; classes: string[] }[];
  edges: { id: string; start: string; end: string; text: string; type: string; stroke: string; length: number }[];
  subgraphs: { id: string; title: string; nodes: string[]; dir: string | null }[];
};

const seedDir = join(import.meta.dirname, '..', 'engine', 'topology', 'fixtures', 'seeds');
const seeds: CorpusEntry[] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.mmd'))
  .sort()
  .map((f) => ({ name: `seed ${f}`, text: readFileSync(join(seedDir, f), 'utf8') }));

const dir = (d: string | undefined) => (d === 'TD' ? 'TB' : d);

/** A topology without source positions. */
const bare = (t: Topology): unknown => JSON.parse(JSON.stringify(t, (k, v) => (k === 'span' ? undefined : v)));

function heads(type: string): [string, string] {
  const head = { arrow_point: 'arrow', arrow_cross: 'cross', arrow_circle: 'circle', arrow_open: 'none' } as Record<string, string>;
  if (type.startsWith('double_')) {
    const h = head[type.slice(7)] ?? type;
    return [h, h];
  }
  return ['none', head[type] ?? type];
}

function theirs(raw: Exclude<Raw, { error: string }>): Graph {
  const groupIds = new Set(raw.subgraphs.map((s) => s.id));
  const shape = (t: string | null) => (t === null ? undefined : t === 'ellipse' ? 'circle' : (shapeFromName(t) ?? t));
  return {
    direction: dir(raw.direction) ?? 'TB',
    vertices: raw.vertices
      .filter((v) => !groupIds.has(v.id))
      .map((v) => ({ id: v.id, label: v.text, ...(v.type ? { shape: shape(v.type) } : {}), classes: v.classes.filter((c) => c !== 'clickable') })),
    edges: raw.edges.map((e) => {
      const [arrowStart, arrowEnd] = heads(e.type);
      return { id: e.id, from: e.start, to: e.end, label: e.text, stroke: e.stroke, arrowStart, arrowEnd, length: e.length };
    }),
    subgraphs: raw.subgraphs.map((s) => ({ id: s.id, title: s.title, members: s.nodes, ...(s.dir ? { direction: dir(s.dir) } : {}) })),
  };
}

function ours(text: string): { ok: boolean; graph: Graph; errors: string[] } {
  const { topology: t, ok, diagnostics } = parseTopology(text);
  return {
    ok,
    errors: diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`),
    graph: {
      direction: dir(t.direction) ?? 'TB',
      vertices: t.nodes.map((n) => ({ id: n.id, label: n.label, ...(n.shape ? { shape: n.shape } : {}), classes: n.classes })),
      edges: t.edges.map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        label: e.label ?? '',
        stroke: e.stroke,
        arrowStart: e.arrowStart,
        arrowEnd: e.arrowEnd,
        length: e.length,
      })),
      subgraphs: t.groups.map((g) => ({ id: g.id, title: g.title, members: g.members, ...(g.direction ? { direction: dir(g.direction) } : {}) })),
    },
  };
}

/** Mermaid's reading of `text`: its FlowDB after getDiagramFromText, labels decoded as the browser would show them. */
async function mermaidReads(page: Page, text: string): Promise<Raw> {
  return page.evaluate(async (source) => {
    const decode = (s: string) => {
      const area = document.createElement('textarea');
      area.innerHTML = s.replace(/\uFB02\u00B0\u00B0/g, '&#').replace(/\uFB02\u00B0/g, '&').replace(/\u00B6\u00DF/g, ';');
      return area.value.replace(/<br\s*\/?>/gi, '\n');
    };
    // The slice of mermaid's FlowDB the comparison reads.
    interface FlowDb {
      getDirection(): string;
      getVertices(): Map<string, { id: string; text?: string; type?: string; classes: string[] }>;
      getEdges(): { id: string; start: string; end: string; text?: string; type: string; stroke: string; length: number }[];
      getSubGraphs(): { id: string; title: string; nodes: string[]; dir?: string }[];
    }
    try {
      const api = (window as unknown as { mermaid: { mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: FlowDb }> } } }).mermaid;
      const { db } = await api.mermaidAPI.getDiagramFromText(source);
      return {
        direction: db.getDirection(),
        vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: decode(v.text ?? ''), type: v.type ?? null, classes: [...v.classes] })),
        edges: db.getEdges().map((e) => ({ id: e.id, start: e.start, end: e.end, text: decode(e.text ?? ''), type: e.type, stroke: e.stroke, length: e.length })),
        subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: [...s.nodes], dir: s.dir ?? null })),
      };
    } catch (e) {
      return { error: String((e as Error).message ?? e) };
    }
  }, text);
}

test.describe('our parser agrees with mermaid', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ path: join(import.meta.dirname, '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('the corpus is large enough', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(70);
    expect(seeds.length).toBe(10);
  });

  for (const entry of [...corpus, ...seeds]) {
    test(entry.name, async () => {
      const raw = await mermaidReads(page, entry.text);
      const mine = ours(entry.text);
      if ('error' in raw) {
        expect(entry.invalid, `mermaid rejects it: ${raw.error}`).toBe(true);
        expect(mine.ok, 'we must reject it too').toBe(false);
        return;
      }
      expect(entry.invalid ?? false, 'mermaid accepts it').toBe(false);
      expect(mine.errors).toEqual([]);
      expect(mine.graph).toEqual(theirs(raw));
      // The printer must give the same model back on everything mermaid accepts.
      const model = parseTopology(entry.text).topology;
      expect(bare(parseTopology(printTopology(model)).topology)).toEqual(bare(model));
    });
  }
});

/**
 * Every family's part of the world survives structuredClone, as the player snapshots worlds for time travel and
 * forks: no functions, class instances with hidden state or library objects in a world (a world that held Avro types
 * made every run of a topology with schemas stick at "starting" in the app). Checked on every example, lesson and
 * seed topology after a short run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaSupport } from './schemas/avro.ts';
import { createSimulation } from './simulation.ts';
import { parseTopology } from './topology/parse.ts';

const root = new URL('../', import.meta.url);
const list = (dir: string, pick: (name: string) => string[]) => readdirSync(new URL(dir, root)).flatMap(pick).map((f) => `${dir}${f}`);
const FILES = [
  ...list('docs/topologies/', (f) => (f.endsWith('.mmd') ? [f] : [])),
  ...list('app/examples/', (f) => (f.endsWith('.mmd') ? [f] : [])),
  ...list('lessons/', (d) => (/^\d\d-/.test(d) ? [`${d}/starter.mmd`, `${d}/solution.mmd`] : [])),
  ...list('engine/topology/fixtures/seeds/', (f) => [f]),
];

beforeAll(() => loadSchemaSupport());

describe('a world survives structuredClone', () => {
  it.each(FILES)('%s', (file) => {
    const parsed = parseTopology(readFileSync(new URL(file, root), 'utf8'));
    expect(parsed.ok).toBe(true);
    const sim = createSimulation(parsed.topology, { seed: 1 });
    sim.run(2_000_000);
    const copy = sim.snapshot();
    expect(copy.events).toBe(sim.world.events);
  });
});

/**
 * Seed 001's two saga diagrams, as the seed writes them (and as app/examples has them), run as sagas; and, under
 * random crashes of the orchestrator and its steps, no orchestrated saga with durable state is left half done.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stream, nextInt } from '../sim/random.ts';
import { TestSim } from '../testing/testSim.ts';
import { sagaFacts } from './facts.ts';

const example = (name: string) => readFileSync(new URL(`../../app/examples/${name}`, import.meta.url), 'utf8');

const ORCHESTRATION = `graph TD
    subgraph Orchestration - Central Coordinator
        Orch[Saga Orchestrator]
        Orch --> PS[Step 1 - Payment Service]
        PS --> Orch
        Orch --> IS[Step 2 - Inventory Service]
        IS --> Orch
        Orch --> SS[Step 3 - Shipping Service]
    end
`;
const CHOREOGRAPHY = `graph LR
    subgraph Choreography - Event Driven
        A[Order Created] --> B[Payment Service reacts]
        B --> C[Inventory Service reacts]
        C --> D[Shipping Service reacts]
    end
`;

describe("seed 001's sagas", () => {
  it.each([
    ['orchestration', ORCHESTRATION, 'Orch', ['PS', 'IS', 'SS']],
    ['choreography', CHOREOGRAPHY, 'B', ['B', 'C', 'D']],
    ['orchestration example', example('saga-orchestration.mmd'), 'Orch', ['PS', 'IS', 'SS']],
    ['choreography example', example('saga-choreography.mmd'), 'B', ['B', 'C', 'D']],
  ])('the %s runs sagas through every step', (_name, text, node, steps) => {
    const s = TestSim.of(text, { seed: 1 }).until('10s');
    expect(s.sim.diagnostics).toEqual([]);
    const f = s.w.parts.sagas.flows[0]!;
    expect(f.spec.node).toBe(node);
    expect(f.spec.steps.map((x) => x.node)).toEqual(steps);
    const x = sagaFacts(s.w);
    expect(x.started).toBeGreaterThan(50);
    expect(x.halfDone + x.stuck).toBe(0);
    // Every step's service took part.
    for (let k = 0; k < steps.length; k++) expect(f.effects[k]!.size, steps[k]).toBeGreaterThan(50);
  });

  it('property: under random crashes and restarts of the orchestrator and its steps, no durable saga is left half done', () => {
    let resumed = 0;
    let technical = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = stream(seed, 'saga-property');
      const s = TestSim.of(`${ORCHESTRATION}  %% @config Orch rate=100/s step.timeout.ms=200\n  %% @config IS reject=0.3 compensate.fail=0.3 latency=20ms\n  %% @config SS latency=20ms\n`, { seed });
      const nodes = ['Orch', 'PS', 'IS', 'SS'];
      for (let i = 0; i < 6; i++) {
        const n = nodes[nextInt(rng, nodes.length)]!;
        s.advance(`${100 + nextInt(rng, 900)}ms`).fault(`crash ${n}`).advance(`${50 + nextInt(rng, 500)}ms`).fault(`restart ${n}`);
      }
      s.advance('5s');
      const x = sagaFacts(s.w);
      expect(x.halfDone, `seed ${seed}`).toBe(0);
      expect(x.stuck, `seed ${seed}`).toBe(0);
      expect(x.completed + x.compensated + x.inProgress, `seed ${seed}`).toBe(x.started);
      resumed += s.w.parts.sagas.flows[0]!.stats.resumed;
      technical += s.w.parts.sagas.flows[0]!.stats.technical;
    }
    // The crashes did hit sagas in flight: some were resumed, some steps failed technically.
    expect(resumed).toBeGreaterThan(0);
    expect(technical).toBeGreaterThan(0);
  });
});

/**
 * A choreographed saga: each service reacts to the previous one's event; a rejection sends a compensating event
 * back through the services that acted; with no broker drawn, an event to a service that is down is lost and the
 * saga is left half done, which the checker names.
 */
import { describe, expect, it } from 'vitest';
import { entries } from '../history/trace.ts';
import { describeEntry } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { describeFinding, sagaFacts } from './facts.ts';
import { ST } from './trace.ts';

// Seed 001's choreography, as written, with settings.
const text = (settings = '') => `graph LR
subgraph Choreography - Event Driven
    A[Order Created] --> B[Payment Service reacts]
    B --> C[Inventory Service reacts]
    C --> D[Shipping Service reacts]
end
%% @config B rate=50/s
${settings}
`;

const traced = (s: TestSim, kind: number) => entries(s.w.trace).filter((e) => e.kind === kind);

describe('a choreographed saga', () => {
  it('reads the chain as services reacting to events, started by the trigger event', () => {
    const s = TestSim.of(text(), { seed: 1 }).until('3s');
    const f = s.w.parts.sagas.flows[0]!;
    expect(f.spec.mode).toBe('choreographed');
    expect(f.spec.trigger).toBe('Order Created');
    expect(f.spec.steps.map((x) => x.node)).toEqual(['B', 'C', 'D']);
    expect(s.w.parts.apps.clients).toEqual([]); // no longer synchronous requests from implicit users
    const x = sagaFacts(s.w);
    expect(x.started).toBeGreaterThan(100);
    expect(x.completed + x.inProgress).toBe(x.started);
    // Each service acted after the previous one: B, C, D in time order for saga #0.
    expect(traced(s, ST.sagaStepDone).filter((e) => e.a === 0).map((e) => e.b)).toEqual([0, 1, 2]);
  });

  it('also reads edges labelled "reacts" outside a choreography subgraph', () => {
    const s = TestSim.of('graph LR\n  O[OrderService] -->|reacts| P[Payments]\n  P -->|reacts| Q[Stock]\n', { seed: 1 }).until('2s');
    expect(s.w.parts.sagas.flows[0]!.spec.steps.map((x) => x.node)).toEqual(['O', 'P', 'Q']);
  });

  it('sends a compensating event back on a rejection: each service that acted undoes its step, last first', () => {
    const s = TestSim.of(text('%% @config D reject=1\n%% @config B compensate.fail=0.5'), { seed: 2 }).until('3s');
    const x = sagaFacts(s.w);
    expect(x.compensated).toBeGreaterThan(100);
    expect(x.halfDone + x.stuck).toBe(0);
    expect(traced(s, ST.sagaUndone).filter((e) => e.a === 0).map((e) => e.b)).toEqual([1, 0]);
    expect(s.w.parts.sagas.flows[0]!.stats.compensationFailures).toBeGreaterThan(10);
  });

  it('loses the event sent to a service that is down, and the checker names each saga left half done', () => {
    const s = TestSim.of(text('%% @config C latency=20ms'), { seed: 3 }).until('1s').fault('crash C').advance('1s').fault('restart C').advance('1s');
    const x = sagaFacts(s.w);
    expect(x.halfDone).toBeGreaterThan(20);
    const first = x.examples[0]!;
    expect(first.steps).toEqual([{ node: 'B', effect: 'done' }, { node: 'C', effect: 'not done' }, { node: 'D', effect: 'not done' }]);
    expect(describeFinding(first)).toBe(`saga #${first.saga} of B: B done, C not done, D not done: half done: no compensation will come`);
    expect(describeEntry(s.w, traced(s, ST.sagaEventLost)[0]!).text).toMatch(/the event of saga #\d+ for C was lost \(it was down\)/);
  });

  it('is deterministic', () => {
    const run = () => {
      const s = TestSim.of(text('%% @config C reject=0.2'), { seed: 4 }).until('1s').fault('crash D').advance('1s').fault('restart D').advance('1s');
      return { hash: s.sim.hash(), x: sagaFacts(s.w), t: s.w.parts.sagas.sagas.map((g) => g.timeline) };
    };
    expect(run()).toEqual(run());
  });
});

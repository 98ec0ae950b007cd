/**
 * An orchestrated saga (semantics P6-P7): steps in order, compensations in reverse order and retried until they
 * succeed, durable state that survives the orchestrator's crash, a business rejection told apart from a technical
 * failure, and the pivot after which steps are retried forward.
 */
import { describe, expect, it } from 'vitest';
import { entries } from '../history/trace.ts';
import { describeEntry } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { recentSagas, sagaDetail, sagaFacts, verdict } from './facts.ts';
import { ST } from './trace.ts';

/** An orchestrator with three steps (four with `fourth`), its settings, and each step's. */
const text = (orch = '', steps: Record<string, string> = {}, fourth = false) => `graph TD
  Orch[Saga Orchestrator]
  Orch --> PS[Step 1 - Payment Service]
  PS --> Orch
  Orch --> IS[Step 2 - Inventory Service]
  IS --> Orch
  Orch --> SS[Step 3 - Shipping Service]${fourth ? '\n  Orch --> NS[Step 4 - Notification Service]' : ''}
  %% @config Orch rate=50/s ${orch}
${Object.entries(steps).map(([n, v]) => `  %% @config ${n} ${v}`).join('\n')}
`;

const traced = (s: TestSim, kind: number) => entries(s.w.trace).filter((e) => e.kind === kind);
const flow = (s: TestSim) => s.w.parts.sagas.flows[0]!;
const facts = (s: TestSim) => sagaFacts(s.w);

describe('an orchestrated saga', () => {
  it('sends each step in order and completes every saga when no step fails', () => {
    const s = TestSim.of(text(), { seed: 1 }).until('5s');
    const f = facts(s);
    expect(f.started).toBeGreaterThan(150);
    expect(f.completed + f.inProgress).toBe(f.started);
    // Saga #0's commands went to PS, IS, SS in that order, each after the previous one's reply.
    expect(s.w.parts.sagas.sagas[0]!.timeline.filter((e) => e.what === 'command').map((e) => e.step)).toEqual([0, 1, 2]);
    expect(s.w.parts.apps.clients).toEqual([]); // the edges are the saga's commands, not requests
  });

  it('P6: compensates the done steps in reverse order when a step is rejected', () => {
    const s = TestSim.of(text('', { NS: 'reject=1' }, true), { seed: 2 }).until('3s');
    const f = facts(s);
    expect(f.compensated).toBeGreaterThan(50);
    expect(f.completed).toBe(0);
    expect(f.halfDone + f.stuck).toBe(0);
    for (const saga of s.w.parts.sagas.sagas.slice(0, 20)) {
      const undone = traced(s, ST.sagaUndone).filter((e) => e.a === saga.id).map((e) => e.b);
      expect(undone, `saga #${saga.id}`).toEqual([2, 1, 0]);
      const ended = traced(s, ST.sagaCompensated).find((e) => e.a === saga.id)!;
      expect(describeEntry(s.w, ended).text).toBe(`Orch: saga #${saga.id} compensated, 3 steps undone in reverse order`);
    }
  });

  it("gives the inspector a saga's timeline: commands, replies, the rejection and the compensations in order", () => {
    const s = TestSim.of(text('', { SS: 'reject=1' }), { seed: 2 }).until('1s');
    const [first] = recentSagas(s.w, 0);
    expect(first!.verdict).toBe('compensated');
    expect(first!.steps).toEqual([{ node: 'PS', effect: 'undone' }, { node: 'IS', effect: 'undone' }, { node: 'SS', effect: 'rejected' }]);
    const d = sagaDetail(s.w, first!.saga)!;
    expect(d.timeline.map((e) => `${e.what} ${e.step}`)).toEqual(['started PS', 'command PS', 'done PS', 'command IS', 'done IS', 'command SS', 'rejected SS', 'compensate IS', 'undone IS', 'compensate PS', 'undone PS']);
    expect(d.timeline.map((e) => e.atMs)).toEqual([...d.timeline.map((e) => e.atMs)].sort((a, b) => a - b));
  });

  it('P6: retries a failing compensation until it succeeds, and compensates each step once (idempotent)', () => {
    const s = TestSim.of(text('', { PS: 'compensate.fail=0.7', IS: 'compensate.fail=0.5', SS: 'reject=1' }), { seed: 3 }).until('4s');
    const f = facts(s);
    expect(flow(s).stats.compensationFailures).toBeGreaterThan(20);
    expect(f.halfDone + f.stuck).toBe(0);
    expect(f.compensated).toBeGreaterThan(100);
    // However many attempts, each step of each saga was undone exactly once.
    const undone = new Map<string, number>();
    for (const e of traced(s, ST.sagaUndone)) undone.set(`${e.a}/${e.b}`, (undone.get(`${e.a}/${e.b}`) ?? 0) + 1);
    expect(Math.max(...undone.values())).toBe(1);
    expect(traced(s, ST.sagaUndoFailed).length).toBe(flow(s).stats.compensationFailures);
  });

  it('P7: a business rejection compensates at once and is never retried; a crash is retried and never compensated', () => {
    const rejected = TestSim.of(text('', { IS: 'reject=1' }), { seed: 4 }).until('3s');
    expect(flow(rejected).stats.technical).toBe(0);
    expect(traced(rejected, ST.sagaTechnical)).toHaveLength(0);
    // One command to IS per saga: a rejection is an answer, not retried.
    const toIS = traced(rejected, ST.sagaCommand).filter((e) => e.b === 1);
    expect(new Set(toIS.map((e) => e.a)).size).toBe(toIS.length);
    expect(describeEntry(rejected.w, traced(rejected, ST.sagaRejected)[0]!).text).toMatch(/^IS rejected step 2 of saga #\d+: a business rejection/);

    const crashed = TestSim.of(text('step.timeout.ms=200'), { seed: 4 }).until('1s').fault('crash IS').advance('2s').fault('restart IS').advance('3s');
    const f = facts(crashed);
    expect(flow(crashed).stats.timeouts).toBeGreaterThan(50);
    expect(flow(crashed).stats.compensations).toBe(0);
    expect(f.compensated).toBe(0);
    expect(f.completed + f.inProgress).toBe(f.started);
    expect(describeEntry(crashed.w, traced(crashed, ST.sagaTechnical)[0]!).text).toMatch(/step 2 of saga #\d+ failed technically \(no reply in time\): retried, not compensated/);
  });

  it('gives up on a step after step.retries technical failures and compensates it too (it may have run)', () => {
    const s = TestSim.of(text('step.timeout.ms=100 step.retries=2'), { seed: 5 }).until('1s').fault('crash SS').advance('3s');
    const gaveUp = traced(s, ST.sagaGaveUp);
    expect(gaveUp.length).toBeGreaterThan(10);
    const id = gaveUp[0]!.a;
    expect(traced(s, ST.sagaCommand).filter((e) => e.a === id && e.b === 2)).toHaveLength(3);
    // SS is down, so its compensation waits (retried) and the saga is still being driven, not half done.
    expect(s.w.parts.sagas.sagas[id]!.timeline.some((e) => e.what === 'compensate' && e.step === 2)).toBe(true);
    s.fault('restart SS').advance('3s');
    expect(verdict(s.w, s.w.parts.sagas.sagas[id]!)).toBe('compensated');
    expect(facts(s).halfDone).toBe(0);
  });

  it('P7 pivot: a rejection after the pivot is retried forward and never compensated; one at the pivot compensates', () => {
    const after = TestSim.of(text('pivot=IS retry.backoff.ms=20', { SS: 'reject=0.6' }), { seed: 6 }).until('4s');
    const f = facts(after);
    expect(flow(after).stats.retriedForward).toBeGreaterThan(50);
    expect(flow(after).stats.compensations).toBe(0);
    expect(f.compensated).toBe(0);
    expect(f.completed + f.inProgress).toBe(f.started);
    expect(describeEntry(after.w, traced(after, ST.sagaForward)[0]!).text).toMatch(/after the pivot: retried forward, never compensated/);

    const at = TestSim.of(text('pivot=IS', { IS: 'reject=1' }), { seed: 6 }).until('2s');
    expect(facts(at).compensated).toBeGreaterThan(50);
    expect(traced(at, ST.sagaUndone).every((e) => e.b === 0)).toBe(true);
  });

  it('names a pivot that is not a step at its line', () => {
    const s = TestSim.of(text('pivot=Billing'), { seed: 1 });
    const d = s.sim.diagnostics.find((x) => x.message.includes('pivot=Billing'))!;
    expect(d.message).toBe('pivot=Billing: Orch has no step Billing (its steps: PS, IS, SS)');
    expect(d.line).toBe(8); // the %% @config Orch line
  });

  it('resumes every saga from its durable state after the orchestrator crashes in the middle', () => {
    // Steps take 100 ms: at the crash, sagas are between steps; their replies are lost with the orchestrator.
    const steps = { PS: 'latency=100ms', IS: 'latency=100ms reject=0.3', SS: 'latency=100ms' };
    const s = TestSim.of(text('step.timeout.ms=500', steps), { seed: 7 }).until('1.05s').fault('crash Orch');
    const inFlight = s.w.parts.sagas.sagas.filter((x) => x.state <= 1).map((x) => x.id);
    expect(inFlight.length).toBeGreaterThan(5);
    s.advance('2s').fault('restart Orch').advance('3s');
    expect(flow(s).stats.resumed).toBe(inFlight.length);
    expect(traced(s, ST.sagaResumed).map((e) => e.a)).toEqual(inFlight);
    for (const id of inFlight) expect(['completed', 'compensated']).toContain(verdict(s.w, s.w.parts.sagas.sagas[id]!));
    expect(facts(s).halfDone).toBe(0);
  });

  it('with saga.state=memory, a crash forgets the sagas in flight and the checker names those left half done', () => {
    const steps = { PS: 'latency=100ms', IS: 'latency=100ms', SS: 'latency=100ms' };
    const s = TestSim.of(text('saga.state=memory', steps), { seed: 7 }).until('1.05s').fault('crash Orch').advance('2s').fault('restart Orch').advance('3s');
    const f = facts(s);
    expect(flow(s).stats.forgotten).toBeGreaterThan(5);
    expect(f.halfDone).toBeGreaterThan(0);
    const x = f.examples.find((e) => e.verdict === 'half done')!;
    expect(x.steps[0]).toEqual({ node: 'PS', effect: 'done' });
    expect(x.steps.some((st) => st.effect === 'not done')).toBe(true);
    expect(describeEntry(s.w, traced(s, ST.sagaForgotten)[0]!).text).toMatch(/Orch crashed and forgot saga #\d+ \(saga.state=memory\)/);
  });

  it('counts the same outcomes from its cache of settled sagas as from judging every saga again', () => {
    const s = TestSim.of(text('saga.state=memory step.timeout.ms=200', { PS: 'latency=100ms', IS: 'reject=0.3 latency=30ms' }), { seed: 8 });
    const brute = () => {
      const n: Record<string, number> = {};
      for (const g of s.w.parts.sagas.sagas) n[verdict(s.w, g)] = (n[verdict(s.w, g)] ?? 0) + 1;
      return n;
    };
    for (const step of ['3s', '1s', '5s', '4s']) {
      s.advance(step);
      if (step === '1s') s.fault('crash Orch').advance('500ms').fault('restart Orch');
      const f = facts(s);
      const n = brute();
      expect({ completed: f.completed, compensated: f.compensated, halfDone: f.halfDone, inProgress: f.inProgress, started: f.started }).toEqual({
        completed: n['completed'] ?? 0, compensated: n['compensated'] ?? 0, halfDone: n['half done'] ?? 0, inProgress: n['in progress'] ?? 0, started: s.w.parts.sagas.sagas.length,
      });
    }
    expect(facts(s).halfDone).toBeGreaterThan(0);
  });

  it('is deterministic: the same text, seed and faults give the same sagas', () => {
    const run = () => {
      const s = TestSim.of(text('step.timeout.ms=300', { IS: 'reject=0.2 compensate.fail=0.3' }), { seed: 9 }).until('1s').fault('crash Orch').advance('1s').fault('restart Orch').advance('2s');
      return { hash: s.sim.hash(), facts: facts(s), timelines: s.w.parts.sagas.sagas.map((x) => x.timeline) };
    };
    expect(run()).toEqual(run());
  });
});

/**
 * One saga across its services, as the trace shows it: an orchestrated saga's commands, replies and compensations
 * between the orchestrator and each step's service, and a choreographed one's events from service to service, in
 * order, with the time each left and arrived, and what each service did with it.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { recentSagas } from './facts.ts';
import { sagaPath, type SagaPath } from './path.ts';

const orchestrated = (steps = '') => `graph LR
  Orch[Saga Orchestrator] --> Pay[Payment Service]
  Pay --> Orch
  Orch --> Inv[Inventory Service]
  Inv --> Orch
  Orch --> Ship[Shipping Service]
  Ship --> Orch
  %% @config Orch rate=50/s step.timeout.ms=300
  %% @config Pay latency=50ms
${steps}
`;

const choreographed = (steps = '') => `graph LR
subgraph Choreography - Event Driven
  A[Order Created] --> Pay[Payment Service reacts]
  Pay --> Inv[Inventory Service reacts]
  Inv --> Ship[Shipping Service reacts]
end
%% @config Pay rate=50/s latency=50ms
${steps}
`;

/** Each move as `kind step: from -> to`, lanes by name. */
const moves = (p: SagaPath) => p.moves.map((m) => `${m.kind} ${m.step}: ${p.lanes[m.from]} -> ${p.lanes[m.to]}${m.arrivedMs === null ? ' (never arrived)' : ''}`);
const marks = (p: SagaPath) => p.marks.map((m) => `${p.lanes[m.lane]} ${m.what}`);

describe("a saga's path across services", () => {
  it('orchestrated: each command out and its reply back, the rejection, then the compensations in reverse order', () => {
    const s = TestSim.of(orchestrated('  %% @config Ship reject=1'), { seed: 2 }).until('2s');
    const id = recentSagas(s.w, 0).find((x) => x.verdict === 'compensated')!.saga;
    const p = sagaPath(s.w, id)!;
    expect(p.mode).toBe('orchestrated');
    expect(p.lanes).toEqual(['Orch', 'Pay', 'Inv', 'Ship']);
    expect(moves(p)).toEqual([
      'command Pay: Orch -> Pay', 'reply Pay: Pay -> Orch',
      'command Inv: Orch -> Inv', 'reply Inv: Inv -> Orch',
      'command Ship: Orch -> Ship', 'reply Ship: Ship -> Orch',
      'compensate Inv: Orch -> Inv', 'reply Inv: Inv -> Orch',
      'compensate Pay: Orch -> Pay', 'reply Pay: Pay -> Orch',
    ]);
    expect(marks(p)).toEqual(['Orch started', 'Pay done', 'Inv done', 'Ship rejected', 'Inv undone', 'Pay undone', 'Orch compensated']);
    // In order, each arriving after it left, each reply leaving when its service's transaction was over.
    const sent = p.moves.map((m) => m.sentMs);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    for (const m of p.moves) expect(m.arrivedMs!).toBeGreaterThan(m.sentMs);
    const payDone = p.marks.find((m) => m.what === 'done' && m.step === 'Pay')!.atMs;
    expect(p.moves[1]!.sentMs).toBe(payDone);
    expect(payDone - p.moves[0]!.arrivedMs!).toBeGreaterThanOrEqual(1); // Payment's local transaction took its time
    expect(p.steps.map((x) => x.effect)).toEqual(['undone', 'undone', 'rejected']);
  });

  it('orchestrated: a command lost to a crashed service, the timeout, and the retry that completes the saga', () => {
    const s = TestSim.of(orchestrated(), { seed: 3 }).until('1s').crash('Inv').until('1.5s').restart('Inv').until('4s');
    const p = s.w.parts.sagas.sagas.map((x) => sagaPath(s.w, x.id)!).find((x) => x.marks.some((m) => m.what === 'lost: it was down'))!;
    expect(p.verdict).toBe('completed');
    const m = marks(p);
    expect(m.indexOf('Inv lost: it was down')).toBeLessThan(m.indexOf('Orch timeout'));
    expect(m.slice(-2)).toEqual(['Ship done', 'Orch completed']);
    // The commands sent while Inventory was down never arrived; the last one did, and its reply came back.
    const inv = moves(p).filter((x) => x.startsWith('command Inv'));
    expect(inv.slice(0, -1).every((x) => x.endsWith('(never arrived)'))).toBe(true);
    expect(inv.length).toBeGreaterThanOrEqual(2);
    expect(inv.at(-1)).toBe('command Inv: Orch -> Inv');
  });

  it('choreographed: the events from service to service, and the compensating events back after a rejection', () => {
    const s = TestSim.of(choreographed('%% @config Ship reject=1'), { seed: 2 }).until('2s');
    const id = recentSagas(s.w, 0).find((x) => x.verdict === 'compensated')!.saga;
    const p = sagaPath(s.w, id)!;
    expect(p.mode).toBe('choreographed');
    expect(p.lanes).toEqual(['Order Created', 'Pay', 'Inv', 'Ship']);
    expect(moves(p)).toEqual([
      'event Pay: Order Created -> Pay', 'event Inv: Pay -> Inv', 'event Ship: Inv -> Ship',
      'compensating event Inv: Ship -> Inv', 'compensating event Pay: Inv -> Pay',
    ]);
    expect(marks(p)).toEqual(['Pay done', 'Inv done', 'Ship rejected', 'Inv undone', 'Pay undone', 'Pay compensated']);
  });

  it('choreographed: an event lost with a crashed service ends the path there, half done', () => {
    const s = TestSim.of(choreographed('%% @config Inv latency=20ms'), { seed: 3 }).until('1s').crash('Inv').until('2s').restart('Inv').until('3s');
    const p = s.w.parts.sagas.sagas.map((x) => sagaPath(s.w, x.id)!).find((x) => x.verdict === 'half done')!;
    expect(moves(p)).toEqual(['event Pay: Order Created -> Pay', 'event Inv: Pay -> Inv']);
    expect(marks(p)).toEqual(['Pay done', expect.stringMatching(/^Inv lost: it (was down|crashed during the transaction)$/)]);
  });

  it('changes nothing in the run, and answers null for a saga that does not exist', () => {
    const s = TestSim.of(choreographed('%% @config Inv reject=0.2'), { seed: 4 }).until('2s');
    expect(sagaPath(s.w, 1_000_000)).toBeNull();
    expect(s.sim.hash()).toBe(TestSim.of(choreographed('%% @config Inv reject=0.2'), { seed: 4 }).until('2s').sim.hash());
  });
});

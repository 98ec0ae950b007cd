import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { sagasSettled } from './sagas.ts';
import type { RunView } from './view.ts';

const text = (orch: string) => `graph LR
  Orch[Saga Orchestrator] --> Inv[Inventory Service]
  Orch --> Pay[Payment Service]
  Orch --> Ship[Shipping Service]
  %% @config Orch rate=50/s step.timeout.ms=300 ${orch}
  %% @config Pay reject=0.2 latency=50ms
`;

/** The orchestrator crashes at 2 s (back at 3 s) and Shipping is down from 5 s to 7 s. */
function run(orch: string): RunView {
  const s = TestSim.of(text(orch), { seed: 3 }).until('2s').crash('Orch').until('3s').restart('Orch').until('5s').crash('Ship').until('7s').restart('Ship').until('12s');
  return { w: s.w, t: parseTopology(text(orch)).topology, applied: s.w.faults.applied };
}

const settled = { kind: 'sagas-settled', saga: '{Orchestrator}', startedBeforeS: 9, byS: 12 } as const;
const rejections = { ...settled, only: 'rejections' } as const;

describe('sagas-settled', () => {
  it('fails sagas an in-memory orchestrator forgot, naming one with its steps', () => {
    const v = sagasSettled(settled, run('saga.state=memory'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Of the [\d,]+ sagas Orch started before 9 s, \d+ left half done at 12 s: saga #\d+ has Inv done, /);
    expect(v.counterexample!.nodes).toEqual(['Orch', 'Inv', 'Pay', 'Ship']);
  });

  it('passes a durable orchestrator, counting completed and compensated sagas', () => {
    const v = sagasSettled(settled, run(''));
    expect(v.pass, v.explanation).toBe(true);
    expect(v.explanation).toMatch(/^Each of the [\d,]+ sagas started before 9 s ended completed \([\d,]+\) or compensated \([\d,]+\)\.$/);
  });

  it('with only rejections: fails sagas compensated after giving up on retries, passes retrying forever', () => {
    const gaveUp = sagasSettled(rejections, run('step.retries=1'));
    expect(gaveUp.pass).toBe(false);
    expect(gaveUp.explanation).toMatch(/were compensated for a technical failure: saga #\d+ gave up on Ship after its retries and ended with Inv undone, Pay undone, Ship undone\.$/);
    const forever = sagasSettled(rejections, run(''));
    expect(forever.pass, forever.explanation).toBe(true);
  });

  it('judges the flows a step service takes part in: a choreography and the orchestration that replaces it', () => {
    const chain = `graph LR
  A[Order Created] -->|reacts| Pay[Payment Service]
  Pay -->|reacts| Inv[Inventory Service]
  %% @config Pay rate=50/s
`;
    const s = TestSim.of(chain, { seed: 3 }).until('2s').crash('Inv').until('3s').restart('Inv').until('10s');
    const choreographed = sagasSettled({ ...settled, saga: '{Inventory}', startedBeforeS: 5, byS: 10 }, { w: s.w, t: parseTopology(chain).topology, applied: s.w.faults.applied });
    expect(choreographed.explanation).toMatch(/^Of the [\d,]+ sagas Pay started before 5 s, \d+ left half done at 10 s: saga #\d+ has Pay done, Inv not done \(half done\)\.$/);
    const orchestrated = sagasSettled({ ...settled, saga: '{Payment}' }, run(''));
    expect(orchestrated.pass, orchestrated.explanation).toBe(true);
    expect(sagasSettled({ ...settled, saga: '{Payment}' }, run('saga.state=memory')).pass).toBe(false);
  });

  it('says when the matcher names no saga', () => {
    expect(sagasSettled({ ...settled, saga: '{Billing}' }, run('')).pass).toBe(false);
  });
});

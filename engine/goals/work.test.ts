import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import type { RunView } from './view.ts';
import { failures, finishTime } from './work.ts';

/** Three workers on a queue of uneven jobs (a few take seconds), with the consumer settings given. */
const renders = (worker: string) => `graph LR
  Jobs[Job Scheduler] -->|render| Renders[(Queue: renders)]
  Renders --> Worker[Render Worker]
  %% @config Jobs rate=25/s
  %% @config Worker instances=3 processing=lognormal(50ms,1.2) ${worker}
`;

function view(sim: TestSim, text: string): RunView {
  return { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied };
}

const run = (text: string, seconds = '60s') => view(TestSim.of(text, { seed: 11 }).advance(seconds), text);
const within2s = { kind: 'finish-time', service: '{Worker}', quantile: 0.99, withinS: 2 } as const;

describe('finish-time', () => {
  it('fails round-robin dispatch of uneven jobs: jobs wait behind slow ones, though each worker did the same count', () => {
    const v = finishTime(within2s, run(renders('')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^99% of the [\d,]+ events Worker processed or still owes were done within about \d+\.\d+ s of being sent, more than 2 s; (the slowest took [\d.]+ s|[\d,]+ still wait)\. Its instances processed [\d,]+ \(Worker\/1\), [\d,]+ \(Worker\/2\) and [\d,]+ \(Worker\/3\)\.$/);
    expect(v.counterexample!.nodes).toEqual(['Worker']);
  });

  it('passes fair dispatch (prefetch 1) on the same run, and says what it allowed', () => {
    const v = finishTime(within2s, run(renders('prefetch=1')));
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^99% of the [\d,]+ events Worker processed or still owes were done within about (0|1)\.\d+ s of being sent \(at most 2 s allowed\); /);
  });

  it('with quantile 1, judges the slowest job itself', () => {
    const v = finishTime({ ...within2s, quantile: 1, withinS: 30 }, run(renders('prefetch=1')));
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^Every one of the [\d,]+ events Worker processed or still owes was done within \d+\.\d+ s of being sent \(at most 30 s allowed\)\. Its instances/);
    expect(finishTime({ ...within2s, quantile: 1, withinS: 1 }, run(renders('prefetch=1'))).pass).toBe(false);
  });

  it('counts jobs still waiting as not done: a stopped consumer fails however fast it was before', () => {
    const text = renders('prefetch=1');
    const sim = TestSim.of(text, { seed: 11 }).advance('5s');
    for (const i of [1, 2, 3]) sim.crash(`Worker/${i}`);
    const v = finishTime(within2s, view(sim.advance('25s'), text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ of the [\d,]+ events Worker processed or still owes have waited more than 2 s and are still not done \(the oldest since 2\d(\.\d)? s ago\)\.$/);
  });

  it('does not pass for a service that reads nothing', () => {
    expect(finishTime({ ...within2s, service: '{Jobs}' }, run(renders(''), '2s')).pass).toBe(false);
  });
});

describe('failures', () => {
  const poisoned = (queue: string) => `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  Work -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  %% @config Orders rate=50/s event=JobCreated
${queue}`;
  const judged = (text: string) => failures({ kind: 'failures', max: 20 }, view(TestSim.of(text, { seed: 6 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s'), text));

  it('fails a classic queue that requeues a poison message for ever', () => {
    const v = judged(poisoned(''));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Processing failed [\d,]+ times in the run, more than 20: a message that fails every time is being tried again and again instead of being set aside\.$/);
  });

  it('passes when nothing fails, and counts what failed against the limit', () => {
    const text = poisoned('');
    expect(failures({ kind: 'failures', max: 0 }, view(TestSim.of(text, { seed: 6 }).advance('2s'), text)).explanation).toBe('Processing failed 0 times in the run (at most 0 allowed).');
    const limited = poisoned('  %% @config Work x-queue-type=quorum x-delivery-limit=3\n');
    const sim = TestSim.of(limited, { seed: 6 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s');
    const n = sim.w.metrics.processFailed;
    expect(n).toBeGreaterThan(0);
    expect(failures({ kind: 'failures', max: n }, view(sim, limited))).toMatchObject({ pass: true });
    expect(failures({ kind: 'failures', max: n - 1 }, view(sim, limited))).toMatchObject({ pass: false });
  });
});

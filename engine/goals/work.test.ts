import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import type { RunView } from './view.ts';
import { failures, finishTime, processedWithin } from './work.ts';

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

describe('processed-within', () => {
  const orders = (billing: string) => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config orders partitions=3
  %% @config Orders rate=60/s key=customerId keys=20
  %% @config Billing ${billing}
`;
  const judged = (billing: string, withinS: number) => {
    const text = orders(billing);
    const sim = TestSim.of(text, { seed: 19 }).advance('5s').fault('poison Billing key=customer-7').advance('25s');
    return processedWithin({ kind: 'processed-within', service: '{Billing}', quantile: 0.95, withinS }, view(sim, text));
  };

  it('fails blocking retry under a poison key: the records behind each poison record wait out its attempts', () => {
    const v = judged('retry=3 dlq=orders-dlq', 0.2);
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^95% of the [\d,]+ events Billing processed were processed within about \d\.\d\d s of being sent, more than 0\.2 s; the slowest took \d\.\d\d s\.$/);
  });

  it('passes giving up at once on the same run, and says what it allowed', () => {
    const v = judged('retry=1 dlq=orders-dlq', 0.2);
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^95% of the [\d,]+ events Billing processed were processed within about 0\.\d\d s of being sent \(at most 0\.2 s allowed\)\.$/);
  });

  it('times a copy from a retry topic from its original: a record that fails twice is two delays late, not one', () => {
    const text = orders('failure=0.3 retry.topics=orders-retry-1:1s,orders-retry-2:1s dlq=orders-dlq');
    const sim = TestSim.of(text, { seed: 19 }).advance('20s');
    const within = (quantile: number, withinS: number) => processedWithin({ kind: 'processed-within', service: '{Billing}', quantile, withinS }, view(sim, text)).pass;
    // Some 3% to 6% of what is processed failed twice and waited out both retry topics, 2 s after its original was sent
    // (timed from the copy, it would look 1 s late); the first 70% never failed.
    expect(within(0.97, 1.5)).toBe(false);
    expect(within(0.7, 0.5)).toBe(true);
  });

  it('does not pass for a service that reads nothing', () => {
    const text = orders('');
    expect(processedWithin({ kind: 'processed-within', service: '{Orders}', quantile: 0.5, withinS: 1 }, view(TestSim.of(text, { seed: 1 }).advance('2s'), text)).pass).toBe(false);
  });
});

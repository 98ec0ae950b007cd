import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNREADABLE_EVENT } from '../eventstore/errors.ts';
import { CALL_TIMEOUT, DELIVERY_TIMEOUT, NOT_ENOUGH_REPLICAS, OVERLOADED, SERVICE_UNAVAILABLE } from '../kafka/errors.ts';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { checkouts, failureCause } from './checkouts.ts';
import type { RunView } from './view.ts';

const chain = `graph LR
  Order[Order Service] -->|POST| Notification[Notification Service]
  %% @config Order rate=50/s
`;

function run(text: string, steps: (sim: TestSim) => void): RunView {
  const sim = TestSim.of(text, { seed: 1 });
  steps(sim);
  return { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied };
}

const publishOnly = `graph LR
  Order[Order Service] -->|OrderCreatedEvent| K[Kafka: orders]
  K --> Notification[Notification Service]
`;

const practice = readFileSync(new URL('../../app/examples/practice-decouple-checkout.mmd', import.meta.url), 'utf8');

describe('failureCause', () => {
  it('says what failed a checkout in the learner\'s terms', () => {
    const f = { request: 88, at: 0, service: 'Notification' };
    expect(failureCause({ ...f, code: SERVICE_UNAVAILABLE })).toBe('checkout #88, refused by Notification: it was down or failing');
    expect(failureCause({ ...f, code: OVERLOADED })).toBe('checkout #88, refused by Notification: no thread free');
    expect(failureCause({ ...f, code: CALL_TIMEOUT })).toBe('checkout #88: Notification did not answer in time');
    const e = { message: 12, at: 0, service: 'Orders' };
    expect(failureCause({ ...e, code: DELIVERY_TIMEOUT })).toBe('event #12 of Orders: Kafka did not acknowledge it within delivery.timeout.ms');
    expect(failureCause({ ...e, code: NOT_ENOUGH_REPLICAS })).toBe('event #12 of Orders: Kafka answered NOT_ENOUGH_REPLICAS');
    // Another family's error is not Kafka's: an event store refusing a command whose stream it cannot read.
    expect(failureCause({ ...f, service: 'Orders', code: UNREADABLE_EVENT })).toBe('checkout #88, failed at Orders: unreadable event version');
  });
});

describe('checkouts', () => {
  it('fails with the share, the window of failures and the first failure', () => {
    const v = run(chain, (s) => s.advance('5s').crash('Notification').advance('3s').restart('Notification').advance('4s'));
    const r = checkouts({ kind: 'checkouts', min: 1 }, v);
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^\d+\.\d% of [\d,]+ checkouts succeeded; the goal needs every one\. [\d,]+ failed between 5\.\d s and [78]\.\d s: the first was checkout #\d+, refused by Notification: it was down or failing\.$/);
    expect(r.counterexample).toMatchObject({ nodes: ['Notification'] });
    expect(r.counterexample!.window!.fromS).toBeGreaterThanOrEqual(5);
  });

  it('passes a lower bar and still shows what failed', () => {
    const v = run(chain, (s) => s.advance('5s').crash('Notification').advance('1s').restart('Notification').advance('4s'));
    const r = checkouts({ kind: 'checkouts', min: 0.5 }, v);
    expect(r.pass).toBe(true);
    expect(r.explanation).toMatch(/^\d+\.\d% of [\d,]+ checkouts succeeded \(at least 50\.0% needed\)\. [\d,]+ failed between/);
  });

  it('passes every checkout with its latency, and does not pass when nothing ran', () => {
    expect(checkouts({ kind: 'checkouts', min: 1 }, run(chain, (s) => s.advance('3s'))).explanation).toMatch(/^All [\d,]+ checkouts succeeded \(p99 latency \d+(\.\d)? ms\)\.$/);
    const idle = `graph LR\n  A[Order Service] --> K[Kafka: orders]\n  %% @config A rate=0/s\n`;
    expect(checkouts({ kind: 'checkouts', min: 1 }, run(idle, (s) => s.advance('1s'))).explanation).toMatch(/^No checkout finished/);
  });

  it('gives the p99 of a publish-only service\'s checkouts, which are its acknowledged events', () => {
    // Lesson 1's solution: the pass message said p99 0.0 ms, reading only the histogram of client checkouts.
    const v = run(publishOnly, (s) => s.advance('10s'));
    const r = checkouts({ kind: 'checkouts', min: 1 }, v);
    const p99 = Number(/p99 latency ([\d.]+) ms/.exec(r.explanation)![1]);
    expect(p99).toBeGreaterThan(1);
    expect(p99).toBeCloseTo(v.w.metrics.sourceAckLatency.max / 1000, -1);
  });

  it('splits the share per entry point when there are several: a failing one is not hidden by a healthy one', () => {
    const v = run(practice, (s) => s.advance('10s').crash('NotificationServiceSync').crash('NotificationServiceAsync').advance('30s'));
    const r = checkouts({ kind: 'checkouts', min: 1 }, v);
    expect(r.pass).toBe(false);
    const m = /Per entry point: users of OrderServiceSync ([\d.]+)% \(([\d,]+) of ([\d,]+)\) and events of OrderServiceAsync ([\d.]+)% \(([\d,]+) of ([\d,]+)\)\./.exec(r.explanation);
    expect(m, r.explanation).not.toBeNull();
    const [sync, async] = [Number(m![1]), Number(m![4])];
    expect(sync).toBeLessThan(50); // every legacy checkout waits on the crashed Notification service
    expect(async).toBe(100); // the log takes the orders while Notification is down
    const n = (x: string | undefined) => Number(x!.replace(/,/g, ''));
    expect(n(m![3]) + n(m![6])).toBe(v.w.metrics.checkoutsOk + v.w.metrics.checkoutsFailed);
  });
});

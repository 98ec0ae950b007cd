import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { delivered, markReplay, noLoss, replayed } from './delivery.ts';
import { consumingServices, type RunView } from './view.ts';

const orders = (producer: string, billing = '') => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config orders replication.factor=3
  %% @config Orders rate=200/s key=customerId ${producer}
  %% @config Billing auto.offset.reset=earliest session.timeout.ms=6s heartbeat.interval.ms=2s ${billing}
`;

function view(sim: TestSim, text: string): RunView {
  return { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied };
}

describe('no-loss', () => {
  it('names the first acknowledged event no replica holds any more', () => {
    const text = orders('acks=1');
    const sim = TestSim.of(text, { seed: 1 }).advance('3s').fault('cut Kafka/1 Kafka/2').fault('cut Kafka/1 Kafka/3').advance('2s');
    sim.crash('Kafka/1').advance('12s'); // the controller fences it after broker.session.timeout.ms (9 s)
    const v = noLoss(view(sim, text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ acknowledged events are gone from every replica: the first, #\d+ \(customer-\d+, orders-0\), was sent at [345]\.\d s/);
    const messages = v.counterexample!.messages!;
    expect(messages.length).toBe(5);
    expect(messages[0]).toMatchObject({ partition: 'orders-0' });
    expect(v.counterexample!.window!.fromS).toBeGreaterThanOrEqual(2.9);
  });

  it('passes, counting what was acknowledged, when nothing is lost', () => {
    const text = orders('acks=all');
    const sim = TestSim.of(text, { seed: 1 }).advance('5s');
    expect(noLoss(view(sim, text))).toEqual({ pass: true, explanation: `All ${sim.w.metrics.acknowledged.toLocaleString('en-US')} acknowledged events are still in the log: none was lost.`, counterexample: undefined });
  });
});

describe('delivered', () => {
  it('fails with the first event a consumer has not processed, where it sits and when it was sent', () => {
    const text = orders('');
    const sim = TestSim.of(text, { seed: 2 }).advance('5s');
    sim.crash('Billing').advance('5s');
    const v = delivered({ kind: 'delivered', to: '{Billing}', sentBeforeS: 8, byS: 10 }, view(sim, text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Billing has not processed [\d,]+ of the [\d,]+ events sent to orders before 8 s: the first is #\d+ \(customer-\d+, orders-0 offset [\d,]+\), sent at [45]\.\d s \(checked at 10 s\)\.$/);
    expect(v.counterexample!.nodes).toEqual(['Billing']);
  });

  it('passes over a window of send times, and tells of repeats on the way', () => {
    const text = orders('', 'commit=after');
    const sim = TestSim.of(text, { seed: 2 }).advance('5s');
    sim.fault('crash-after-processing Billing').advance('20s');
    const v = delivered({ kind: 'delivered', to: '{Billing}', topic: 'orders', sentFromS: 1, sentBeforeS: 10, byS: 25 }, view(sim, text));
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^By 25 s, Billing processed all [\d,]+ events sent to orders between 1 s and 10 s\. It processed [\d,]+ events? a second time, redelivered after a crash: at-least-once delivery\.$/);
  });

  it('counts an event kept on the dead-letter topic as handled only when asked to', () => {
    const text = orders('', 'retry=2 dlq=orders-dlq');
    const sim = TestSim.of(text, { seed: 3 }).fault('poison Billing key=customer-7').advance('15s');
    const c = { kind: 'delivered', to: '{Billing}', topic: 'orders', sentBeforeS: 10, byS: 15 } as const;
    expect(delivered({ ...c, orDeadLettered: true }, view(sim, text)).explanation).toMatch(/and kept the other \d+ on its dead-letter topic orders-dlq\.$/);
    expect(delivered(c, view(sim, text)).explanation).toMatch(/the first is #\d+ \(customer-7, /);
  });

  it('does not pass for want of events, nor for a service that does not consume', () => {
    const text = orders('');
    const sim = TestSim.of(text, { seed: 2 }).advance('2s');
    expect(delivered({ kind: 'delivered', to: '{Billing}', sentFromS: 5, sentBeforeS: 9, byS: 2 }, view(sim, text)).explanation).toMatch(/^No event was sent to orders between 5 s and 9 s, so Billing had nothing to process/);
    expect(delivered({ kind: 'delivered', to: '{Order}', sentBeforeS: 1, byS: 2 }, view(sim, text))).toMatchObject({ pass: false, explanation: 'Orders reads no topic.' });
  });
});

describe('delivered, counting what the broker dead-lettered to a queue', () => {
  const offers = (dead: string) => `graph LR
  Offers[Offer Service] -->|offer.created| Queue[(Queue: offers)]
  Queue --> Notifier[Notifier Service]
${dead}  %% @config Offers rate=20/s key=customerId keys=50
  %% @config Queue x-message-ttl=2000
  %% @config Notifier processing=5ms
`;
  const graveyard = '  Queue -->|dead| DeadEx["Exchange: dead (fanout)"]\n  DeadEx --> Parked[(Queue: parked)]\n';
  const c = { kind: 'delivered', to: '{Notifier}', sentFromS: 1, sentBeforeS: 12, byS: 15, deadLetters: 'parked' } as const;
  // The consumer is down from 3 s to 8 s: what waits longer than the TTL expires at the head of the queue.
  const run = (text: string) => TestSim.of(text, { seed: 4 }).advance('3s').fault('crash Notifier').advance('5s').fault('restart Notifier').advance('7s');

  it('fails while expired events vanish, saying that they expired and that there is nowhere to keep them', () => {
    const text = offers('');
    const v = delivered(c, view(run(text), text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ of the [\d,]+ events sent to offers between 1 s and 12 s were neither processed by Notifier nor kept in parked: the first is #\d+ \(customer-\d+, offers\), sent at [3-5]\.\d s; all of them expired before anyone processed them; there is no queue or topic parked to keep them \(checked at 15 s\)\.$/);
    expect(v.counterexample!.messages!.length).toBe(5);
  });

  it('passes once a dead-letter exchange keeps them in the queue named, and says how many it kept there', () => {
    const text = offers(graveyard);
    const sim = run(text);
    const v = delivered(c, view(sim, text));
    expect(v.pass).toBe(true);
    const kept = Number(/kept the other ([\d,]+) in parked\.$/.exec(v.explanation)![1]!.replace(/,/g, ''));
    expect(kept).toBeGreaterThan(20);
    expect(kept).toBeLessThanOrEqual(sim.w.parts.amqp.queues.find((q) => q.name === 'parked')!.stats.published);
    // Without `deadLetters` the same run fails: the copies in parked are not the consumer's doing.
    expect(delivered({ ...c, deadLetters: undefined }, view(sim, text)).pass).toBe(false);
  });
});

describe('replayed', () => {
  it('compares what a group processed after a reset with what it had processed before', () => {
    const text = orders('rate=50/s');
    const sim = TestSim.of(text, { seed: 4 }).advance('5s');
    sim.crash('Billing').advance('8s'); // the session (6 s) expires: the group is empty
    const v = view(sim, text);
    const services = consumingServices(v, '{Billing}');
    if (typeof services === 'string') throw new Error(services);
    const marks = markReplay(v, services);
    expect(marks.get(services[0]!.group)!.processed).toBeGreaterThan(100);

    const before = replayed({ kind: 'replayed', service: '{Billing}', afterS: 13 }, v, services, marks);
    expect(before).toMatchObject({ pass: false });
    expect(before.explanation).toMatch(/^By 13 s Billing had processed [\d,]+ events, but after that it processed only 0 again\.$/);

    sim.fault('reset-offsets Billing earliest').restart('Billing').advance('10s');
    const after = replayed({ kind: 'replayed', service: '{Billing}', afterS: 13 }, v, services, marks);
    expect(after.pass).toBe(true);
    expect(after.explanation).toMatch(/after the reset it processed [\d,]+ again: the log still held them all\.$/);
  });
});

describe('replayed by another service (a fixed version deployed in place of the old one)', () => {
  const deploy = (fixed: string) => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  Kafka --> Fixed[Billing Service, fixed]
  %% @config Orders rate=50/s key=customerId
  %% @config Billing auto.offset.reset=earliest
  %% @config Fixed start=12s ${fixed}
`;
  const check = { kind: 'replayed', service: 'Billing', afterS: 10, by: '{fixed}' } as const;

  function judge(fixed: string) {
    const text = deploy(fixed);
    const sim = TestSim.of(text, { seed: 5 }).advance('10s');
    const v = view(sim, text);
    const services = consumingServices(v, 'Billing');
    if (typeof services === 'string') throw new Error(services);
    const marks = markReplay(v, services);
    sim.crash('Billing').advance('15s');
    const replayers = consumingServices(v, '{fixed}');
    if (typeof replayers === 'string') throw new Error(replayers);
    return replayed(check, v, services, marks, replayers);
  }

  it('fails a fix that joins the old group: its committed offsets send it on from where the old one stopped', () => {
    const r = judge('group.id=Billing auto.offset.reset=earliest');
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^By 10 s Billing had processed [\d,]+ events, but after that its group, which Fixed joined, processed only 0 again\.$/);
  });

  it('fails a fix in a group of its own that starts at the end of the log, naming the first order it never read', () => {
    const r = judge('group.id=billing-v2');
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^Fixed has not processed [\d,]+ of the [\d,]+ events Billing had processed by 10 s: the first is #\d+ \(customer-\d+, orders-0 offset 0\)/);
    expect(r.counterexample!.messages).toHaveLength(1);
  });

  it('passes a fix in a group of its own that starts at the beginning of the log', () => {
    const r = judge('group.id=billing-v2 auto.offset.reset=earliest');
    expect(r.pass).toBe(true);
    expect(r.explanation).toMatch(/^Fixed, in a group of its own, processed all [\d,]+ events Billing had processed by 10 s: the log still held them all\.$/);
  });
});

describe('replayed, when the old build read a queue', () => {
  const queue = (fixed: string) => `graph LR
  Orders[Order Service] -->|order.created| Ex["Exchange: orders (fanout)"]
  Ex --> Q[(Queue: orders)]
  Q --> Billing[Billing Service]
${fixed}  %% @config Orders rate=50/s key=customerId
  %% @config BillingFixed start=6s
`;
  function judge(text: string) {
    const sim = TestSim.of(text, { seed: 7 }).advance('4s');
    const v = view(sim, text);
    const services = consumingServices(v, 'Billing');
    if (typeof services === 'string') throw new Error(services);
    const marks = markReplay(v, services);
    sim.crash('Billing').advance('8s');
    const replayers = consumingServices(v, 'BillingFixed');
    if (typeof replayers === 'string') throw new Error(replayers);
    return replayed({ kind: 'replayed', service: 'Billing', afterS: 4, by: 'BillingFixed' }, v, services, marks, replayers);
  }

  it('says a fix on the same queue gets nothing back: the queue deleted what was acknowledged', () => {
    const v = judge(queue('  Q --> BillingFixed[Billing Service, fixed]\n'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^By 4 s Billing had processed [\d,]+ events, but after that the queue it read, which BillingFixed reads too, handed out only 0 again: a queue deletes a message once it is acknowledged\.$/);
  });

  it('says a fix on a queue of its own misses what the old build read, deleted on its acknowledgement', () => {
    const v = judge(queue('  Ex --> Q2[(Queue: orders-again)]\n  Q2 --> BillingFixed[Billing Service, fixed]\n'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^BillingFixed has not processed [\d,]+ of the [\d,]+ events Billing had processed by 4 s: the first is #\d+ \(customer-\d+, orders\); it was on a queue, which deleted it once Billing acknowledged it\.$/);
  });
});

import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { lag, noDuplicates, noIdleConsumers, perKeyOrder } from './consumption.ts';
import type { RunView } from './view.ts';

const orders = (producer: string, consumer: string, partitions = 3) => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Inventory[Inventory Service]
  %% @config orders partitions=${partitions}
  %% @config Orders ${producer}
  %% @config Inventory auto.offset.reset=earliest session.timeout.ms=6s heartbeat.interval.ms=2s ${consumer}
`;

function run(text: string, seed: number, steps: (sim: TestSim) => void): RunView {
  const sim = TestSim.of(text, { seed });
  steps(sim);
  return { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied };
}

describe('no-duplicates', () => {
  it('names the first event processed a second time', () => {
    const v = run(orders('rate=100/s key=customerId', 'commit=after'), 1, (s) => s.advance('5s').fault('crash-after-processing Inventory').advance('15s'));
    const r = noDuplicates({ kind: 'no-duplicates', service: '{Inventory}' }, v);
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^Inventory processed [\d,]+ events? a second time: the first, #\d+ \(customer-\d+, orders-\d offset [\d,]+\), again at \d+\.\d s\.$/);
    expect(r.counterexample!.messages![0]!.atS).toBeGreaterThan(5);
  });

  it('passes with an inbox, and says what the inbox skipped', () => {
    const v = run(orders('rate=100/s key=customerId', 'commit=after idempotent=true'), 1, (s) => s.advance('5s').fault('crash-after-processing Inventory').advance('15s'));
    const r = noDuplicates({ kind: 'no-duplicates' }, v);
    expect(r.pass).toBe(true);
    expect(r.explanation).toMatch(/^No event was processed twice by Inventory; Inventory's inbox recognised and skipped [\d,]+ redeliver(y|ies)\.$/);
  });
});

describe('per-key-order', () => {
  it('names an event processed after a later one of its key', () => {
    const text = orders('rate=200/s key=customerId keys=20 partitioner.ignore.keys=true', 'instances=3 processing=exp(8ms)');
    const r = perKeyOrder({ kind: 'per-key-order' }, run(text, 3, (s) => s.advance('10s')));
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^Inventory processed [\d,]+ events out of order for their key: #(\d+) \(customer-\d+, orders-\d offset [\d,]+\) at \d+\.\d s, after #(\d+), a later event of the same key\.$/);
    const [, first, later] = /#(\d+) .* after #(\d+)/.exec(r.explanation)!;
    expect(Number(later)).toBeGreaterThan(Number(first));
  });

  it('passes with keys that choose the partition, and refuses to pass on events without keys', () => {
    const keyed = orders('rate=200/s key=customerId keys=20', 'instances=3 processing=exp(8ms)');
    expect(perKeyOrder({ kind: 'per-key-order', service: '{Inventory}' }, run(keyed, 3, (s) => s.advance('10s')))).toMatchObject({ pass: true });
    const keyless = orders('rate=200/s', 'instances=3');
    expect(perKeyOrder({ kind: 'per-key-order' }, run(keyless, 3, (s) => s.advance('5s'))).explanation).toBe(
      'Inventory processed no event with a key, so there is no per-key order to check: give the producer a key.',
    );
  });
});

describe('lag', () => {
  it('names the partition furthest behind and how many consumers run', () => {
    const v = run(orders('rate=100/s key=customerId', 'processing=20ms'), 4, (s) => s.advance('20s'));
    const r = lag({ kind: 'lag', service: '{Inventory}', max: 300, byS: 20 }, v);
    expect(r.pass).toBe(false);
    expect(r.explanation).toMatch(/^At 20 s Inventory is [\d,]+ events behind \(its lag\), more than 300: orders-\d alone is [\d,]+ behind \(committed offset [\d,]+, log end [\d,]+\), with 1 of its 1 consumer running\.$/);
    expect(r.counterexample!.partitions!.length).toBeGreaterThan(0);
    expect(r.counterexample!.partitions!.every((p) => p.lag === p.end - p.committed)).toBe(true);
  });

  it('passes when the group keeps up', () => {
    const v = run(orders('rate=100/s key=customerId', 'instances=3'), 4, (s) => s.advance('20s'));
    expect(lag({ kind: 'lag', service: '{Inventory}', max: 800, byS: 20 }, v).explanation).toMatch(/^At 20 s Inventory is [\d,]+ events? behind \(at most 800 allowed\)\.$/);
  });
});

describe('no-idle-consumers', () => {
  it('counts consumers without a partition, and passes when each has one', () => {
    const idle = run(orders('rate=10/s', 'instances=4'), 5, (s) => s.advance('10s'));
    expect(noIdleConsumers({ kind: 'no-idle-consumers', service: '{Inventory}', atS: 10 }, idle).explanation).toBe(
      'At 10 s 1 of Inventory\'s 4 consumers owns no partition: orders has 3 partitions, and a partition goes to one consumer of the group.',
    );
    const busy = run(orders('rate=10/s', 'instances=3'), 5, (s) => s.advance('10s'));
    expect(noIdleConsumers({ kind: 'no-idle-consumers', service: '{Inventory}', atS: 10 }, busy)).toMatchObject({ pass: true });
  });
});

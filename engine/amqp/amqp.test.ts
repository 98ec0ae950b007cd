/**
 * RabbitMQ in a topology, as the seeds draw it: exchanges route to queues, services consume them, and the checkers
 * find what crashes, poison messages and unroutable publishes cost, with the message ids.
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

const shop = (settings = '') => `graph LR
  Orders[Order Service] -->|order.eu.created| Ex["Exchange: orders (topic)"]
  Ex -->|order.*.created| Billing[(Queue: billing)]
  Ex -->|order.#| Audit[(Queue: audit)]
  Billing --> BillingSvc[Billing Service]
  Audit --> AuditSvc[Audit Service]
  %% @config Orders rate=200/s
${settings}`;

const q = (s: TestSim, name: string) => s.w.parts.amqp.queues.find((x) => x.name === name)!;

describe('RabbitMQ in a topology', () => {
  it('routes each event to every queue whose binding matches, and each queue is consumed once', () => {
    const s = TestSim.of(shop(), { seed: 1 }).advance('10s');
    const m = s.metrics();
    // Both queues took every event but those still on their way from the publisher, and the same ones.
    expect(q(s, 'billing').stats.published).toBe(q(s, 'audit').stats.published);
    expect(q(s, 'billing').stats.published).toBeGreaterThan(m.produced - 5);
    // Everything is processed but what was still on its way when the run stopped.
    expect(m.processed).toBeLessThanOrEqual(2 * m.produced);
    expect(m.processed).toBeGreaterThan(2 * m.produced - 10);
    const r = s.history();
    expect(r.lost.count + r.duplicated.count + r.reordered.count).toBe(0);
  });

  it('shares a queue among competing instances: each message processed once, spread over them', () => {
    const s = TestSim.of(shop('  %% @config BillingSvc instances=3 processing=4ms'), { seed: 2 }).advance('10s');
    const readers = s.w.parts.apps.readers.filter((r) => s.w.parts.apps.services[r.service]!.node === 'BillingSvc');
    expect(readers.map((r) => r.processed).every((n) => n > 300)).toBe(true);
    expect(s.history().duplicated.count).toBe(0);
  });

  it('a manual-ack consumer that crashes after processing, before its ack, has those messages redelivered: duplicates, none lost', () => {
    const s = TestSim.of(shop('  %% @config BillingSvc processing=20ms prefetch=10'), { seed: 3 }).advance('3s').fault('crash-after-processing BillingSvc').advance('15s');
    const r = s.history();
    expect(r.lost.count).toBe(0);
    expect(r.duplicated.count).toBeGreaterThan(0);
    expect(q(s, 'billing').stats.requeued).toBeGreaterThan(0);
  });

  it('Q35: with competing consumers, a redelivered message is processed after later messages of its key: the checker says reordered', () => {
    const text = (instances: number) =>
      shop(`  %% @config Orders key=customerId keys=20\n  %% @config BillingSvc instances=${instances} processing=20ms prefetch=10`);
    const crashOne = (instances: number) =>
      TestSim.of(text(instances), { seed: 4 }).advance('3s').fault('crash BillingSvc/1').advance('1s').fault('restart BillingSvc/1').advance('10s').history();
    const shared = crashOne(2);
    expect(shared.lost.count).toBe(0);
    expect(shared.reordered.count).toBeGreaterThan(0);
    // The message that overtook is named, later than the one it overtook.
    expect(shared.reordered.examples[0]!.other).toBeGreaterThan(shared.reordered.examples[0]!.message);
  });

  it('an auto-ack consumer that crashes loses what it had received and not processed: the checker names them', () => {
    const s = TestSim.of(shop('  %% @config BillingSvc processing=20ms ack=auto'), { seed: 4 }).advance('3s').fault('crash BillingSvc').advance('2s').fault('restart BillingSvc').advance('10s');
    const r = s.history();
    expect(r.lost.count).toBeGreaterThan(0);
    expect(r.lost.examples.every((x) => x.partition === q(s, 'billing').place)).toBe(true);
  });

  it('a poison message goes round a classic queue for ever; a quorum queue dead-letters it after its delivery limit', () => {
    const text = `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  Work -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  %% @config Orders rate=50/s event=JobCreated
  %% @config Work x-queue-type=quorum x-delivery-limit=3
`;
    const loop = TestSim.of(text.replace('  %% @config Work x-queue-type=quorum x-delivery-limit=3\n', ''), { seed: 6 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s');
    expect(q(loop, 'work').stats.requeued).toBeGreaterThan(100);
    expect(q(loop, 'work').stats.deadLettered).toBe(0);
    const limited = TestSim.of(text, { seed: 6 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s');
    const work = q(limited, 'work');
    expect(work.stats.deadLettered).toBeGreaterThan(50);
    expect(q(limited, 'parked').ready.length).toBe(work.stats.deadLettered);
    expect(limited.history().lost.count).toBe(0);
  });

  it('a node crash loses transient messages of a durable queue; persistent, confirmed ones survive it', () => {
    const slow = '  %% @config BillingSvc processing=50ms\n';
    const transient = TestSim.of(shop(slow), { seed: 7 }).advance('3s').fault('crash RabbitMQ').advance('1s').fault('restart RabbitMQ').advance('3s');
    expect(transient.history().lost.count).toBeGreaterThan(0);
    const safe = TestSim.of(shop(`${slow}  %% @config Orders persistent=true confirm=true\n`), { seed: 7 }).advance('3s').fault('crash RabbitMQ').advance('1s').fault('restart RabbitMQ').advance('3s');
    expect(safe.history().lost.count).toBe(0);
    expect(safe.metrics().checkouts.failed).toBeGreaterThan(0); // publishes while it was down fail, and are known to
  });

  it('an unroutable publish without confirms is lost without a word; with mandatory it comes back', () => {
    const text = (extra: string) => `graph LR
  Orders[Order Service] -->|order.us.created| Ex["Exchange: orders (direct)"]
  Ex -->|order.eu.created| Billing[(Queue: billing)]
  Billing --> BillingSvc[Billing Service]
  %% @config Orders rate=100/s ${extra}
`;
    const dropped = TestSim.of(text(''), { seed: 8 }).advance('2s');
    expect(dropped.history().lost.count).toBe(dropped.metrics().produced);
    const returned = TestSim.of(text('mandatory=true'), { seed: 8 }).advance('2s');
    expect(returned.history().lost.count).toBe(0);
    expect(returned.w.parts.amqp.exchanges.find((x) => x.name === 'orders')!.stats.returned).toBe(returned.metrics().produced);
  });

  it('works beside Kafka: a service reads a topic and publishes to an exchange', () => {
    const text = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Bridge[Bridge Service]
  Bridge -->|order.created| Ex["Exchange: orders (fanout)"]
  Ex --> Mail[(Queue: mail)]
  Mail --> Mailer[Mailer Service]
  %% @config Orders rate=100/s
`;
    const s = TestSim.of(text, { seed: 9 }).advance('12s');
    expect(q(s, 'mail').stats.acked).toBeGreaterThan(500);
    expect(s.history().lost.count).toBe(0);
  });

  it('is deterministic: the same topology and seed give the same history', () => {
    const run = () => TestSim.of(shop('  %% @config BillingSvc instances=2 processing=exp(3ms)'), { seed: 10 }).advance('5s').fault('crash BillingSvc/1').advance('5s').sim.hash();
    expect(run()).toBe(run());
  });
});

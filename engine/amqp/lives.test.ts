/**
 * Message lives on RabbitMQ, as the trace and the life line read them: a fanout copy belongs to its publish's story,
 * and a message that was delivered, requeued, dead-lettered and delivered again is followed through each step.
 */
import { describe, expect, it } from 'vitest';
import { eventLog, story } from '../live/queries.ts';
import { exchangeDetail } from './queries.ts';
import { TestSim } from '../testing/testSim.ts';

describe('RabbitMQ message lives', () => {
  it('a copy routed to a second queue shares the request and the story of the message it copies', () => {
    const s = TestSim.of(`graph LR
  Client[Client] -->|POST /order| Orders[Order Service]
  Orders -->|order.created| Ex["Exchange: orders (fanout)"]
  Ex --> Billing[(Queue: billing)]
  Ex --> Audit[(Queue: audit)]
  Billing --> BillingSvc[Billing Service]
  Audit --> AuditSvc[Audit Service]
  %% @config Client rate=20/s
`, { seed: 1 }).advance('2s');
    const copies = eventLog(s.w, { kinds: ['enqueue'], limit: 1000 }).filter((e) => e.text.includes('(a copy)'));
    expect(copies.length).toBeGreaterThan(20);
    for (const e of copies.slice(-5)) {
      const lives = story(s.w, e.message!);
      // The request's one publish and its copy, nothing from another request.
      expect(lives.map((l) => l.partition).sort()).toEqual(['audit', 'billing']);
      expect(new Set(lives.map((l) => l.correlation)).size).toBe(1);
      // The copy was published, routed and confirmed with its original, by the same exchange.
      const [original, copy] = [lives.find((l) => l.partition === 'billing')!, lives.find((l) => l.partition === 'audit')!];
      expect(copy.amqp).toMatchObject({ copyOf: original.id, exchange: { name: 'orders', node: 'Ex' }, queue: { name: 'audit', node: 'Audit' } });
      expect(copy.sentAt).toBe(original.sentAt);
      expect(copy.producer).toBe('Orders');
    }
  });
});

describe('a message redelivered and dead-lettered', () => {
  const text = `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  Work -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  Parked --> Janitor[Janitor Service]
  %% @config Orders rate=5/s event=JobCreated
  %% @config Work x-queue-type=quorum x-delivery-limit=1
`;

  it('is followed through its queue, each return, the dead-letter exchange and its delivery in the next queue', () => {
    const s = TestSim.of(text, { seed: 1 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s');
    const death = eventLog(s.w, { kinds: ['deadLetter'], limit: 1 })[0]!;
    const [dead, copy] = story(s.w, death.message!);
    expect(dead!.id).toBe(death.message);
    expect(dead!.amqp).toMatchObject({ exchange: { name: '', node: '' }, queue: { name: 'work', node: 'Work' } });
    // Delivered, failed and returned; delivered again (redelivered), failed, returned past the limit: dead.
    expect(dead!.deliveredAt).toHaveLength(2);
    expect(dead!.amqp!.requeuedAt.map((r) => r.consumer)).toEqual(['Worker', 'Worker']);
    expect(dead!.amqp!.deadLetteredAt).toMatchObject({ reason: 'delivery_limit', as: copy!.id });
    expect(dead!.processedAt).toHaveLength(0);
    expect(dead!.sentAt).toBeLessThan(dead!.appendedAt!);
    expect(dead!.deliveredAt[1]!.at).toBeGreaterThan(dead!.amqp!.requeuedAt[0]!.at);

    // Its dead-lettered copy: caused by it, routed by the DLX into parked, delivered, processed and acked there.
    expect(copy!.causedByMessage).toBe(true);
    expect(copy!.causation).toBe(dead!.id);
    expect(copy!.amqp).toMatchObject({ exchange: { name: 'dead', node: 'DLX' }, queue: { name: 'parked', node: 'Parked' }, deadFrom: { queue: { name: 'work' }, reason: 'delivery_limit' } });
    expect(copy!.appendedAt).toBe(dead!.amqp!.deadLetteredAt!.at);
    expect(copy!.deliveredAt.map((d) => d.node)).toEqual(['Janitor']);
    expect(copy!.processedAt).toHaveLength(1);
    expect(copy!.committedAt).toHaveLength(1);
  });
});

describe("an exchange's inspector", () => {
  it('lists what its bindings matched lately: the routing key and the queues each message went into, or none', () => {
    const s = TestSim.of(`graph LR
  Orders[Order Service] -->|order.eu.created| Ex["Exchange: orders (topic)"]
  Refunds[Refund Service] -->|refund.eu.created| Ex
  Ex -->|order.*.created| Billing[(Queue: billing)]
  Ex -->|order.#| Audit[(Queue: audit)]
  Billing --> BillingSvc[Billing Service]
  Audit --> AuditSvc[Audit Service]
  %% @config Orders rate=5/s
  %% @config Refunds rate=5/s
`, { seed: 1 }).advance('2s');
    const x = s.w.parts.amqp.exchanges.findIndex((e) => e.name === 'orders');
    const d = exchangeDetail(s.w, x)!;
    expect(d.matched.length).toBeGreaterThan(5);
    for (const m of d.matched) {
      if (m.routingKey === 'order.eu.created') expect(m.queues).toEqual(['billing', 'audit']);
      else expect(m).toMatchObject({ routingKey: 'refund.eu.created', queues: [], returned: false });
    }
    expect(d.matched[0]!.at).toBeGreaterThanOrEqual(d.matched[1]!.at);
  });

  it('lists the messages it took dead-lettered, with the queue they died in', () => {
    const s = TestSim.of(`graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  Work -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  Parked --> Janitor[Janitor Service]
  %% @config Orders rate=5/s event=JobCreated
  %% @config Work x-queue-type=quorum x-delivery-limit=1
`, { seed: 1 }).advance('1s').fault('poison Worker type=JobCreated').advance('2s');
    const d = exchangeDetail(s.w, s.w.parts.amqp.exchanges.findIndex((e) => e.name === 'dead'))!;
    expect(d.matched.length).toBeGreaterThan(0);
    expect(d.matched[0]).toMatchObject({ deadFrom: 'work (delivery_limit)', queues: ['parked'] });
  });
});

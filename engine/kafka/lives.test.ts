import { describe, expect, it } from 'vitest';
import { entries } from '../history/trace.ts';
import { advance, createSession, type Session } from '../live/session.ts';
import { describeEntry, eventLog, keyPath, messageLife, story, type LogQuery } from '../live/queries.ts';
import { messageLives } from './lives.ts';
import { lostMessages } from '../check/checks.ts';

const orders = (acks: string, extra = '') => `graph LR
  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=2
  %% @config Client rate=200/s key=customerId keys=40
  %% @config Orders acks=${acks}
${extra}`;

function run(text: string, untilUs: number, faults: string[] = []): Session {
  const s = createSession(text, { seed: 3, faults });
  if ('errors' in s) throw new Error(JSON.stringify(s.errors));
  advance(s, untilUs);
  return s;
}

describe('message lives', () => {
  it('follow a processed message through every stage, in causal order, from the checkout that started it', () => {
    const s = run(orders('all'), 12_000_000);
    const w = s.sim.world;
    const life = keyPath(w, 'customer-7').find((l) => l.processedAt.length > 0 && l.committedAt.length > 0)!;
    expect(life.origin).toMatchObject({ node: 'Client', request: life.causation, ok: true });
    expect(life.producer).toBe('Orders');
    expect(life.leader).toMatch(/^Kafka\/[123]$/);
    expect(life.origin!.startAt).toBeLessThanOrEqual(life.producedAt);
    expect(life.producedAt).toBeLessThanOrEqual(life.sentAt!);
    expect(life.sentAt!).toBeLessThan(life.appendedAt!);
    expect(life.appendedAt!).toBeLessThan(life.acknowledgedAt!);
    // acks=all: both followers had it before the producer heard back.
    expect(life.replicatedAt.map((r) => r.broker).sort()).toEqual(['Kafka/1', 'Kafka/2', 'Kafka/3'].filter((b) => b !== life.leader));
    for (const r of life.replicatedAt) expect(r.at).toBeLessThanOrEqual(life.acknowledgedAt!);
    expect(life.deliveredAt[0]!.at).toBeLessThanOrEqual(life.processedAt[0]!.at);
    expect(life.processedAt[0]).toMatchObject({ group: 'Billing', node: 'Billing' });
    expect(life.committedAt[0]!.at).toBeGreaterThanOrEqual(life.processedAt[0]!.at);
    expect(life.lost).toBe(false);
  });

  it('tell how an acknowledged acks=1 write was lost: taken by the isolated leader, then truncated when it rejoined', () => {
    const s = run(orders('1'), 50_000_000, ['10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '25s heal']);
    const w = s.sim.world;
    const lost = lostMessages(w, 5).examples.map((e) => e.message);
    expect(lost.length).toBeGreaterThan(0);
    for (const life of messageLives(w, lost)) {
      expect(life.lost).toBe(true);
      expect(life.offset).toBeNull();
      expect(life.leader).toBe('Kafka/1');
      expect(life.acknowledgedAt).toBeGreaterThan(life.appendedAt!);
      expect(life.formerOffset).toBeGreaterThanOrEqual(0);
      expect(life.droppedAt).toMatchObject({ broker: 'Kafka/1', offset: life.formerOffset });
      expect(life.droppedAt!.at).toBeGreaterThanOrEqual(25_000_000);
      // Its offset now names a record of the new leader: none of that record's stages are this message's.
      expect(life.deliveredAt).toEqual([]);
      expect(life.processedAt).toEqual([]);
    }
  });

  it('answer many messages at once exactly as one at a time', () => {
    const s = run(orders('all'), 6_000_000);
    const ids = keyPath(s.sim.world, 'customer-3').map((l) => l.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(messageLives(s.sim.world, ids)).toEqual(ids.map((id) => messageLife(s.sim.world, id)));
    expect(messageLife(s.sim.world, 0)).toBeNull();
  });

  it('gather a story: the message a request published and the events its consumer published in reaction', () => {
    const text = `graph LR
  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  Billing -->|PaymentTakenEvent| Kafka2[Kafka: payments]
  Kafka2 -->|subscribe| Shipping[Shipping Service]
  %% @config Client rate=50/s key=customerId keys=10
`;
    const s = run(text, 8_000_000);
    const w = s.sim.world;
    const child = keyPath(w, 'customer-1').find((l) => l.causedByMessage)!;
    expect(child.type).toBe('PaymentTakenEvent');
    const tale = story(w, child.id);
    expect(tale.map((l) => l.id)).toEqual([child.causation, child.id]);
    expect(tale[0]!.correlation).toBe(tale[1]!.correlation);
    expect(story(w, child.causation).map((l) => l.id)).toEqual([child.causation, child.id]);
  });
});

describe('key paths', () => {
  it('give the newest messages of a key, oldest first, and never register a key they are asked about', () => {
    const s = run(orders('all'), 6_000_000);
    const w = s.sim.world;
    const all = keyPath(w, 'customer-3');
    expect(keyPath(w, 'customer-3', 2).map((l) => l.id)).toEqual(all.slice(-2).map((l) => l.id));
    const hash = s.sim.hash();
    const next = w.keys.next;
    expect(keyPath(w, 'no-such-key')).toEqual([]);
    expect(keyPath(w, 'customer-999')).toEqual([]);
    expect(w.keys.next).toBe(next);
    expect(s.sim.hash()).toBe(hash);
  });
});

describe('event log', () => {
  /** The log as plainly defined: every entry described, then filtered. */
  function naive(s: Session, q: LogQuery) {
    const w = s.sim.world;
    const all = entries(w.trace).map((e) => describeEntry(w, e));
    return all
      .filter((d) => !q.kinds || q.kinds.includes(d.kind))
      .filter((d) => !q.node || d.node === q.node || d.node.startsWith(`${q.node}/`))
      .filter((d) => q.message === undefined || d.message === q.message)
      .slice(-(q.limit ?? 500));
  }

  it('reads the ring in place and gives what describing every entry and filtering would', () => {
    const s = run(orders('1'), 15_000_000, ['10s crash Kafka/2', '12s crash Billing']);
    const someMessage = keyPath(s.sim.world, 'customer-1')[0]!.id;
    const queries: LogQuery[] = [{}, { limit: 40 }, { kinds: ['election', 'fault', 'isr'] }, { node: 'Kafka' }, { node: 'Billing', kinds: ['fault', 'process'] }, { message: someMessage }];
    for (const q of queries) expect(eventLog(s.sim.world, q)).toEqual(naive(s, q));
    expect(eventLog(s.sim.world, { kinds: ['fault'] }).map((e) => e.node)).toEqual(['Kafka/2', 'Billing']);
  });
});

/**
 * Dual write against the transactional outbox (semantics.md P1-P3), and the checker of consistency between a
 * database and a stream: a crash between the commit and the publish loses the event (or, publishing first, leaves a
 * phantom); with an outbox the same crash loses nothing; a relay that crashes after publishing and before marking
 * publishes those rows again, and the checker names each duplicate.
 */
import { describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency.ts';
import { checkHistory } from '../check/checks.ts';
import { ACKED, CAUSED_BY_MESSAGE, causationOf, flagsOf, partitionOf } from '../history/messages.ts';
import { entries } from '../history/trace.ts';
import { eventLog } from '../live/queries.ts';
import { createSimulation } from '../simulation.ts';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { parseFault, formatFault } from '../faults/parse.ts';
import { outbox as outboxFamily, type RelayDetail } from './family.ts';
import { OT } from './trace.ts';
import { rowIds } from '../stores/rows.ts';

const dual = (settings = '') => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  Orders -->|publish| Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  %% @config Client rate=200/s
  %% @config DB transaction=20ms
  ${settings}
`;

const outbox = (relay = '', settings = '') => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay --> Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  %% @config Client rate=200/s
  %% @config DB transaction=20ms
  %% @config Relay ${relay}
  ${settings}
`;

const relayOf = (s: TestSim) => s.w.parts.outbox.relays[0]!;
const tracedKind = (s: TestSim, kind: number) => entries(s.w.trace).filter((e) => e.kind === kind);

describe('dual write (P1)', () => {
  it('P1: a crash after the commit and before the publish loses the event: the row is committed, no event names it', () => {
    const s = TestSim.of(dual(), { seed: 1 }).until('3s');
    expect(checkConsistency(s.w).lost.count).toBe(0);
    s.fault('crash-between-writes Orders').advance('10s');
    const c = checkConsistency(s.w);
    expect(c.flows).toEqual([expect.objectContaining({ service: 'Orders', database: 'DB', via: 'dual-write' })]);
    // The request the fault caught is lost, and so are the others whose commit was under way when its instance died.
    const [crash] = tracedKind(s, OT.crashBetweenWrites);
    expect(c.lost.count).toBeGreaterThanOrEqual(1);
    expect(c.phantom.count).toBe(0);
    const lost = c.lost.examples.find((x) => x.correlation === crash!.c);
    // The row is in the table; no message on the topic belongs to its request.
    const db = s.w.parts.stores.databases[0]!;
    expect(rowIds(db.rows)).toContain(lost!.row);
    expect(causationOf(s.w.messages, lost!.row)).toBe(lost!.correlation);
    for (let id = 1; id < s.w.messages.count; id++) {
      if (partitionOf(s.w.messages, id) !== db.place) expect(causationOf(s.w.messages, id)).not.toBe(lost!.correlation);
    }
    expect(tracedKind(s, OT.crashBetweenWrites)).toHaveLength(1);
    expect(eventLog(s.w, { kinds: ['crashBetweenWrites'] })[0]!.text).toMatch(/crashed between its database commit and its publish/);
    // The broker lost nothing: the loss is the application's, not the log's.
    expect(checkHistory(s.w).lost.count).toBe(0);
  });

  it('P1: publishing first, the same crash leaves a phantom event whose row was never written', () => {
    const s = TestSim.of(dual('%% @config Orders write.order=publish-first'), { seed: 1 }).until('3s');
    s.fault('crash-between-writes Orders').advance('10s');
    const c = checkConsistency(s.w);
    const [crash] = tracedKind(s, OT.crashBetweenWrites);
    expect(c.phantom.count).toBeGreaterThanOrEqual(1);
    expect(c.lost.count).toBe(0);
    const ph = c.phantom.examples.find((x) => x.correlation === crash!.c);
    expect(flagsOf(s.w.messages, ph!.event) & ACKED).toBe(ACKED);
    expect(causationOf(s.w.messages, ph!.event)).toBe(ph!.correlation);
    expect(eventLog(s.w, { kinds: ['crashBetweenWrites'] })[0]!.text).toMatch(/a phantom event/);
  });

  it('P1: an ordinary crash at an unlucky moment loses events the same way', () => {
    const s = TestSim.of(dual(), { seed: 1 }).until('3s').crash('Orders').advance('2s').restart('Orders').advance('5s');
    const c = checkConsistency(s.w);
    // Transactions open at the crash commit; their requests died before publishing.
    expect(c.lost.count).toBeGreaterThan(0);
    expect(c.phantom.count).toBe(0);
    expect(c.duplicate.count).toBe(0);
  });

  it('without the fault, a dual write that nothing interrupts is consistent, and the default order is unchanged', () => {
    const s = TestSim.of(dual(), { seed: 2 }).until('8s');
    const c = checkConsistency(s.w);
    expect(c.lost.count + c.phantom.count + c.duplicate.count).toBe(0);
    expect(c.flows[0]!.rows).toBeGreaterThan(1000);
  });
});

describe('transactional outbox (P2)', () => {
  it('P2: the business row and the outbox row commit in one transaction, and a crash of the service loses no event', () => {
    const s = TestSim.of(outbox(), { seed: 1 }).until('3s').crash('Orders').advance('2s').restart('Orders').advance('8s');
    const c = checkConsistency(s.w);
    expect(c.flows).toEqual([expect.objectContaining({ via: 'outbox', relay: 'Relay' })]);
    expect(c.lost.count).toBe(0);
    expect(c.phantom.count).toBe(0);
    // Every committed business row has its outbox row beside it, committed with it.
    const db = s.w.parts.stores.databases[0]!;
    const o = s.w.parts.outbox.outboxRows;
    const business = rowIds(db.rows).filter((id) => !o.has(id));
    const outboxRows = rowIds(db.rows).filter((id) => o.has(id));
    expect(outboxRows.length).toBe(business.length);
    expect(outboxRows.map((id) => causationOf(s.w.messages, id))).toEqual(business.map((id) => causationOf(s.w.messages, id)));
  });

  it('P2: crash-between-writes has nothing to crash between for an outbox writer', () => {
    const s = TestSim.of(outbox(), { seed: 1 }).until('1s');
    const r = s.sim.inject('0s crash-between-writes Orders');
    expect(r.ok).toBe(false);
    expect(r.note).toMatch(/same transaction/);
  });

  it('P2: rows committed while the relay is down are published after it restarts, in commit order', () => {
    const s = TestSim.of(outbox(), { seed: 3 }).until('3s').crash('Relay').advance('5s');
    const waiting = checkConsistency(s.w).waiting;
    expect(waiting).toBeGreaterThan(800); // 200/s for 5 s
    // Relay lag is visible: the rows waiting, and the age of the oldest (committed just before the crash).
    const lag = outboxFamily.inspect!['relay']!(s.w, 0) as RelayDetail;
    expect(lag).toMatchObject({ node: 'Relay', mode: 'poll', database: 'DB', lagRows: waiting });
    expect(lag.lagMs).toBeGreaterThan(4500);
    s.restart('Relay').advance('5s');
    const c = checkConsistency(s.w);
    expect(c.lost.count).toBe(0);
    expect(c.waiting).toBeLessThan(200);
    // Events in publish order are their rows in commit order.
    const db = s.w.parts.stores.databases[0]!;
    const position = new Map(rowIds(db.rows).map((id, i) => [id, i]));
    let last = -1;
    for (let id = 1; id < s.w.messages.count; id++) {
      if ((flagsOf(s.w.messages, id) & CAUSED_BY_MESSAGE) === 0 || !s.w.parts.outbox.outboxRows.has(causationOf(s.w.messages, id))) continue;
      const at = position.get(causationOf(s.w.messages, id))!;
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it('P2: a relay publishes to RabbitMQ as well', () => {
    const text = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| CDC[Debezium]:::outbox
  CDC --> Ex["Exchange: orders (fanout)"]
  Ex --> Q[(Queue: billing)]
  Q --> Billing[Billing Service]
  %% @config Client rate=100/s
  %% @config CDC mode=cdc poll.interval.ms=100
`;
    const s = TestSim.of(text, { seed: 1 }).until('5s');
    const c = checkConsistency(s.w);
    expect(c.flows[0]).toMatchObject({ via: 'outbox', relay: 'CDC' });
    expect(c.flows[0]!.events).toBeGreaterThan(400);
    expect(c.lost.count + c.phantom.count + c.duplicate.count).toBe(0);
  });
});

describe('outbox relay duplicates (P3)', () => {
  it('P3: a polling relay that crashes after publishing and before marking publishes exactly that batch again', () => {
    const s = TestSim.of(outbox(), { seed: 1 }).until('3s').fault('crash-between-writes Relay').advance('10s');
    const [crash] = tracedKind(s, OT.crashBetweenWrites);
    expect(crash!.a).toBe(2);
    const batch = crash!.b;
    expect(batch).toBeGreaterThan(50); // 500 ms of rows at 200/s
    const c = checkConsistency(s.w);
    expect(c.duplicate.count).toBe(batch);
    expect(c.lost.count).toBe(0);
    expect(c.phantom.count).toBe(0);
    // Each duplicate names its row and both copies; both copies are on the topic, with different ids.
    for (const d of c.duplicate.examples) {
      expect(d.events).toHaveLength(2);
      for (const e of d.events) expect(causationOf(s.w.messages, e)).toBe(d.row);
    }
    expect(relayOf(s).stats.republished).toBe(batch);
    expect(eventLog(s.w, { kinds: ['relayPublish'], limit: 100_000 }).some((e) => /again as #\d+ \(2 times now\)/.test(e.text))).toBe(true);
  });

  it('P3: a CDC relay that crashes republishes every row read since its last stored position', () => {
    const s = TestSim.of(outbox('mode=cdc offset.flush.interval.ms=5000'), { seed: 1 }).until('7.2s');
    const r = relayOf(s);
    const sinceFlush = r.offset - r.committedOffset;
    expect(sinceFlush).toBeGreaterThan(0);
    s.crash('Relay').advance('1s').restart('Relay').advance('6s');
    const [rewind] = tracedKind(s, OT.relayRewind);
    const c = checkConsistency(s.w);
    expect(c.duplicate.count).toBe(rewind!.b);
    expect(rewind!.b).toBeGreaterThan(100);
    expect(c.lost.count).toBe(0);
  });

  it('P3: with no crash, neither relay publishes anything twice', () => {
    for (const mode of ['poll', 'cdc']) {
      const s = TestSim.of(outbox(`mode=${mode}`), { seed: 4 }).until('10s');
      const c = checkConsistency(s.w);
      expect(c.duplicate.count).toBe(0);
      expect(c.lost.count).toBe(0);
      expect(c.flows[0]!.events).toBeGreaterThan(1500);
    }
  });

  it('a CDC relay reads only flushed WAL: with synchronous_commit=off a commit waits for the WAL writer, and one a crash loses is never published', () => {
    const s = TestSim.of(outbox('mode=cdc poll.interval.ms=50', '%% @config DB synchronous_commit=off wal_writer_delay=400ms'), { seed: 1 }).until('2.95s');
    s.fault('crash DB').advance('1s').fault('restart DB').advance('4s');
    const c = checkConsistency(s.w);
    expect(s.w.parts.stores.databases[0]!.lost.length).toBeGreaterThan(0);
    expect(c.phantom.count).toBe(0);
  });

  it('a polling relay reads unflushed commits: when the database then loses them, their events are phantoms', () => {
    const s = TestSim.of(outbox('poll.interval.ms=50', '%% @config DB synchronous_commit=off wal_writer_delay=400ms'), { seed: 1 }).until('2.95s');
    s.fault('crash DB').advance('1s').fault('restart DB').advance('4s');
    const c = checkConsistency(s.w);
    expect(c.phantom.count).toBeGreaterThan(0);
    for (const p of c.phantom.examples) expect(s.w.parts.stores.databases[0]!.lost.map((x) => causationOf(s.w.messages, x.id))).toContain(p.correlation);
  });
});

describe('the outbox family', () => {
  it('reads crash-between-writes as a fault line and writes it back', () => {
    const f = parseFault('10s crash-between-writes OrderService');
    expect(f).toEqual({ at: 10_000_000, action: 'crash-between-writes', target: 'OrderService' });
    expect(formatFault(f as never)).toBe('10s crash-between-writes OrderService');
  });

  it('infers a Debezium or CDC node as an outbox relay', () => {
    const t = parseTopology('graph LR\n  DB[(Orders DB)] --> CDC[Debezium]\n  CDC --> K[Kafka]\n').topology;
    expect(t.nodes.find((n) => n.id === 'CDC')!.kind).toBe('outbox');
  });

  it('replays the same history for the same text, seed and faults', () => {
    const run = () => {
      const sim = createSimulation(parseTopology(outbox('mode=cdc offset.flush.interval.ms=2000')).topology, { seed: 9, faults: ['3s crash-between-writes Relay', '6s crash Relay', '7s restart Relay', '8s crash-between-writes Orders'] });
      sim.run(15_000_000);
      return [sim.hash(), JSON.stringify(checkConsistency(sim.world))];
    };
    expect(run()).toEqual(run());
  });
});

/**
 * The inbox (semantics.md P4): a consumer that records each event's id in an inbox table in the same transaction as
 * its effect applies every effect once across a relay's duplicates and its own crash; a dedupe set in memory forgets
 * across the crash; no dedupe applies every repeat. "Processed twice" and "effect applied twice" are told apart.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../check/checks.ts';
import { typeId, typeOf } from '../history/messages.ts';
import { eventLog } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { checkConsistency } from './consistency.ts';
import { checkEffects } from './inbox.ts';
import { indexOfRow, rowCommittedAt, rowIds } from '../stores/rows.ts';
import type { Database } from '../stores/part.ts';

const committedAt = (db: Database, row: number) => rowCommittedAt(db.rows, indexOfRow(db.rows, row));

const text = (inbox: string, extra = '') => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay --> Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  Billing -->|INSERT payment| BDB[(Billing DB)]
  %% @config Client rate=50/s
  %% @config Billing inbox=${inbox} auto.offset.reset=earliest session.timeout.ms=10000
  ${extra}
`;

/** A relay crash after publishing (its duplicates), then the consumer crashing after processing, before committing. */
const run = (inbox: string, extra = '') =>
  TestSim.of(text(inbox, extra), { seed: 1 }).until('5s').fault('crash-between-writes Relay').until('15s').fault('crash-after-processing Billing').until('60s');

const billing = (s: TestSim) => checkEffects(s.w).find((e) => e.service === 'Billing')!;

describe('the inbox (P4)', () => {
  it('P4: with an inbox table, every redelivery and every relay duplicate is processed again and skipped: no effect is applied twice', () => {
    const s = run('table');
    const e = billing(s);
    expect(checkConsistency(s.w).duplicate.count).toBeGreaterThan(0); // the relay did publish duplicates
    expect(e.processedTwice).toBeGreaterThan(20);
    expect(e.skipped).toBe(e.processedTwice);
    expect(e.appliedTwice).toBe(0);
    expect(e.applied).toBe(e.processed);
    // The inbox rows are beside the effects in the consumer's database, one per event.
    const db = s.w.parts.stores.databases.find((d) => d.node === 'BDB')!;
    const inbox = typeId(s.w.messages, 'inbox');
    const inboxRows = rowIds(db.rows).filter((id) => typeOf(s.w.messages, id) === inbox);
    expect(inboxRows.length).toBe(e.applied);
    expect(db.rows.count).toBe(2 * e.applied);
    expect(eventLog(s.w, { kinds: ['inboxSkip'], limit: 100_000 })[0]!.text).toMatch(/its inbox table has event #\d+ already/);
  });

  it('P4: a dedupe set in memory skips the relay duplicates but forgets across the consumer crash: effects applied twice', () => {
    const s = run('memory');
    const e = billing(s);
    expect(e.skipped).toBeGreaterThan(0);
    expect(e.appliedTwice).toBeGreaterThan(0);
    expect(e.appliedTwice + e.skipped).toBe(e.processedTwice);
    for (const x of e.examples) expect(x.rows).toHaveLength(2);
  });

  it('P4: with no dedupe, every event processed twice has its effect applied twice', () => {
    const s = run('none');
    const e = billing(s);
    expect(e.skipped).toBe(0);
    expect(e.processedTwice).toBeGreaterThan(20);
    expect(e.appliedTwice).toBe(e.processedTwice);
    expect(checkConsistency(s.w).effectsAppliedTwice).toBe(e.appliedTwice);
  });

  it('an outbox relay crash produces exactly the duplicates it should, and an inbox consumer applies each effect once', () => {
    const s = TestSim.of(text('table'), { seed: 2 }).until('4s').fault('crash-between-writes Relay').until('30s');
    const c = checkConsistency(s.w);
    const e = billing(s);
    expect(c.duplicate.count).toBe(s.w.parts.outbox.relays[0]!.stats.republished);
    expect(e.skipped).toBe(c.duplicate.count);
    expect(e.appliedTwice).toBe(0);
  });

  it('a consumer whose database is down fails its messages and retries them; every event gets its effect once', () => {
    const s = TestSim.of(text('table'), { seed: 1 }).until('8s');
    const before = s.w.metrics.processFailed;
    s.fault('crash BDB').advance('3s').fault('restart BDB').until('40s');
    const e = billing(s);
    expect(s.w.metrics.processFailed).toBeGreaterThan(before);
    expect(e.appliedTwice).toBe(0);
    // Every outbox row the relay published by 30 s has its effect in Billing's database, once.
    const applied = new Set(s.w.parts.outbox.inboxes.find((x) => x)!.effects.values());
    const published = [...s.w.parts.outbox.publishedRows.keys()].filter((row) => committedAt(s.w.parts.stores.databases[0]!, row) < 30_000_000);
    expect(published.length).toBeGreaterThan(1000);
    for (const row of published) expect(applied.has(row), `event #${row}`).toBe(true);
  });

  it("an inbox's skips are handled, not missed: the group's position passing a skipped duplicate is no consumer-side loss", () => {
    const s = TestSim.of(text('table'), { seed: 1 }).until('3s').fault('crash-between-writes Relay').until('16s');
    expect(billing(s).skipped).toBeGreaterThan(0);
    expect(checkHistory(s.w).missed.count).toBe(0);
    // Nor are they counted as processed twice.
    expect(checkHistory(s.w).duplicated.count).toBe(0);
  });

  it('inbox=off (the default) writes nothing while processing, as before', () => {
    const s = TestSim.of(text('off'), { seed: 1 }).until('10s');
    expect(s.w.parts.stores.databases.find((d) => d.node === 'BDB')!.rows.count).toBe(0);
    expect(checkEffects(s.w)).toEqual([]);
  });
});

/**
 * The command line's report tells database/stream consistency when a service writes its database and publishes:
 * lost, phantom and duplicate events with their ids, in text and in --json; a run without such a service reports
 * none of it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, parseTopology } from '../engine/index.ts';
import { describeReport, jsonReport } from './simReport.ts';

const run = (text: string, faults: string[]) => {
  const sim = createSimulation(parseTopology(text).topology, { seed: 1, faults });
  sim.run(12_000_000);
  return sim;
};

const DUAL = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  Orders -->|publish| Kafka[Kafka Broker: orders]
  %% @config Client rate=100/s
`;

const OUTBOX = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay --> Kafka[Kafka Broker: orders]
  %% @config Client rate=100/s
`;

describe('the report of database/stream consistency', () => {
  it('names the event a dual write lost, in text and in JSON', () => {
    const sim = run(DUAL, ['4s crash-between-writes Orders']);
    const j = jsonReport(sim, 0);
    expect(j.consistency?.lost.count).toBeGreaterThanOrEqual(1);
    expect(j.consistency?.flows[0]).toMatchObject({ service: 'Orders', database: 'DB', via: 'dual-write' });
    const text = describeReport(sim, { file: 'dual.mmd', seed: 1, duration: '12s', wallMs: 0 });
    expect(text).toMatch(/database\/stream: lost [1-9]\d*, phantom 0, duplicate 0/);
    expect(text).toContain(`lost event: row #${j.consistency!.lost.examples[0]!.row} of request #${j.consistency!.lost.examples[0]!.correlation} (Orders)`);
  });

  it("names the relay's duplicates, each with its copies", () => {
    const sim = run(OUTBOX, ['4s crash-between-writes Relay']);
    const j = jsonReport(sim, 0);
    expect(j.consistency?.duplicate.count).toBeGreaterThan(0);
    expect(j.consistency?.lost.count).toBe(0);
    const d = j.consistency!.duplicate.examples[0]!;
    const text = describeReport(sim, { file: 'outbox.mmd', seed: 1, duration: '12s', wallMs: 0 });
    expect(text).toContain(`duplicate event: row #${d.row} of request #${d.correlation} (Orders) was published 2 times: #${d.events[0]}, #${d.events[1]}`);
    expect(text).toMatch(/outbox relays: Relay \(poll, \d+ published, \d+ again, lag \d+ rows\)/);
  });

  it("tells a consumer's events processed twice from its effects applied twice", () => {
    const text = `${OUTBOX}  Kafka --> Billing[Billing Service]
  Billing -->|INSERT payment| BDB[(Billing DB)]
  %% @config Billing inbox=none auto.offset.reset=earliest
`;
    const sim = run(text, ['3s crash-between-writes Relay']);
    const j = jsonReport(sim, 0);
    const e = j.consistency!.effects[0]!;
    expect(e).toMatchObject({ service: 'Billing', database: 'BDB', inbox: 'none' });
    expect(e.appliedTwice).toBeGreaterThan(0);
    expect(j.consistency!.effectsAppliedTwice).toBe(e.appliedTwice);
    const text2 = describeReport(sim, { file: 'inbox.mmd', seed: 1, duration: '12s', wallMs: 0 });
    expect(text2).toContain(`Billing -> BDB (inbox none): ${e.processed.toLocaleString('en-US')} events processed, ${e.processedTwice} of them more than once, 0 repeats skipped`);
    expect(text2).toContain(`effect applied twice: event #${e.examples[0]!.event} has effect rows #${e.examples[0]!.rows[0]}, #${e.examples[0]!.rows[1]}`);
  });

  it('says nothing of it for a run where no service writes a database and publishes', () => {
    const sim = run('graph LR\n  Orders[Order Service] --> Kafka[Kafka Broker: orders]\n', []);
    expect('consistency' in jsonReport(sim, 0)).toBe(false);
    expect(describeReport(sim, { file: 'x', seed: 1, duration: '12s', wallMs: 0 })).not.toContain('database/stream');
  });
});

/**
 * The command line's report tells a RabbitMQ run in RabbitMQ's figures: deliveries, acks, requeues, dead letters and
 * expiries, per queue and in total.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, parseTopology } from '../engine/index.ts';
import { describeReport, jsonReport } from './simReport.ts';

const TEXT = `graph LR
  Orders[Order Service] -->|order.eu.created| Ex["Exchange: orders (topic)"]
  Ex -->|order.*.created| Billing[(Queue: billing)]
  Ex -->|order.#| Audit[(Queue: audit)]
  Billing --> BillingSvc[Billing Service]
  Audit --> AuditSvc[Audit Service]
  Audit -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  Parked --> Janitor[Janitor Service]
  %% @config Orders rate=20/s event=OrderCreated
  %% @config Audit x-message-ttl=300
  %% @config BillingSvc prefetch=5 processing=40ms
  %% @config AuditSvc prefetch=1 processing=80ms
`;

describe('the report of a RabbitMQ run', () => {
  const parsed = parseTopology(TEXT);
  const sim = createSimulation(parsed.topology, { seed: 1, faults: ['3s crash BillingSvc', '4s restart BillingSvc'] });
  sim.run(6_000_000);

  it('counts deliveries, acks, requeues, dead letters and expiries per queue', () => {
    const r = jsonReport(sim, 0).rabbitmq!;
    const q = (name: string) => r.queues.find((x) => x.queue === name)!;
    // The crash took deliveries BillingSvc held unacked back to billing; audit's slow consumer let messages expire
    // into the dead-letter exchange, which routed them to parked.
    expect(q('billing').requeued).toBeGreaterThan(0);
    expect(q('billing').delivered).toBe(q('billing').published + q('billing').requeued - q('billing').ready);
    expect(q('audit').expired).toBeGreaterThan(0);
    expect(q('audit').deadLettered).toBe(q('audit').expired);
    expect(q('parked').published).toBe(q('audit').deadLettered);
    expect(r.delivered).toBe(r.queues.reduce((n, x) => n + x.delivered, 0));
    expect(jsonReport(sim, 0).delivered).toBeGreaterThanOrEqual(r.delivered);
  });

  it('says them in words', () => {
    const text = describeReport(sim, { file: 'rabbit.mmd', seed: 1, duration: '6s', wallMs: 0 });
    expect(text).toMatch(/rabbitmq: published into queues \d+, delivered \d+, acked \d+, requeued [1-9]\d*, dead-lettered [1-9]\d*, expired [1-9]\d*/);
    expect(text).toMatch(/queue billing \(classic\): \d+ ready; published \d+, delivered/);
    expect(text).toContain('exchange orders (topic): publishes routed');
    expect(text).toMatch(/exchange dead \(fanout\): publishes routed 0, unroutable 0 \(0 returned\), dead letters in [1-9]/);
    expect(text).not.toMatch(/^\s*$/m);
  });
});

describe('the report of a design with no broker', () => {
  const text = `flowchart LR
  Client[Client App] -->|PlaceOrder| Cmd[Command Handler]
  Cmd -->|OrderPlaced| ES[(Event Store)]
  ES --> Proj[Projection Engine]
  Proj --> RM[Read Model: orders]
`;
  const sim = createSimulation(parseTopology(text).topology, { seed: 1 });
  sim.run(5_000_000);
  const words = describeReport(sim, { file: 'es.mmd', seed: 1, duration: '5s', wallMs: 0 });

  it('says no message went through a broker instead of a block of zeros', () => {
    expect(words).toContain('messages: none through a broker');
    expect(words).not.toMatch(/produced 0, acknowledged 0/);
    expect(words).not.toContain('end-to-end latency');
  });

  it('still gives the event store its own figures', () => {
    expect(words).toMatch(/event store ES: [1-9][\d,]* events/);
  });
});

describe('the report of a saga run', () => {
  it('gives each saga flow its outcomes in the JSON report, and names a saga left half done in the text', () => {
    const text = `graph TD
  Orch[Saga Orchestrator] --> PS[Payment Service]
  Orch --> IS[Inventory Service]
  %% @config Orch rate=100/s saga.state=memory
  %% @config PS latency=50ms
  %% @config IS latency=50ms reject=0.2
`;
    const sim = createSimulation(parseTopology(text).topology, { seed: 1, faults: ['2s crash Orch', '3s restart Orch'] });
    sim.run(5_000_000);
    const [flow] = jsonReport(sim, 0).sagas as { node: string; started: number; halfDone: number; compensated: number }[];
    expect(flow!.node).toBe('Orch');
    expect(flow!.halfDone).toBeGreaterThan(0);
    expect(flow!.compensated).toBeGreaterThan(0);
    const words = describeReport(sim, { file: 'saga.mmd', seed: 1, duration: '5s', wallMs: 0 });
    expect(words).toMatch(/saga #\d+ of Orch: PS done, IS not done: half done: no compensation will come/);
    // Nothing here sends a checkout request: the report says so instead of printing "ok 0, failed 0, latency p50 0 ms".
    expect(words).toContain('checkouts: none (nothing in this design sends requests)');
    expect(words).not.toMatch(/ok 0, failed 0/);
    expect(jsonReport(createSimulation(parseTopology(TEXT).topology, { seed: 1 }), 0).sagas).toBeUndefined();
  });
});

/**
 * "Find a failure" (issue 17): the search finds what a weak design loses, finds nothing in a sound one within its
 * budget, and shrinks each counterexample to a story of at most two faults. Budgets are small so these run in seconds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../topology/parse.ts';
import { faultVocabulary, randomSchedule, rng, runOnce, search, type Run } from './search.ts';
import { createSimulation } from '../simulation.ts';

const read = (name: string) => readFileSync(new URL(`../../docs/topologies/${name}`, import.meta.url), 'utf8');
const acks1 = read('orders-acks1.mmd');
const acksAll = read('orders-acksall.mmd');
/** At-least-once by auto-commit (the default), no inbox: a consumer or coordinator failure repeats side effects. */
const autoCommit = `graph LR
  OrderService[Order Service] -->|OrderPlacedEvent| Kafka[Kafka Broker: orders]
  Kafka -->|subscribe| BillingService[Billing Service]
  %% @config OrderService rate=100/s key=customerId
  %% @config BillingService processing=5ms max.poll.records=50 session.timeout.ms=10s heartbeat.interval.ms=3s
`;

const faultCount = (r: Run) => r.faults.filter((f) => !/\s(restart|heal)\b/.test(f)).length;

describe('find a failure', () => {
  it('acks=1 under splits and crashes: finds a loss of acknowledged messages on at least 9 of 10 search seeds, each shrunk to at most two faults', () => {
    let found = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const r = search(acks1, { property: 'no-loss', budget: 12, seed, kinds: ['broker', 'leader', 'split'], shrinkBudget: 80 });
      if (!r.shrunk) continue;
      found++;
      // At most two faults (a restart or heal that undoes one is part of its story, and at most one more line).
      expect(faultCount(r.shrunk.run), r.shrunk.run.faults.join('; ')).toBeLessThanOrEqual(2);
      expect(faultCount(r.shrunk.run)).toBeGreaterThanOrEqual(1);
      expect(r.shrunk.run.faults.length).toBeLessThanOrEqual(3);
      expect(r.shrunk.violation.count).toBeGreaterThan(0);
      expect(r.shrunk.violation.ids.length).toBeGreaterThan(0);
      // Reproducible from (text, seed, schedule).
      const again = runOnce(parseTopology(acks1).topology, r.shrunk.run, 'no-loss');
      expect(again).toEqual(r.shrunk.violation);
    }
    expect(found).toBeGreaterThanOrEqual(9);
  }, 180_000);

  it('acks=all, min.insync.replicas=2, three replicas, crashes only: finds no loss within its budget', () => {
    for (const seed of [1, 2]) {
      const r = search(acksAll, { property: 'no-loss', budget: 8, seed, kinds: ['broker', 'leader'] });
      expect(r.runs).toBe(8);
      expect(r.found, r.found?.run.faults.join('; ')).toBeUndefined();
    }
  }, 120_000);

  it('acks=all under controller and broker crashes: a controller failover loses no acknowledged message within the budget', () => {
    const r = search(acksAll, { property: 'no-loss', budget: 8, seed: 1, kinds: ['controller', 'broker'] });
    expect(r.runs).toBe(8);
    expect(r.found, r.found?.run.faults.join('; ')).toBeUndefined();
  }, 120_000);

  it('auto-commit without an inbox: finds duplicates, shrunk to at most two faults', () => {
    for (const seed of [1, 2, 3]) {
      const r = search(autoCommit, { property: 'no-duplicates', budget: 20, seed, shrinkBudget: 40 });
      expect(r.shrunk, `seed ${seed}`).toBeDefined();
      expect(faultCount(r.shrunk!.run), r.shrunk!.run.faults.join('; ')).toBeLessThanOrEqual(2);
      expect(r.shrunk!.run.faults.length).toBeLessThanOrEqual(3);
      expect(r.shrunk!.violation.summary).toMatch(/twice in BillingService/);
    }
  }, 120_000);

  it('no-missed: commit before processing skips messages under consumer crashes; commit after, from the earliest offset, skips none', () => {
    const before = search(autoCommit.replace('processing=5ms', 'commit=before processing=5ms'), { property: 'no-missed', budget: 20, seed: 1, kinds: ['consumer'], durationUs: 20e6, shrinkBudget: 40 });
    expect(before.shrunk).toBeDefined();
    expect(before.shrunk!.violation.summary).toMatch(/^leaves \d+ messages? never to be processed by BillingService/);
    expect(faultCount(before.shrunk!.run)).toBe(1);
    const after = search(autoCommit.replace('processing=5ms', 'commit=after auto.offset.reset=earliest processing=5ms'), { property: 'no-missed', budget: 20, seed: 1, kinds: ['consumer'], durationUs: 20e6 });
    expect(after.found).toBeUndefined();
    expect(after.runs).toBe(20);
  }, 120_000);

  it('the same search seed draws the same schedules; the vocabulary names each broker, leader, consumer and split', () => {
    const spec = createSimulation(parseTopology(acks1).topology, { traceCapacity: 16 }).spec;
    const vocab = faultVocabulary(spec);
    const lines = vocab.map((e) => e.fault);
    expect(lines).toContain('crash Kafka/2');
    expect(lines).toContain('crash leader:orders-topic/5');
    expect(lines).toContain('partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller');
    expect(lines).toContain('crash Inventory');
    // Controller voters only when asked for: a default vocabulary that grew would change every search's first find.
    expect(lines.some((l) => l.includes('controller-'))).toBe(false);
    const voters = faultVocabulary(spec, ['controller']);
    expect(voters.map((e) => `${e.fault} / ${e.recover}`)).toEqual([1, 2, 3].map((v) => `crash Kafka/controller-${v} / restart Kafka/controller-${v}`));
    const draw = (seed: number) => {
      const r = rng(seed);
      return Array.from({ length: 5 }, () => randomSchedule(r, vocab, 30_000_000, 3));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

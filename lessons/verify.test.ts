/**
 * `npm run lessons:verify`: every lesson proves itself, headless in Node. Its data is complete, its starter fails the
 * goals it is meant to fail (and only those, one at least judged on the run), its solution passes every goal, answers
 * that are right in the text only fail in the run, the reading leaves the edit to the learner, and its checks run fast
 * enough to follow the learner's typing. The time each lesson's checks take is printed; speed is asserted nowhere, since a
 * timed unit test flakes on a busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLesson, expandFaults, isStructural, loadSchemaSupport, parseFault, parseTopology, type LessonEvaluation } from '../engine/index.ts';
import template from '../engine/topology/fixtures/seeds/000-2.mmd?raw';
import { LESSONS, MODULE, MODULES, moduleOf, neighbours } from './index.ts';
import type { Lesson } from './types.ts';

/** The goals each starter fails, and so the reasons it exists: at least one of them is judged on the run. */
const STARTER_FAILS: Record<string, string[]> = {
  '01-decouple-the-checkout': ['publishes', 'no-sync-call', 'checkouts'],
  '02-a-log-not-a-queue': ['history', 'replay'],
  '03-partitions-and-keys': ['partitions', 'key', 'order'],
  '04-consumer-groups': ['keeps-up', 'after-crash'],
  '05-delivery-semantics': ['no-loss', 'survives-search'],
  '06-idempotent-consumer': ['no-double-charge'],
  '07-replication-and-acks': ['no-loss', 'survives-search'],
  '08-poison-messages': ['flowing', 'nothing-lost'],
  '09-a-queue-is-not-a-log': ['replay'],
  '10-routing-with-exchanges': ['billing', 'vat'],
  '11-work-queues-and-fair-dispatch': ['finish'],
  '12-dead-letters-and-ttl': ['none-lost', 'no-spinning'],
  '13-acknowledgements': ['charged'],
  '14-dual-write-and-the-outbox': ['no-lost-orders'],
  '15-the-relays-duplicate-and-the-inbox': ['charged-once'],
  '17-exactly-once-with-transactions': ['booked-once'],
  '19-retries-without-losing-order': ['billing-kept', 'notifications-kept'],
  '16-a-saga-that-undoes-itself': ['nothing-half-done', 'only-rejections-undo'],
  '20-state-from-events': ['every-order-accepted', 'short-loads'],
  '21-read-your-own-writes': ['sees-own-order'],
  '24-choreography-or-orchestration': ['nothing-half-done'],
  '22-an-event-that-evolves': ['orders-accepted', 'revenue-reads', 'currency'],
  '23-upgrade-in-a-safe-order': ['shipping-reads', 'inventory-reads'],
};

/**
 * Answers that look right in the text and are wrong in the run: each is the solution with one decision undone, and
 * the goals it must fail. They show that a goal judges what a setting does, not that it is written.
 */
const NEAR_MISSES: Record<string, { what: string; edits: [from: string, to: string][]; fails: string[] }[]> = {
  '01-decouple-the-checkout': [{ what: 'the event left unnamed', edits: [['-->|OrderCreatedEvent|', '-->|1. Async Publish|']], fails: ['publishes'] }],
  '02-a-log-not-a-queue': [
    { what: 'the fix kept in the old group, told to start at the earliest', edits: [['group.id=billing-fixed', 'group.id=Billing']], fails: ['replay'] },
    { what: 'the fix in a group of its own that starts at the end', edits: [['group.id=billing-fixed auto.offset.reset=earliest', 'group.id=billing-fixed']], fails: ['replay'] },
  ],
  '03-partitions-and-keys': [{ what: 'order kept by one consumer a group', edits: [['instances=3 group.id=inventory-sync', 'instances=1 group.id=inventory-sync']], fails: ['keeps-up'] }],
  '04-consumer-groups': [
    { what: 'three consumers: enough until one dies', edits: [['instances=4', 'instances=3']], fails: ['after-crash'] },
    { what: 'six consumers with the default session timeout', edits: [['instances=4 session.timeout.ms=10s heartbeat.interval.ms=3s', 'instances=6']], fails: ['after-crash'] },
    { what: 'a standby beyond the partition count', edits: [['instances=4', 'instances=7']], fails: ['no-idle'] },
  ],
  '05-delivery-semantics': [
    { what: 'commits before processing', edits: [['commit=after', 'commit=before']], fails: ['no-loss', 'survives-search'] },
    { what: 'commits after processing, and a consumer with no committed offset starts at the end', edits: [[' auto.offset.reset=earliest', '']], fails: ['survives-search'] },
  ],
  '06-idempotent-consumer': [{ what: 'no repeats by committing first', edits: [['commit=after processing=5ms max.poll.records=50', 'commit=before processing=5ms max.poll.records=50']], fails: ['no-loss'] }],
  '07-replication-and-acks': [
    { what: 'acks=all without a floor under the ISR', edits: [['min.insync.replicas=2', '']], fails: ['no-loss'] },
    { what: 'a floor that acks=1 ignores', edits: [['acks=all', 'acks=1']], fails: ['no-loss', 'survives-search'] },
    {
      what: 'acks=all with unclean election turned off instead',
      edits: [['min.insync.replicas=2', ''], ['unclean.leader.election.enable=true', 'unclean.leader.election.enable=false']],
      fails: ['available'],
    },
  ],
  '08-poison-messages': [{ what: 'giving up without a dead-letter topic', edits: [['retry=3 dlq=orders-dlq', 'retry=3']], fails: ['nothing-lost'] }],
  '09-a-queue-is-not-a-log': [
    { what: 'the log, with the fix starting at its end', edits: [['BillingFixed start=60s auto.offset.reset=earliest', 'BillingFixed start=60s']], fails: ['replay'] },
    { what: "the fix joining the old build's group on the log", edits: [['BillingFixed start=60s auto.offset.reset=earliest', 'BillingFixed start=60s group.id=Billing auto.offset.reset=earliest']], fails: ['replay'] },
  ],
  '10-routing-with-exchanges': [
    { what: 'the right keys on a direct exchange, which compares them word for word', edits: [['(topic)', '(direct)']], fails: ['billing', 'vat', 'audit', 'nothing-astray'] },
    { what: 'EU VAT bound to EU orders only', edits: [['|*.eu.*|', '|order.eu.*|']], fails: ['vat'] },
    { what: 'audit bound to orders only', edits: [['|#|', '|order.#|']], fails: ['audit'] },
  ],
  '11-work-queues-and-fair-dispatch': [
    { what: 'a fourth worker instead of a limit', edits: [['instances=3 processing=lognormal(50ms,1.2) prefetch=1', 'instances=4 processing=lognormal(50ms,1.2)']], fails: ['finish'] },
    { what: 'a limit too high to see the load', edits: [['prefetch=1', 'prefetch=10']], fails: ['finish'] },
  ],
  '12-dead-letters-and-ttl': [
    { what: 'a dead-letter exchange without a delivery limit', edits: [['x-queue-type=quorum x-delivery-limit=3', '']], fails: ['no-spinning'] },
    {
      what: "the service's own retries and dead-letter queue, which expired offers never reach",
      edits: [['  Offers -->|dead| DeadEx["Exchange: dead-offers (fanout)"]\n  DeadEx --> DeadOffers[(Queue: dead-offers)]\n', ''], ['x-queue-type=quorum x-delivery-limit=3', ''], ['processing=10ms', 'processing=10ms retry=3 dlq=dead-offers']],
      fails: ['none-lost'],
    },
  ],
  '13-acknowledgements': [{ what: 'auto-ack with a prefetch limit, which auto-ack ignores', edits: [['ack=manual', 'ack=auto prefetch=1']], fails: ['charged'] }],
  '14-dual-write-and-the-outbox': [
    {
      what: 'the dual write kept, publishing before saving',
      edits: [['  OrdersDB -->|outbox| Relay[Outbox Relay]\n  Relay -->|OrderCreatedEvent| Kafka', '  Orders -->|OrderCreatedEvent| Kafka'], ['transaction=40ms', 'transaction=40ms\n  %% @config Orders write.order=publish-first']],
      fails: ['no-lost-orders'],
    },
  ],
  '15-the-relays-duplicate-and-the-inbox': [{ what: 'a dedupe set kept in memory, which the crash empties', edits: [['inbox=table', 'inbox=memory']], fails: ['charged-once'] }],
  '17-exactly-once-with-transactions': [
    { what: 'transactions, read uncommitted', edits: [[' isolation.level=read_committed', '']], fails: ['booked-once'] },
    { what: 'read committed, no transactions', edits: [[' transactional.id=invoicing-tx', '']], fails: ['booked-once'] },
  ],
  '19-retries-without-losing-order': [
    { what: 'blocking retry for both, as lesson 8 did it', edits: [['processing=2ms retry.topics=notify-retry-1:1s,notify-retry-2:5s dlq=notify-dlq', 'processing=2ms retry=3 dlq=notify-dlq']], fails: ['notified-quickly'] },
    { what: 'retry topics for both', edits: [['failure=0.02 retry=3 dlq=billing-dlq', 'failure=0.02 retry.topics=billing-retry-1:1s,billing-retry-2:5s dlq=billing-dlq']], fails: ['charges-in-order'] },
    { what: 'Billing giving up without a dead-letter topic', edits: [['failure=0.02 retry=3 dlq=billing-dlq', 'failure=0.02 retry=3']], fails: ['billing-kept'] },
  ],
  '16-a-saga-that-undoes-itself': [
    { what: 'durable state, still giving up on shipping', edits: [[' pivot=Pay', '']], fails: ['only-rejections-undo'] },
    { what: 'the pivot, with sagas kept in memory', edits: [['saga.state=durable', 'saga.state=memory']], fails: ['nothing-half-done'] },
  ],
  '20-state-from-events': [
    { what: 'snapshots too far apart to keep loads short', edits: [['snapshot.every=50', 'snapshot.every=200']], fails: ['short-loads'] },
    { what: 'snapshots, and a release that still cannot read version 1', edits: [['upcast=true', 'upcast=false']], fails: ['every-order-accepted'] },
  ],
  '21-read-your-own-writes': [
    { what: 'every read model inline', edits: [['Search handle.ms=6', 'Search handle.ms=6 mode=inline'], ['Metrics handle.ms=4', 'Metrics handle.ms=4 mode=inline']], fails: ['fast-answers'] },
    { what: 'the search index inline instead of the order status', edits: [['Status handle.ms=2 mode=inline', 'Status handle.ms=2'], ['Search handle.ms=6', 'Search handle.ms=6 mode=inline']], fails: ['sees-own-order'] },
  ],
  '24-choreography-or-orchestration': [
    { what: 'an orchestrator that gives up on a silent step after two retries', edits: [['saga.state=durable', 'saga.state=durable step.retries=2']], fails: ['only-rejections-undo'] },
    { what: "lesson 16's pivot at the payment, where the stock can still run out after it", edits: [['saga.state=durable', 'saga.state=durable pivot=Pay']], fails: ['nothing-half-done'] },
  ],
  '22-an-event-that-evolves': [
    {
      what: 'no default, and the registry told not to check',
      edits: [['"type": "string", "default": "EUR"', '"type": "string"'], ['compatibility=BACKWARD', 'compatibility=NONE']],
      fails: ['revenue-reads'],
    },
    { what: 'v2 without the new field', edits: [['  %%     { "name": "currency", "type": "string", "default": "EUR" },\n', '']], fails: ['currency'] },
  ],
  '23-upgrade-in-a-safe-order': [
    { what: 'readers first, one of them forgotten', edits: [['upgrade.to=OrderPlacedEvent:v2 upgrade.at=20s processing=2ms', 'processing=2ms']], fails: ['inventory-reads'] },
    { what: 'every service upgraded, the producer first', edits: [['upgrade.at=35s', 'upgrade.at=10s']], fails: ['shipping-reads', 'inventory-reads'] },
    { what: 'the plan right, the registry on FORWARD', edits: [['compatibility=BACKWARD', 'compatibility=FORWARD']], fails: ['orders-accepted', 'released'] },
  ],
};

/**
 * Words a reading needs to explain its concept although the solution writes them too: lesson 7 is about what
 * acks=all promises.
 */
const VOCABULARY: Record<string, string[]> = { '07-replication-and-acks': ['acks=all'] };

/**
 * Settings (`key=value`), arrow labels (`-->|x|`) and the fields of `@schema` directives (`{ "name": "currency", ... }`)
 * the solution writes that the starter does not.
 */
function newTokens(lesson: Lesson): string[] {
  const tokens = (text: string) =>
    text.split(/\r?\n/).flatMap((l) => {
      if (/^\s*%%(?!\s*@config)/.test(l)) return l.match(/\{\s*"name"[^{}]*\}/g) ?? [];
      return l.trim().split(/\s+/).filter((t) => /[=|]/.test(t));
    });
  const before = new Set(tokens(lesson.starter));
  return [...new Set(tokens(lesson.solution))].filter((t) => !before.has(t) && !(VOCABULARY[lesson.id] ?? []).includes(t));
}

const timings: string[] = [];

beforeAll(async () => {
  // Lessons that declare schemas need the Avro library, which the app's worker loads for such a text.
  await loadSchemaSupport();
  // The first run compiles the engine; time it apart so each lesson's figure is its own.
  const t0 = performance.now();
  evaluateLesson(LESSONS[0]!.solution, LESSONS[0]!);
  timings.push(`${'(first run, engine cold)'.padEnd(28)} ${(performance.now() - t0).toFixed(0).padStart(13)} ms`);
});

function timed(text: string, lesson: Lesson): { evaluation: LessonEvaluation; ms: number } {
  const t0 = performance.now();
  const evaluation = evaluateLesson(text, lesson);
  return { evaluation, ms: performance.now() - t0 };
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\r?\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the modules', () => {
  it('list their lessons in order, each once, numbered within their module', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(Object.keys(STARTER_FAILS));
    expect(MODULES.map((m) => [m.id, m.lessons.map((l) => l.number)])).toEqual([
      ['foundations', [1, 2, 3, 4, 5, 6, 7, 8]],
      ['queues', [1, 2, 3, 4, 5]],
      ['reliable', [1, 2, 3, 4]],
      ['patterns', [1, 2, 3, 4]],
      ['contracts', [1, 2]],
    ]);
    expect(MODULES.flatMap((m) => m.lessons)).toEqual(LESSONS);
    for (const m of MODULES) expect(m.lessons.every((l) => l.module === m.id && moduleOf(l) === m)).toBe(true);
    expect(MODULE).toBe(MODULES[0]);
  });

  it('step from lesson to lesson across modules', () => {
    const at = (id: string) => LESSONS.find((l) => l.id === id)!;
    expect(neighbours(at('08-poison-messages')).next?.id).toBe('09-a-queue-is-not-a-log');
    expect(neighbours(at('09-a-queue-is-not-a-log')).prev?.id).toBe('08-poison-messages');
    expect(neighbours(LESSONS[0]!).prev).toBeUndefined();
    expect(neighbours(LESSONS.at(-1)!).next).toBeUndefined();
  });

  it("lesson 1's starter is the seed's practice template, exactly", () => {
    expect(LESSONS[0]!.starter).toBe(template);
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
  it('has a title, objectives, a reading with diagrams that parse, ordered hints and goals with unique ids', () => {
    expect(lesson.title.length).toBeGreaterThan(3);
    expect(lesson.objectives.length).toBeGreaterThanOrEqual(2);
    expect(lesson.hints.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lesson.goals.map((g) => g.id)).size).toBe(lesson.goals.length);
    for (const g of lesson.goals) expect(g.text).toMatch(/^\S.{10,}\.$/);
    const diagrams = mermaidBlocks(lesson.reading);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const d of diagrams) expect(parseTopology(d).ok, d).toBe(true);
  });

  it('fills every placeholder of its reading from the learner topology', () => {
    const names = [...lesson.reading.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]!);
    const values = lesson.figures?.(parseTopology(lesson.starter).topology) ?? {};
    for (const name of names) expect(values[name], name).toBeTruthy();
  });

  it('writes fault schedules the engine reads, naming nodes of the solution', () => {
    const { lines, unmatched } = expandFaults(lesson.run.faults, parseTopology(lesson.solution).topology);
    expect(unmatched).toEqual([]);
    for (const line of lines) expect(parseFault(line), line).not.toBeTypeOf('string');
  });

  it('starter fails the goals it exists for, each explained, one of them in the run; solution passes every goal', () => {
    const starter = timed(lesson.starter, lesson);
    const solution = timed(lesson.solution, lesson);
    timings.push(`${lesson.id.padEnd(28)} starter ${starter.ms.toFixed(0).padStart(5)} ms   solution ${solution.ms.toFixed(0).padStart(5)} ms`);

    const failed = starter.evaluation.results.filter((r) => !r.pass);
    expect(failed.map((r) => r.id)).toEqual(STARTER_FAILS[lesson.id]);
    for (const r of failed) {
      expect(r.ran, r.explanation).toBe(true);
      expect(r.explanation.length).toBeGreaterThan(20);
    }
    const behavioural = lesson.goals.filter((g) => !isStructural(g.check)).map((g) => g.id);
    expect(failed.some((r) => behavioural.includes(r.id)), 'the starter fails no goal judged on the run').toBe(true);
    for (const r of solution.evaluation.results) expect({ id: r.id, pass: r.pass, ran: r.ran }, r.explanation).toEqual({ id: r.id, pass: true, ran: true });
    expect(solution.evaluation.faults.every((f) => f.ok)).toBe(true);
  });

  it.each(NEAR_MISSES[lesson.id] ?? [])('fails an answer that is right in the text only: $what', ({ edits, fails }) => {
    let text = lesson.solution;
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    const failed = evaluateLesson(text, lesson).results.filter((r) => !r.pass);
    expect(failed.map((r) => r.id)).toEqual(fails);
    for (const r of failed) expect(r.ran, r.explanation).toBe(true);
  });

  it('asks for a decision: the reading and every hint but the last leave the exact edit out; the last hint gives it', () => {
    const tokens = newTokens(lesson);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(lesson.reading, t).not.toContain(t);
      for (const h of lesson.hints.slice(0, -1)) expect(h, t).not.toContain(t);
      expect(lesson.hints.at(-1), t).toContain(t);
    }
  });
});

afterAll(() => {
  // Wall-clock time of structural checks plus the behavioural run, per topology (the first includes JIT warm-up).
  console.log(`lesson checks, wall time:\n  ${timings.join('\n  ')}`);
});

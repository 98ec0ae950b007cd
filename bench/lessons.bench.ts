/**
 * How long checking a lesson takes: `npm run bench:lessons`.
 *
 * For each lesson, evaluates the starter and the solution (structural goals plus the behavioural run) several times in
 * one process and prints the first time (the engine still cold for that lesson's code paths) and the fastest, which
 * is what a learner waits for once the worker is warm. The target is one second a lesson.
 */
import { readFileSync } from 'node:fs';
import { evaluateLesson, type LessonGoals } from '../engine/index.ts';
import * as decouple from '../lessons/01-decouple-the-checkout/goals.ts';
import * as log from '../lessons/02-a-log-not-a-queue/goals.ts';
import * as keys from '../lessons/03-partitions-and-keys/goals.ts';
import * as groups from '../lessons/04-consumer-groups/goals.ts';
import * as semantics from '../lessons/05-delivery-semantics/goals.ts';
import * as idempotent from '../lessons/06-idempotent-consumer/goals.ts';
import * as replication from '../lessons/07-replication-and-acks/goals.ts';
import * as poison from '../lessons/08-poison-messages/goals.ts';
import * as queueNotLog from '../lessons/09-a-queue-is-not-a-log/goals.ts';
import * as routing from '../lessons/10-routing-with-exchanges/goals.ts';
import * as fairDispatch from '../lessons/11-work-queues-and-fair-dispatch/goals.ts';
import * as deadLetters from '../lessons/12-dead-letters-and-ttl/goals.ts';
import * as acks from '../lessons/13-acknowledgements/goals.ts';
import * as outbox from '../lessons/14-dual-write-and-the-outbox/goals.ts';
import * as inbox from '../lessons/15-the-relays-duplicate-and-the-inbox/goals.ts';

const LESSONS: [string, LessonGoals][] = [
  ['01-decouple-the-checkout', decouple],
  ['02-a-log-not-a-queue', log],
  ['03-partitions-and-keys', keys],
  ['04-consumer-groups', groups],
  ['05-delivery-semantics', semantics],
  ['06-idempotent-consumer', idempotent],
  ['07-replication-and-acks', replication],
  ['08-poison-messages', poison],
  ['09-a-queue-is-not-a-log', queueNotLog],
  ['10-routing-with-exchanges', routing],
  ['11-work-queues-and-fair-dispatch', fairDispatch],
  ['12-dead-letters-and-ttl', deadLetters],
  ['13-acknowledgements', acks],
  ['14-dual-write-and-the-outbox', outbox],
  ['15-the-relays-duplicate-and-the-inbox', inbox],
];
const RUNS = 5;

console.log(`${'lesson'.padEnd(38)} ${'topology'.padEnd(9)} ${'first'.padStart(8)} ${'fastest'.padStart(8)}`);
for (const [id, lesson] of LESSONS) {
  for (const which of ['starter', 'solution']) {
    const text = readFileSync(`lessons/${id}/${which}.mmd`, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      evaluateLesson(text, lesson);
      times.push(performance.now() - t0);
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
    console.log(`${id.padEnd(38)} ${which.padEnd(9)} ${ms(times[0]!)} ${ms(Math.min(...times))}`);
  }
}

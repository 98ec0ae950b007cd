/**
 * `npm run lessons:verify`: every lesson proves itself, headless in Node. Its data is complete, its starter fails the
 * goals it is meant to fail (and only those), its solution passes every goal, and its checks run fast enough to
 * follow the learner's typing. The time each lesson's checks take is printed; speed is asserted nowhere, since a
 * timed unit test flakes on a busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLesson, expandFaults, parseFault, parseTopology, type LessonEvaluation } from '../engine/index.ts';
import template from '../engine/topology/fixtures/seeds/000-2.mmd?raw';
import { LESSONS, MODULE } from './index.ts';
import type { Lesson } from './types.ts';

/** The goals each starter fails, and so the reasons it exists. */
const STARTER_FAILS: Record<string, string[]> = {
  '01-decouple-the-checkout': ['publishes', 'no-sync-call', 'checkouts'],
  '02-a-log-not-a-queue': ['history'],
  '03-partitions-and-keys': ['partitions', 'key', 'order'],
  '04-consumer-groups': ['keeps-up', 'recovers'],
  '05-delivery-semantics': ['no-loss'],
  '06-idempotent-consumer': ['no-double-charge'],
  '07-replication-and-acks': ['min-isr', 'acks', 'no-loss'],
  '08-poison-messages': ['flowing', 'dlq', 'nothing-lost'],
};

const timings: string[] = [];

beforeAll(() => {
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

describe('the first module', () => {
  it('lists its lessons in order, each once, under the module', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(Object.keys(STARTER_FAILS));
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(MODULE.lessons).toBe(LESSONS);
    expect(LESSONS.every((l) => l.module === MODULE.id)).toBe(true);
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

  it('starter fails the goals it exists for, each explained; solution passes every goal', () => {
    const starter = timed(lesson.starter, lesson);
    const solution = timed(lesson.solution, lesson);
    timings.push(`${lesson.id.padEnd(28)} starter ${starter.ms.toFixed(0).padStart(5)} ms   solution ${solution.ms.toFixed(0).padStart(5)} ms`);

    const failed = starter.evaluation.results.filter((r) => !r.pass);
    expect(failed.map((r) => r.id)).toEqual(STARTER_FAILS[lesson.id]);
    for (const r of failed) {
      expect(r.ran, r.explanation).toBe(true);
      expect(r.explanation.length).toBeGreaterThan(20);
    }
    for (const r of solution.evaluation.results) expect({ id: r.id, pass: r.pass, ran: r.ran }, r.explanation).toEqual({ id: r.id, pass: true, ran: true });
    expect(solution.evaluation.faults.every((f) => f.ok)).toBe(true);
  });
});

afterAll(() => {
  // Wall-clock time of structural checks plus the behavioural run, per topology (the first includes JIT warm-up).
  console.log(`lesson checks, wall time:\n  ${timings.join('\n  ')}`);
});

/**
 * The "survives the search" goal: deterministic verdicts from a run budget and a seed, a shrunk story when it fails,
 * and a place among the lesson's goals that only the evaluator's run option switches on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../topology/parse.ts';
import { evaluateLesson } from './evaluate.ts';
import { runSearchGoal, survivesSearch } from './survives.ts';
import { isSearch, isStructural, type LessonGoals, type SearchCheck } from './types.ts';

const read = (name: string) => readFileSync(new URL(`../../docs/topologies/${name}`, import.meta.url), 'utf8');
const acks1 = read('orders-acks1.mmd');
const acksAll = read('orders-acksall.mmd');
const check: SearchCheck = { kind: 'survives-search', property: 'no-loss', runs: 8, seed: 3, durationS: 10, faults: ['broker', 'leader', 'split'] };

describe('survives-search goal', () => {
  it('fails an acks=1 design with the shrunk schedule in words, the lost ids and the line that replays it', () => {
    const v = survivesSearch(check, parseTopology(acks1).topology);
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Schedule \d+ of 8 broke it\. Made as small as the search could: /);
    expect(v.explanation).toContain('crash leader:orders-topic/5 at 0.9 s, then restart Kafka at 5.0 s (a 6.0 s run, seed 879774) loses 1 acknowledged event: #394.');
    expect(v.explanation).toMatch(/`npm run sim -- <file> --seed \d+ --duration \d+s --fault '[^']+'/);
  });

  it('passes an acks=all, min.insync.replicas=2 design, saying how many schedules it survived and of what', () => {
    const v = survivesSearch(check, parseTopology(acksAll).topology);
    expect(v.explanation).toBe('Your design survived 8 fault schedules (brokers crashed, partition leaders crashed and brokers cut off from the rest, seed 3), 10 s each, with no acknowledged event lost.');
    expect(v.pass).toBe(true);
  });

  it('gives the same verdict for the same seed, and spends no more runs than its budget', () => {
    const t = parseTopology(acks1).topology;
    expect(survivesSearch(check, t)).toEqual(survivesSearch(check, t));
    const r = runSearchGoal({ ...check, seed: 5 }, t);
    expect(r.runs).toBeLessThanOrEqual(8);
    const sound = runSearchGoal(check, parseTopology(acksAll).topology);
    expect(sound.runs).toBe(8);
    expect(sound.found).toBeUndefined();
  });

  it('fails, rather than passing vacuously, a design with nothing for the search to break', () => {
    const producerOnly = 'graph LR\n  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders-topic]\n';
    const v = survivesSearch({ ...check, faults: ['consumer'] }, parseTopology(producerOnly).topology);
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/found nothing to break/);
  });

  it('is neither structural nor part of the lesson run, and waits for a run like other behavioural goals', () => {
    expect(isSearch(check)).toBe(true);
    expect(isStructural(check)).toBe(false);
    const lesson: LessonGoals = { run: { seed: 1, durationS: 10, faults: [] }, goals: [{ id: 'search', text: 'Survives the search.', check }, { id: 'loss', text: 'No loss.', check: { kind: 'no-loss' } }] };
    const waiting = evaluateLesson(acks1, lesson, { behavioural: false });
    expect(waiting.results.map((r) => [r.id, r.ran])).toEqual([['search', false], ['loss', false]]);
    // Without faults the lesson's own run loses nothing; the search goal finds what the script does not.
    const ran = evaluateLesson(acks1, lesson);
    expect(ran.results.map((r) => [r.id, r.pass, r.ran])).toEqual([['search', false, true], ['loss', true, true]]);
  });
});

import { describe, expect, it } from 'vitest';
import { cancelledLine, effectOf, moment, progressFraction, progressLine, seconds, splitLine, storyOf, survivedLine } from './words.ts';

const v = (summary: string) => ({ property: 'no-loss' as const, count: 3, ids: [12, 40, 41], summary });
const progress = { phase: 'searching' as const, tried: 37, explored: 12, vocabulary: 16, shrinkRuns: 0, elapsedMs: 7400, leftMs: 32_600, workers: 3 };

describe('find a failure in words', () => {
  it('tells the story of a counterexample as the issue writes it: a restart of the node just crashed is "restart it"', () => {
    const run = { seed: 1, durationUs: 30_000_000, faults: ['12400ms crash Kafka/2', '19s restart Kafka/2'] };
    expect(storyOf(run, v('loses 3 acknowledged messages (ids 12, 40, 41)'))).toBe('crash Kafka/2 at 12.4 s and restart it at 19 s loses 3 acknowledged messages');
    const split = { seed: 1, durationUs: 10_000_000, faults: ['100ms partition Kafka/3 | Kafka/1,Kafka/2', '5s heal'] };
    expect(storyOf(split, v('loses 9 acknowledged messages (ids 1)'))).toBe('partition Kafka/3 | Kafka/1,Kafka/2 at 0.1 s and heal the split at 5 s loses 9 acknowledged messages');
    const three = { seed: 1, durationUs: 30_000_000, faults: ['1s crash leader:orders/0', '2s crash Billing', '9s restart Kafka'] };
    expect(storyOf(three, v('processes 2 messages twice in Billing (ids 4, 5)'))).toBe('crash leader:orders/0 at 1 s, crash Billing at 2 s and restart Kafka at 9 s processes 2 messages twice in Billing');
    const slow = { seed: 1, durationUs: 10_000_000, faults: ['100ms slow Orders 500ms', '4s slow Orders 0ms'] };
    expect(storyOf(slow, v('answers 9 checkouts later than 300 ms (#4 in 512 ms at 0.7 s)'))).toBe('slow Orders 500ms at 0.1 s and end the slowdown of Orders at 4 s answers 9 checkouts later than 300 ms (#4 in 512 ms at 0.7 s)');
  });

  it('reads the times the search writes, and leaves the ids to the links', () => {
    expect(splitLine('12500ms crash Kafka/2')).toEqual({ atMs: 12_500, what: 'crash Kafka/2' });
    expect(splitLine('3s heal')).toEqual({ atMs: 3000, what: 'heal' });
    expect(effectOf(v('loses 1 acknowledged message (id 7)'))).toBe('loses 1 acknowledged message');
    expect(seconds(100)).toBe('0.1 s');
    expect(seconds(41_230)).toBe('41 s');
    expect(seconds(125_000)).toBe('2 min 5 s');
    expect(moment(12_400)).toBe('12.4 s');
    expect(moment(19_000)).toBe('19 s');
  });

  it('shows progress against the budget: runs, faults explored, time left (estimated for a budget in runs)', () => {
    expect(progressLine(progress, { runs: 200 })).toBe('37 of 200 runs · 12 of 16 faults explored · about 33 s left · 3 workers');
    expect(progressLine(progress, { ms: 40_000 })).toBe('37 runs · 12 of 16 faults explored · 33 s left · 3 workers');
    expect(progressLine({ ...progress, phase: 'shrinking', shrinkRuns: 1 }, { runs: 200 })).toBe('Found one: shrinking it to its smallest story (1 run so far)');
    // The moments the checkers saw (an ISR shrank, a rebalance began...), and how many a fault hit (engine/search/guided.ts).
    expect(progressLine({ ...progress, moments: 9, covered: 5 }, { runs: 200 })).toBe('37 of 200 runs · 12 of 16 faults explored · 5 of 9 moments covered · about 33 s left · 3 workers');
    expect(progressFraction(progress, { runs: 200 })).toBeCloseTo(0.185);
    expect(progressFraction(progress, { ms: 10_000 })).toBeCloseTo(0.74);
  });

  it('says the design survived, or that it offers nothing to break', () => {
    expect(survivedLine({ kind: 'survived', runs: 200, wallMs: 41_200, vocabulary: 9, workers: 1 })).toBe('Your design survived 200 schedules in 41 s');
    expect(survivedLine({ kind: 'survived', runs: 0, wallMs: 3, vocabulary: 0, workers: 1 })).toMatch(/offers none of the faults/);
    expect(cancelledLine({ kind: 'cancelled', tried: 1, wallMs: 4_200 })).toBe('Cancelled after 1 run (4.2 s): nothing broke so far.');
    expect(cancelledLine({ kind: 'cancelled', tried: 1200, wallMs: 61_000 })).toBe('Cancelled after 1,200 runs (61 s): nothing broke so far.');
  });
});

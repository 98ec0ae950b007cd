import { describe, expect, it } from 'vitest';
import { stepHeadline } from './stepNote.ts';

const report = (events: string[]) => ({ atUs: 3_005_000, events, entries: [], more: 0 });

describe('stepHeadline', () => {
  it('names the event a step ran, or the last of several, with the moment it stopped at', () => {
    expect(stepHeadline(report(['records processed']))).toBe('Stepped one event to 3.005s: records processed.');
    expect(stepHeadline(report(['heartbeat', 'fetch', 'records delivered']))).toBe('Stepped 3 events to 3.005s, the last one records delivered.');
    expect(stepHeadline(report([]))).toBe('Nothing left to run at 3.005s: no event is due.');
  });
});

import { describe, expect, it } from 'vitest';
import { assignPartitions, partitionForKey, topicMatches } from '../index.ts';

// DESIGN.md names these three in the engine's public API; code outside engine/ relies on the names and shapes.
describe('engine public API: partitioning, assignment, routing', () => {
  it('exposes partitionForKey', () => {
    expect(partitionForKey('foobar', 12)).toBe(6);
  });

  it('exposes assignPartitions with every member in the result', () => {
    const members = [
      { memberId: 'a', topics: ['orders'] },
      { memberId: 'b', topics: ['orders'] },
      { memberId: 'c', topics: ['orders'] },
    ];
    expect(assignPartitions('range', members, { orders: 2 })).toEqual({ a: ['orders-0'], b: ['orders-1'], c: [] });
  });

  it('exposes topicMatches', () => {
    expect(topicMatches('audit.events.#', 'audit.events')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { addedPartitions, assignmentMatchesSubscription, needsFollowUpRebalance, revokedPartitions } from './cooperative.ts';

describe('cooperative protocol helpers', () => {
  it('lists what a member revokes and what it starts on', () => {
    expect(revokedPartitions(['orders-0', 'orders-1', 'orders-2'], ['orders-2', 'orders-3'])).toEqual(['orders-0', 'orders-1']);
    expect(addedPartitions(['orders-0', 'orders-1', 'orders-2'], ['orders-2', 'orders-3'])).toEqual(['orders-3']);
    expect(revokedPartitions([], ['orders-0'])).toEqual([]);
  });

  it('asks for a follow-up rebalance only when someone loses a partition', () => {
    const members = [
      { memberId: 'a', topics: ['orders'], ownedPartitions: ['orders-0', 'orders-1'] },
      { memberId: 'b', topics: ['orders'] },
    ];
    expect(needsFollowUpRebalance(members, { a: ['orders-0', 'orders-1'], b: ['orders-2'] })).toBe(false);
    expect(needsFollowUpRebalance(members, { a: ['orders-0'], b: [] })).toBe(true);
    expect(needsFollowUpRebalance(members, { b: [] })).toBe(true);
  });

  it('checks an assignment against the subscription, as the consumer does before taking it', () => {
    expect(assignmentMatchesSubscription(['orders'], ['orders-0', 'orders-11'])).toBe(true);
    expect(assignmentMatchesSubscription(['orders'], ['orders-0', 'payments-1'])).toBe(false);
    expect(assignmentMatchesSubscription([], [])).toBe(true);
  });
});

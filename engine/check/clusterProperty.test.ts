/**
 * The wider property (engine/testing/clusterProperty.ts): random clusters of 3-5 brokers, replication factor 3-5,
 * min ISR 2-3, bounded producer retries and leader rebalancing on a short interval, under random crash and restart
 * schedules. Seeds 1-250 here, 251-500 in clusterProperty2.test.ts (two files run side by side); `npm run soak`
 * runs 10,000.
 */
import { describe, expect, it } from 'vitest';
import { clusterFindings } from '../testing/clusterProperty.ts';

describe('acks=all under random broker crashes and restarts, on random clusters', () => {
  it('seeds 1-250: no acknowledged write lost, invariants hold after every event, every group drains once the faults heal', () => {
    const { findings, checks } = clusterFindings(1, 251);
    expect(findings).toEqual([]);
    expect(checks).toBeGreaterThan(250 * 30_000);
  }, 600_000);
});

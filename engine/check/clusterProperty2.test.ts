/** The second half of the cluster property seeds (see clusterProperty.test.ts). */
import { describe, expect, it } from 'vitest';
import { clusterFindings } from '../testing/clusterProperty.ts';

describe('acks=all under random broker crashes and restarts, on random clusters', () => {
  it('seeds 251-500: no acknowledged write lost, invariants hold after every event, every group drains once the faults heal', () => {
    const { findings, checks } = clusterFindings(251, 501);
    expect(findings).toEqual([]);
    expect(checks).toBeGreaterThan(250 * 30_000);
  }, 600_000);
});

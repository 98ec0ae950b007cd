/**
 * Jepsen-style: 250 seeds here and 250 in property2.test.ts (two files, so the two halves run in parallel), each a
 * random single-broker crash and restart under steady keyed load, invariants checked after every event
 * (engine/testing/property.ts). `npm run soak` runs 10,000.
 */
import { describe, expect, it } from 'vitest';
import { runProperty, safetyFindings } from '../testing/property.ts';

describe('acks=all, replication factor 3, min.insync.replicas=2, idempotence on: one broker crashes and restarts', () => {
  it('seeds 1-250: no acknowledged message lost, none duplicated, per-key order kept, everything processed', () => {
    const { findings, checks } = safetyFindings(1, 251);
    expect(findings).toEqual([]);
    expect(checks).toBeGreaterThan(250 * 20_000); // the invariants really ran after every event
  }, 600_000);
});

describe('acks=1 under the same schedules', () => {
  it('loses acknowledged messages on some seeds: seed 17 loses message #2223 when Kafka/2 crashes at 13.75 s', () => {
    const o = runProperty(17, '1');
    expect(o.crash).toBe('Kafka/2 from 13.752918s to 14.75474s');
    expect(o.lost).toEqual([2223]);
    // Idempotence is silently off with acks=1, so retries also reorder keys.
    expect(o.reordered).toBeGreaterThan(0);
    const all = runProperty(17, 'all');
    expect(all.lost).toEqual([]);
  });

  it('loses acknowledged messages on about one seed in twelve', () => {
    let losing = 0;
    for (let seed = 1; seed <= 60; seed++) if (runProperty(seed, '1', false).lost.length > 0) losing++;
    expect(losing).toBeGreaterThan(1);
    expect(losing).toBeLessThan(20);
  }, 120_000);
});

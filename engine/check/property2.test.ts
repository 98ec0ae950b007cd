/** The second half of the property seeds (see property.test.ts). */
import { describe, expect, it } from 'vitest';
import { safetyFindings } from '../testing/property.ts';

describe('acks=all, replication factor 3, min.insync.replicas=2, idempotence on: one broker crashes and restarts', () => {
  it('seeds 251-500: no acknowledged message lost, none duplicated, per-key order kept, everything processed', () => {
    const { findings, checks } = safetyFindings(251, 501);
    expect(findings).toEqual([]);
    expect(checks).toBeGreaterThan(250 * 20_000);
  }, 600_000);
});

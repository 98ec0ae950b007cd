/**
 * Random outbox/inbox topologies under random crashes (of the writing service, the relay, both databases and the
 * consumer): a committed row's event is never lost (it is published, or still waiting in the outbox), no event is a
 * phantom, and with an inbox table no effect is applied twice. The same runs replay bit for bit after a seek.
 * Seeds 1-250 here, 251-500 in property2.test.ts (two files run side by side).
 */
import { describe, expect, it } from 'vitest';
import { advance, createSession, seek } from '../live/session.ts';
import { checkSeeds, scenario } from '../testing/outboxProperty.ts';
import { checkConsistency } from './consistency.ts';

describe('outbox and inbox under random crashes', () => {
  it("seeds 1-250: never loses a committed row's event, never publishes a phantom, never applies an effect twice with an inbox table", () => {
    expect(checkSeeds(1, 250)).toEqual([]);
  }, 300_000);

  it('replays the same history after a seek back', () => {
    const { text, faults } = scenario(7);
    const s = createSession(text, { seed: 7, faults });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 25_000_000);
    const hash = s.sim.hash();
    const report = JSON.stringify(checkConsistency(s.sim.world));
    seek(s, 3_000_000);
    advance(s, 25_000_000);
    expect(s.sim.hash()).toBe(hash);
    expect(JSON.stringify(checkConsistency(s.sim.world))).toBe(report);
  });
});

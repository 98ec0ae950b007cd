/**
 * Same topology, seed and faults: the same history, bit for bit. (The browser half of this check is
 * e2e/determinism.spec.ts, which runs the same scenario in Chromium and compares hashes with Node.)
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { DETERMINISM_SCENARIO } from '../testing/scenarios.ts';

describe('determinism', () => {
  it('two runs with the same seed and faults have identical history hashes', () => {
    const run = () => TestSim.of(DETERMINISM_SCENARIO.text, { seed: DETERMINISM_SCENARIO.seed, faults: DETERMINISM_SCENARIO.faults }).until(DETERMINISM_SCENARIO.until).sim.hash();
    const a = run();
    expect(run()).toBe(a);
  });

  it('a different seed gives a different history', () => {
    const s = DETERMINISM_SCENARIO;
    const a = TestSim.of(s.text, { seed: s.seed, faults: s.faults }).until(s.until).sim.hash();
    const b = TestSim.of(s.text, { seed: s.seed + 1, faults: s.faults }).until(s.until).sim.hash();
    expect(b).not.toBe(a);
  });

  it('a snapshot restored and run on replays the same future', () => {
    const s = DETERMINISM_SCENARIO;
    const sim = TestSim.of(s.text, { seed: s.seed, faults: s.faults }).until('10s');
    const snap = sim.sim.snapshot();
    sim.until(s.until);
    const direct = sim.sim.hash();
    const replay = TestSim.of(s.text, { seed: s.seed });
    Object.assign(replay.sim.world, structuredClone(snap));
    replay.until(s.until);
    expect(replay.sim.hash()).toBe(direct);
  });
});

import { describe, expect, it } from 'vitest';
import { createFaultState, type Fault } from '../faults/types.ts';
import type { World } from '../world.ts';
import { faultsAhead, pendingLines } from './ahead.ts';

const crash = (at: number, target: string): Fault => ({ at, action: 'crash', target });

/** A world whose schedule holds `faults`, the first `fired` of them fired. */
function world(faults: Fault[], fired = 0): World {
  const f = createFaultState();
  f.schedule.push(...faults);
  f.fired.push(...faults.map((_, i) => i < fired));
  f.cancelled.push(...faults.map(() => false));
  return { faults: f } as unknown as World;
}

describe('faultsAhead', () => {
  it('keeps faults injected or scheduled later, each at its own moment; drops settings', () => {
    const w = world([crash(1e6, 'A')]);
    const ahead = faultsAhead(w, [
      { kind: 'config' },
      { kind: 'fault', fault: crash(0, 'B'), atUs: 7e6 },
      { kind: 'schedule', fault: crash(9e6, 'C') },
    ]);
    expect(ahead).toEqual({ schedule: [crash(7e6, 'B'), crash(9e6, 'C')], unschedule: [] });
  });

  it('knows a later schedule entry by the index it had: taking it off again cancels it out', () => {
    const w = world([crash(1e6, 'A'), crash(2e6, 'B')]);
    const ahead = faultsAhead(w, [
      { kind: 'schedule', fault: crash(5e6, 'C') }, // index 2
      { kind: 'schedule', fault: crash(6e6, 'D') }, // index 3
      { kind: 'unschedule', index: 2 },
      { kind: 'unschedule', index: 1 }, // on the schedule already: taken off at the fork
    ]);
    expect(ahead).toEqual({ schedule: [crash(6e6, 'D')], unschedule: [1] });
  });
});

describe('pendingLines', () => {
  it('lists what the run still meets, in time order: the schedule not fired or taken off, and the faults ahead', () => {
    const w = world([crash(1e6, 'A'), crash(8e6, 'B'), crash(3e6, 'C')], 1);
    w.faults.cancelled[2] = true;
    expect(pendingLines(w, { schedule: [crash(4e6, 'D')], unschedule: [] })).toEqual(['4s crash D', '8s crash B']);
    expect(pendingLines(w, { schedule: [], unschedule: [1] })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { plan } from './behavioural.ts';

describe('plan', () => {
  it('judges a check at the time it names, or at the end of the run', () => {
    expect(plan({ kind: 'no-loss' }, 60).dueS).toBe(60);
    expect(plan({ kind: 'checkouts', min: 1 }, 60).dueS).toBe(60);
    expect(plan({ kind: 'delivered', to: '{A}', sentBeforeS: 20, byS: 25 }, 60).dueS).toBe(25);
    expect(plan({ kind: 'lag', service: '{A}', max: 10, byS: 40 }, 60).dueS).toBe(40);
    expect(plan({ kind: 'no-idle-consumers', service: '{A}', atS: 15 }, 60).dueS).toBe(15);
    expect(plan({ kind: 'routed', queue: 'q', from: ['{A}'], sentBeforeS: 20, byS: 30 }, 60).dueS).toBe(30);
    expect(plan({ kind: 'no-unroutable' }, 60).dueS).toBe(60);
    expect(plan({ kind: 'finish-time', service: '{A}', quantile: 0.99, withinS: 2 }, 60).dueS).toBe(60);
    expect(plan({ kind: 'failures', max: 3 }, 60).dueS).toBe(60);
  });

  it('has a replay look first at the moment of the reset, and judge at the end', () => {
    const p = plan({ kind: 'replayed', service: '{A}', afterS: 90 }, 120);
    expect(p.marks.map((m) => m.atS)).toEqual([90]);
    expect(p.dueS).toBe(120);
  });
});

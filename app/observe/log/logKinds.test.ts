import { describe, expect, it } from 'vitest';
import { familyOf, kindsFor, LOG_FAMILIES } from './logKinds.ts';

describe('log families', () => {
  it('ask for every kind when nothing or everything is picked, else for the picked families', () => {
    expect(kindsFor(new Set())).toBeUndefined();
    expect(kindsFor(new Set(LOG_FAMILIES.map((f) => f.id)))).toBeUndefined();
    expect(kindsFor(new Set(['election', 'fault']))).toEqual(['election', 'isr', 'fault', 'crash']);
  });

  it('cover every kind the trace records', () => {
    const traced = ['send', 'append', 'ack', 'replicate', 'highWatermark', 'deliver', 'process', 'commit', 'rebalance', 'election', 'isr', 'fault', 'request', 'checkout', 'error', 'duplicate', 'truncate', 'retention', 'dlq', 'crash'];
    for (const k of traced) expect(familyOf(k).kinds).toContain(k);
    expect(familyOf('truncate').id).toBe('replicate');
    expect(familyOf('mystery').color).toBe('#64748b');
  });
});

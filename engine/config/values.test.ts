import { describe, expect, it } from 'vitest';
import { SETTINGS, setting } from './schema.ts';
import { parseBytes, parseRate, parseStages, parseValue, readSettings } from './values.ts';

describe('setting values', () => {
  it('every default parses', () => {
    for (const s of SETTINGS) expect(parseValue(s, s.default), s.key).not.toHaveProperty('error');
  });

  it('read sizes, rates and durations', () => {
    expect(parseBytes('16kb')).toBe(16384);
    expect(parseBytes('1gib')).toBe(1 << 30);
    expect(parseRate('50/s')).toBe(50);
    expect(parseRate('3000/min')).toBe(50);
    expect(parseRate('2/ms')).toBe(2000);
    expect(parseValue(setting('linger.ms')!, '1s')).toBe(1000);
    expect(parseValue(setting('linger.ms')!, '20')).toBe(20);
  });

  it('explain bad values in the learner terms', () => {
    expect(parseValue(setting('acks')!, '2')).toEqual({ error: 'acks=2: expected one of 0, 1, all, -1' });
    expect(parseValue(setting('partitions')!, '0')).toEqual({ error: 'partitions=0: must be at least 1' });
    expect(parseValue(setting('enable.idempotence')!, 'yes')).toEqual({ error: 'enable.idempotence=yes: expected true or false' });
  });

  it('fill defaults and report errors without losing the rest', () => {
    const r = readSettings({ acks: '1', 'linger.ms': 'soon' }, ['acks', 'linger.ms', 'batch.size']);
    expect(r.values).toEqual({ acks: '1', 'linger.ms': 5, 'batch.size': 16384 });
    expect(r.errors).toEqual(['linger.ms=soon: expected a duration such as 500ms, 30s or 30000']);
  });
});

describe('retry.topics stages', () => {
  it('reads topic:delay pairs in order', () => {
    expect(parseStages('orders-retry-1:5s, orders-retry-2:30s')).toEqual([
      { topic: 'orders-retry-1', delayUs: 5_000_000 },
      { topic: 'orders-retry-2', delayUs: 30_000_000 },
    ]);
    expect(parseStages('')).toEqual([]);
  });

  it('refuses a stage without a delay, a bad delay, or a topic named twice', () => {
    expect(parseStages('orders-retry-1')).toMatch(/expected topic:delay pairs/);
    expect(parseStages('orders-retry-1:soon')).toMatch(/expected topic:delay pairs/);
    expect(parseStages('r:1s,r:2s')).toBe('r is named twice');
    expect(parseValue(setting('retry.topics')!, 'orders-retry-1:x')).toHaveProperty('error');
  });
});

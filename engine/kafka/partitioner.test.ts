import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partitioner.ts';

describe('partitionForKey', () => {
  // Worked by hand from UtilsTest.testMurmur2's hashes: toPositive(h) = h & 0x7fffffff, then % n.
  // "21": -973932308 -> 1173551340; "foobar": -790332482 -> 1357151166; "abc": 479470107.
  it.each([
    ['21', 12, 0],
    ['21', 100, 40],
    ['foobar', 12, 6],
    ['foobar', 100, 66],
    ['abc', 6, 3],
    ['abc', 100, 7],
    ['a-little-bit-long-string', 3, 2],
    ['a-little-bit-longer-string', 6, 5],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', 100, 77],
  ])('puts key %j on partition %i of %i', (key, n, expected) => {
    expect(partitionForKey(key as string, n as number)).toBe(expected);
  });

  it('treats a string and its UTF-8 bytes alike', () => {
    for (const key of ['customer-42', 'café', '日本語キー']) {
      expect(partitionForKey(key, 12)).toBe(partitionForKey(new TextEncoder().encode(key), 12));
    }
  });

  it('matches Kafka on multi-byte keys (hashes from running Utils.murmur2)', () => {
    expect(partitionForKey('customer-42', 12)).toBe(9); // -542987495
    expect(partitionForKey('日本語キー', 12)).toBe(10); // 1445825182
    expect(partitionForKey('\ud800', 12)).toBe(0); // hashed as '?'
  });

  it('always lands on partition 0 of 1', () => {
    expect(partitionForKey('anything', 1)).toBe(0);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 2.5)).toThrow(RangeError);
    expect(() => partitionForKey('k', Number.NaN)).toThrow(RangeError);
  });
});

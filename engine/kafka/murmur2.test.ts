import { describe, expect, it } from 'vitest';
import { murmur2, murmur2String, toPositive } from './murmur2.ts';
import { utf8Encode } from './utf8.ts';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

// Kafka's UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java,
// apache/kafka@1eb7644349cb).
const kafkaVectors: [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

// Computed by running Kafka's own `Utils.murmur2` (apache/kafka@1eb7644349cb, OpenJDK 17) on
// `key.getBytes(StandardCharsets.UTF_8)`: every tail length, multi-byte text and lone surrogates.
const oracleVectors: [string, number][] = [
  ['', 275646681],
  ['a', -1563381124],
  ['ab', 316155434],
  ['customer-42', -542987495],
  ['café', -1358007374],
  ['h€llo', 2127933296],
  ['日本語キー', 1445825182],
  ['\ud83d\ude00', 131881617],
  ['\udbff\udfff', 1180403631],
  ['\u07ff\u0800\uffff', 1940603619],
  ['\ud800', -323429624],
  ['\udc00', -323429624],
  ['a\ud800b', -348781372],
  ['\udc00\ud800', -949127636],
];

describe('murmur2', () => {
  it.each(kafkaVectors)('hashes %j as Kafka UtilsTest.testMurmur2 expects', (key, expected) => {
    expect(murmur2(ascii(key))).toBe(expected);
  });

  it.each([...kafkaVectors, ...oracleVectors])('hashes the string %j as Kafka hashes its UTF-8', (key, expected) => {
    expect(murmur2String(key)).toBe(expected);
    expect(murmur2(utf8Encode(key))).toBe(expected);
  });

  it('returns a signed 32-bit integer', () => {
    for (const [key] of [...kafkaVectors, ...oracleVectors]) {
      const h = murmur2String(key);
      expect(h | 0).toBe(h);
    }
  });

  it('keeps working when a long non-ASCII key outgrows the reused buffer', () => {
    const long = 'é'.repeat(500) + '\ud800';
    expect(murmur2String(long)).toBe(murmur2(utf8Encode(long)));
    expect(murmur2String('café')).toBe(-1358007374);
  });
});

describe('toPositive', () => {
  it('clears the sign bit, as Utils.toPositive does', () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-0x80000000)).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
  });
});

import { describe, expect, it } from 'vitest';
import { utf8Encode, utf8EncodeInto, utf8Length } from './utf8.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// Expected bytes are what `String.getBytes(StandardCharsets.UTF_8)` returned on OpenJDK 17.0.15.
const javaBytes: [string, string][] = [
  ['', ''],
  ['abc', '616263'],
  ['café', '636166c3a9'],
  ['h€llo', '68e282ac6c6c6f'],
  ['\u07ff\u0800\uffff', 'dfbfe0a080efbfbf'],
  ['日本語キー', 'e697a5e69cace8aa9ee382ade383bc'],
  ['\ud83d\ude00', 'f09f9880'], // 😀, a surrogate pair
  ['\udbff\udfff', 'f48fbfbf'], // U+10FFFF, the last code point
  ['\ud800', '3f'], // lone high surrogate: Java writes '?'
  ['\udc00', '3f'], // lone low surrogate
  ['a\ud800b', '613f62'],
  ['\udc00\ud800', '3f3f'], // a pair in the wrong order is two lone surrogates
];

describe('utf8Encode', () => {
  it.each(javaBytes)('encodes %j as Java does', (s, expected) => {
    expect(hex(utf8Encode(s))).toBe(expected);
    expect(utf8Length(s)).toBe(expected.length / 2);
  });

  it('agrees with TextEncoder on well-formed text', () => {
    const samples = ['orders', 'ключ', 'κλειδί-42', '🚀 launch', 'ﬀ\u0000\u007f\u0080'];
    for (const s of samples) expect(hex(utf8Encode(s))).toBe(hex(new TextEncoder().encode(s)));
  });

  it('writes into a caller buffer and reports the length', () => {
    const out = new Uint8Array(12);
    expect(utf8EncodeInto('a€😀', out)).toBe(8);
    expect(hex(out.subarray(0, 8))).toBe('61e282acf09f9880');
  });
});

/**
 * UTF-8 exactly as Java's `String.getBytes(StandardCharsets.UTF_8)` writes it, which is what Kafka's
 * `StringSerializer` hands to the partitioner. It differs from `TextEncoder` in one place: a lone surrogate
 * becomes `?` (0x3F), where `TextEncoder` writes U+FFFD (EF BF BD). Keys must hash as a Java producer would.
 */

const QUESTION_MARK = 0x3f;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * The number of bytes `utf8Encode(s)` produces, without producing them.
 * @example utf8Length('h€llo') // 7
 */
export function utf8Length(s: string): number {
  let length = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (isHighSurrogate(unit) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) length += 1;
    else length += 3;
  }
  return length;
}

/**
 * Writes the UTF-8 bytes of `s` into `out` from index 0 and returns how many were written. `out` must hold at least
 * `utf8Length(s)` bytes (`s.length * 3` always suffices). Lets hot paths reuse one buffer instead of allocating.
 */
export function utf8EncodeInto(s: string, out: Uint8Array): number {
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
    } else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (isHighSurrogate(code) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      code = 0x10000 + ((code - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 0x3f);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      out[at++] = QUESTION_MARK;
    }
  }
  return at;
}

/**
 * The UTF-8 bytes of `s` as Java encodes them (lone surrogates become `?`).
 * @example utf8Encode('€') // Uint8Array [0xe2, 0x82, 0xac]
 */
export function utf8Encode(s: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(s));
  utf8EncodeInto(s, bytes);
  return bytes;
}

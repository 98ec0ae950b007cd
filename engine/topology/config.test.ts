import { describe, expect, it } from 'vitest';
import { encodeConfigValue, readConfig } from './config.ts';

const read = (comment: string) => readConfig(comment, 0, comment.length);

describe('config directives', () => {
  it('reads target and entries with their ranges', () => {
    const text = '%% @config orders-topic partitions=12 retention.ms=604800000 note="a b \\"c\\""';
    const r = read(text);
    expect(r?.problems).toEqual([]);
    expect(r?.config?.target).toBe('orders-topic');
    expect(r?.config?.entries.map((e) => [e.key, e.value, text.slice(e.valueRange.from, e.valueRange.to)])).toEqual([
      ['partitions', '12', '12'],
      ['retention.ms', '604800000', '604800000'],
      ['note', 'a b "c"', '"a b \\"c\\""'],
    ]);
  });

  it('is not a directive in an ordinary comment', () => {
    expect(read('%% a comment about @config')).toBeUndefined();
    expect(read('%% @configure x')).toBeUndefined();
  });

  it('keeps the good entries of a malformed directive and says what is wrong', () => {
    const r = read('%% @config A rate=5/s oops acks=all');
    expect(r?.config?.entries.map((e) => e.key)).toEqual(['rate', 'acks']);
    expect(r?.problems.map((p) => p.message)).toEqual(["expected key=value in '@config A', found 'oops'"]);
  });

  it('quotes values only when needed', () => {
    expect(encodeConfigValue('all')).toBe('all');
    expect(encodeConfigValue('a b')).toBe('"a b"');
    expect(encodeConfigValue('say "x"')).toBe('"say \\"x\\""');
    expect(encodeConfigValue('')).toBe('""');
  });
});

import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeShare, encodeShare, SHARE_JSON_BYTES_MAX } from './share.ts';
import { bombLink } from './testing/shareBombs.ts';

const template = 'graph TD\n  A[Order Service] -->|1. Publish| K[Kafka Broker: orders-topic]\n  %% @config K brokers=3\n';

describe('share links', () => {
  it('round-trip a topology, unicode and all', () => {
    for (const text of [template, 'graph LR\n  A["Café ☕ — 注文"] --> B', '']) {
      const hash = encodeShare({ text, name: 'Mine' });
      expect(hash).toMatch(/^#v2:[A-Za-z0-9_-]+$/);
      expect(decodeShare(hash)).toEqual({ kind: 'ok', shared: { text, name: 'Mine' } });
    }
  });

  it('compress the text', () => {
    const text = template.repeat(20);
    expect(encodeShare({ text }).length).toBeLessThan(text.length / 4);
  });

  it('ignore hashes that are not share links', () => {
    expect(decodeShare('')).toEqual({ kind: 'none' });
    expect(decodeShare('#section-2')).toEqual({ kind: 'none' });
  });

  it('say why a link is damaged', () => {
    const good = encodeShare({ text: template });
    const cases: [string, RegExp][] = [
      ['#v3:abc', /format v3/],
      [good.slice(0, good.length - 12), /cut short or corrupted/],
      ['#v1:not base64!', /characters/],
      [encodeShare({ text: 1 } as never), /no topology text/],
      ['#v1:' + btoa('{').replace(/=+$/, ''), /cut short or corrupted/],
    ];
    for (const [hash, reason] of cases) {
      const r = decodeShare(hash);
      expect(r.kind).toBe('damaged');
      if (r.kind === 'damaged') expect(r.reason).toMatch(reason);
    }
  });

  it('refuse a link that unpacks past the limit, saying what is wrong and what to do', () => {
    const r = decodeShare(bombLink(64));
    expect(r).toEqual({ kind: 'damaged', reason: expect.stringMatching(/unpacks to more than 8 MB.*ask .* for the \.mmd file/) });
    expect(SHARE_JSON_BYTES_MAX).toBe(8 * 2 ** 20);
  });

  // Unpacking all of this would need 8 GiB: only a decompressor that stops at the limit can answer at all.
  it('stop unpacking at the limit', () => {
    expect(decodeShare(bombLink(8 * 1024)).kind).toBe('damaged');
  });

  it('check what a link holds against the schema before using it', () => {
    const raw = (value: unknown, version = 1) => `#v${version}:` + btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(value))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const cases: [unknown, RegExp][] = [
      [[template], /holds no topology/],
      [{ text: template, name: 5 }, /its name is not text/],
      [{ text: template, name: 'x'.repeat(201) }, /its name is longer than 200 characters/],
      [{ text: template, name: 'a\u0000b' }, /its name holds control characters/],
      [{ text: 'graph TD\n\u0000' }, /its text looks binary/],
    ];
    for (const [value, reason] of cases) expect(decodeShare(raw(value))).toEqual({ kind: 'damaged', reason: expect.stringMatching(reason) });
    // Fields a later version may add are left out, not refused.
    expect(decodeShare(raw({ text: template, name: 'Mine', positions: {} }))).toEqual({ kind: 'ok', shared: { text: template, name: 'Mine' } });
  });

  it('carry the run from v2 on: its seed and fault schedule, checked like the rest', () => {
    const run = { seed: 7, faults: ['10s crash Kafka/2', '30s heal'] };
    expect(decodeShare(encodeShare({ text: template, name: 'Mine', run }))).toEqual({ kind: 'ok', shared: { text: template, name: 'Mine', run } });
    const raw = (value: unknown, version: number) => `#v${version}:` + btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(value))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // A v1 link never had a run: one found there is not read as one.
    expect(decodeShare(raw({ text: template, run }, 1))).toEqual({ kind: 'ok', shared: { text: template } });
    const cases: [unknown, RegExp][] = [
      [[7], /its run is not a seed and a fault schedule/],
      [{ seed: 1.5, faults: [] }, /its seed is not a whole number/],
      [{ seed: 1, faults: '10s heal' }, /not a list of lines/],
      [{ seed: 1, faults: [3] }, /not a list of lines/],
      [{ seed: 1, faults: ['soon explode Kafka'] }, /a line EventLab cannot read \(soon explode Kafka: /],
      [{ seed: 1, faults: Array.from({ length: 501 }, () => '1s heal') }, /more than 500 lines/],
    ];
    for (const [bad, reason] of cases) expect(decodeShare(raw({ text: template, run: bad }, 2))).toEqual({ kind: 'damaged', reason: expect.stringMatching(reason) });
  });
});

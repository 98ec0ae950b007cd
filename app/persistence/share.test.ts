import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from './share.ts';

const template = 'graph TD\n  A[Order Service] -->|1. Publish| K[Kafka Broker: orders-topic]\n  %% @config K brokers=3\n';

describe('share links', () => {
  it('round-trip a topology, unicode and all', () => {
    for (const text of [template, 'graph LR\n  A["Café ☕ — 注文"] --> B', '']) {
      const hash = encodeShare({ text, name: 'Mine' });
      expect(hash).toMatch(/^#v1:[A-Za-z0-9_-]+$/);
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
      ['#v2:abc', /format v2/],
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
});

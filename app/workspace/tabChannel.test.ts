import { describe, expect, it } from 'vitest';
import { memoryTabHub, readTabMessage, type TabMessage } from './tabChannel.ts';

describe('tab channel', () => {
  it('reads only well-formed messages', () => {
    expect(readTabMessage({ type: 'saved', id: 'w1' })).toEqual({ type: 'saved', id: 'w1' });
    expect(readTabMessage({ type: 'saved', id: 42 })).toBeNull();
    expect(readTabMessage({ type: 'wipe', id: 'w1' })).toBeNull();
    expect(readTabMessage('saved')).toBeNull();
  });

  it('delivers to the other tabs, not back to the sender', async () => {
    const hub = memoryTabHub();
    const [a, b] = [hub.channel(), hub.channel()];
    const got: [string, TabMessage][] = [];
    a.listen((m) => got.push(['a', m]));
    b.listen((m) => got.push(['b', m]));
    a.post({ type: 'saved', id: 'w1' });
    await Promise.resolve();
    expect(got).toEqual([['b', { type: 'saved', id: 'w1' }]]);
  });
});

import { describe, expect, it } from 'vitest';
import { latestWins, SUPERSEDED } from './latestWins.ts';

/** A call whose answers the test releases by hand. */
function controlled() {
  const calls: { arg: string; release: () => void; fail: () => void }[] = [];
  const call = (arg: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ arg, release: () => resolve(`done ${arg}`), fail: () => reject(new Error(arg)) });
    });
  return { calls, call };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestWins', () => {
  it('answers a lone request', async () => {
    const { calls, call } = controlled();
    const p = latestWins(call)('a');
    await tick();
    calls[0]!.release();
    await expect(p).resolves.toBe('done a');
  });

  it('runs one call at a time, skips requests replaced while waiting, and drops overtaken answers', async () => {
    const { calls, call } = controlled();
    const load = latestWins(call);
    const a = load('a');
    await tick();
    const b = load('b');
    const c = load('c');
    await expect(b).resolves.toBe(SUPERSEDED);
    expect(calls.map((x) => x.arg)).toEqual(['a']);
    calls[0]!.release();
    await expect(a).resolves.toBe(SUPERSEDED); // c was asked for before a answered
    await tick();
    expect(calls.map((x) => x.arg)).toEqual(['a', 'c']);
    calls[1]!.release();
    await expect(c).resolves.toBe('done c');
  });

  it('passes a failure on to the latest request', async () => {
    const { calls, call } = controlled();
    const p = latestWins(call)('x');
    await tick();
    calls[0]!.fail();
    await expect(p).rejects.toThrow('x');
  });
});

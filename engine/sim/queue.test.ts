import { describe, expect, it } from 'vitest';
import { createQueue, peekTime, pop, push, QueueLimitError } from './queue.ts';
import { nextInt, stream } from './random.ts';

describe('event queue', () => {
  it('pops in (time, insertion) order, growing as needed', () => {
    const q = createQueue(4);
    const rng = stream(1, 'test');
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = nextInt(rng, 50);
      push(q, t, 1, i, 0);
      pushed.push([t, i]);
    }
    pushed.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const popped: [number, number][] = [];
    while (pop(q)) popped.push([q.popTime, q.popA]);
    expect(popped).toEqual(pushed);
  });

  it('interleaves pushes and pops like a scheduler does', () => {
    const q = createQueue(2);
    push(q, 5, 1, 1, 0);
    push(q, 5, 1, 2, 0);
    expect(peekTime(q)).toBe(5);
    pop(q);
    push(q, 5, 1, 3, 0); // same time, later sequence: after 2
    push(q, 4, 1, 4, 0);
    const seen: number[] = [];
    while (pop(q)) seen.push(q.popA);
    expect(seen).toEqual([4, 2, 3]);
    expect(peekTime(q)).toBe(Infinity);
  });

  it('keeps kind and both arguments', () => {
    const q = createQueue();
    push(q, 1, 7, -3, 2 ** 40 + 1);
    pop(q);
    expect([q.popKind, q.popA, q.popB]).toEqual([7, -3, 2 ** 40 + 1]);
  });

  it('refuses to grow past its limit', () => {
    const q = createQueue(2, 4);
    for (let i = 0; i < 4; i++) push(q, i, 1, 0, 0);
    expect(() => push(q, 9, 1, 0, 0)).toThrow(QueueLimitError);
  });
});

import { describe, expect, it } from 'vitest';
import { compactLanes, createQueue, peekTime, pendingCount, pop, push, QueueLimitError, useLanes } from './queue.ts';
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

  it('pops events kept in lanes in the same (time, insertion) order as the heap alone would', () => {
    // Kind 250 goes to lanes: timeouts of three lengths, and some earlier than every lane's tail (to the heap).
    useLanes(250);
    const lanes = createQueue(4);
    const plain = createQueue(4);
    const rng = stream(3, 'lanes');
    const popped: [number[], number[]] = [[], []];
    let now = 0;
    for (let i = 0; i < 20_000; i++) {
      const r = nextInt(rng, 10);
      if (r < 4) {
        const t = now + [30, 10, 45, 5, 70][nextInt(rng, 5)]!;
        push(lanes, t, 250, i, 0);
        push(plain, t, 1, i, 0);
      } else if (r < 7) {
        const t = now + nextInt(rng, 20);
        push(lanes, t, 1, i, 0);
        push(plain, t, 1, i, 0);
      } else if (pop(lanes)) {
        pop(plain);
        now = lanes.popTime;
        popped[0].push(lanes.popA);
        popped[1].push(plain.popA);
      }
      expect(pendingCount(lanes)).toBe(plain.size);
    }
    while (pop(lanes)) popped[0].push(lanes.popA);
    while (pop(plain)) popped[1].push(plain.popA);
    expect(popped[0]).toEqual(popped[1]);
    expect(lanes.lanes.length).toBeGreaterThan(1);
  });

  it('compacts lanes by dropping dead entries but each head, keeping the order of the rest', () => {
    useLanes(251);
    const q = createQueue();
    for (let i = 0; i < 100; i++) push(q, 10 + i, 251, i, 0);
    compactLanes(q, (_kind, a) => a % 3 !== 0); // everything not a multiple of 3 is dead; the head (0) stays anyway
    expect(pendingCount(q)).toBe(34);
    const seen: number[] = [];
    while (pop(q)) seen.push(q.popA);
    expect(seen).toEqual(Array.from({ length: 34 }, (_, i) => i * 3));
  });
});

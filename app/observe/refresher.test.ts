import { describe, expect, it } from 'vitest';
import { createRefresher } from './refresher.ts';

/** A refresher on a hand-driven clock: `advance(ms)` fires due timers; answers resolve when the test says. */
function harness(everyMs = 300) {
  let now = 0;
  let playing = true;
  const timers: { at: number; fn: () => void }[] = [];
  const pending: ((v: number) => void)[] = [];
  const answers: number[] = [];
  let asked = 0;
  const r = createRefresher<number>(
    {
      ask: () => {
        asked++;
        return new Promise<number>((resolve) => pending.push(resolve));
      },
      onAnswer: (n) => answers.push(n),
      onError: () => {},
      playing: () => playing,
      now: () => now,
      setTimer: (fn, ms) => {
        const t = { at: now + ms, fn };
        timers.push(t);
        return t;
      },
      clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
    },
    everyMs,
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  const answer = async (n: number) => {
    pending.shift()!(n);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { r, advance, answer, answers, asked: () => asked, setPlaying: (p: boolean) => (playing = p) };
}

describe('refresher', () => {
  it('asks at most every interval while playing, however many frames arrive', async () => {
    const h = harness(300);
    h.r.run();
    await h.answer(1);
    for (let i = 0; i < 10; i++) {
      h.r.changed();
      h.advance(16);
    }
    expect(h.asked()).toBe(1); // 160 ms of frames: not yet
    h.advance(140);
    expect(h.asked()).toBe(2);
    await h.answer(2);
    expect(h.answers).toEqual([1, 2]);
  });

  it('asks at once when paused (a step or a seek), and never twice in flight', async () => {
    const h = harness(300);
    h.setPlaying(false);
    h.r.run();
    h.r.changed();
    h.advance(0);
    h.r.changed();
    h.advance(0);
    expect(h.asked()).toBe(1); // the first is still unanswered
    await h.answer(1);
    h.advance(0);
    expect(h.asked()).toBe(2); // the change during it is asked after
    await h.answer(2);
    expect(h.answers).toEqual([1, 2]);
  });

  it('drops answers that arrive after it stopped', async () => {
    const h = harness();
    h.r.run();
    h.r.stop();
    await h.answer(7);
    h.r.changed();
    h.advance(1000);
    expect(h.answers).toEqual([]);
    expect(h.asked()).toBe(1);
  });
});

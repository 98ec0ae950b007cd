import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoader } from './loads.ts';
import { GIVE_UP_AFTER_MS, SUPERSEDE_AFTER_MS } from './loadWatchdog.ts';
import { crash, fakeWorkers, settle } from './testing/fakeWorker.ts';
import { createWorkerLink } from './workerLink.ts';

function setup() {
  const workers = fakeWorkers();
  let t = 0;
  const link = createWorkerLink<never>(workers.make, () => t);
  const load = createLoader(link, () => t);
  /** Moves the clock and lets the watchdog look. */
  const wait = async (ms: number) => {
    t += ms;
    await vi.advanceTimersByTimeAsync(ms);
    await settle();
  };
  return { ...workers, load, wait };
}

const drawn = (answer: unknown) => (answer as { result: { layout: { drawn: string } | null } } | null)?.result.layout?.drawn;
const error = (answer: unknown) => (answer as { result: { parse: { diagnostics: { message: string }[] } } }).result.parse.diagnostics[0]?.message;

describe('loads', () => {
  afterEach(() => vi.useRealTimers());

  it('are answered when the worker dies under one: the new worker reads the text again', async () => {
    const { made, load } = setup();
    const answer = load('graph LR\n A --> B', {});
    await settle();
    crash(made[0]!);
    await settle();
    expect(made[1]!.asked).toEqual(['graph LR\n A --> B']);
    made[1]!.answer();
    expect(drawn(await answer)).toBe('graph LR\n A --> B');
  });

  it('go to the new worker with the latest text, when one was typed meanwhile', async () => {
    const { made, load } = setup();
    const older = load('one', {});
    await settle();
    const newer = load('two', {});
    crash(made[0]!);
    await settle();
    made[1]!.answer();
    await expect(older).resolves.toBeNull();
    expect(drawn(await newer)).toBe('two');
    expect(made[1]!.asked).toEqual(['two']);
  });

  it('say so when the new worker dies too, instead of reading for ever', async () => {
    const { made, load } = setup();
    const answer = load('one', {});
    await settle();
    crash(made[0]!);
    await settle();
    crash(made[1]!, 'stack overflow');
    expect(error(await answer)).toMatch(/stopped twice while reading this text \(stack overflow\)\. Your text is kept: undo/);
  });

  it('give up on a text the worker is stuck in, with an error that says what to do', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { made, load, wait } = setup();
    const answer = load('nested', {});
    await settle();
    await wait(GIVE_UP_AFTER_MS - 1000);
    expect(made).toHaveLength(1);
    await wait(1000);
    expect(made[0]!.dead).toBe(true);
    expect(error(await answer)).toMatch(/stopped reading this text after 20 s: laying it out takes too long .* undo the last change/);
    expect(made[1]!.asked).toEqual([]); // the text that stuck is not tried again
  });

  it('let a newer text replace one the worker is stuck in', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { made, load, wait } = setup();
    const stuck = load('nested', {});
    await settle();
    const fixed = load('fixed', {});
    await wait(SUPERSEDE_AFTER_MS);
    expect(made[0]!.dead).toBe(true);
    await expect(stuck).resolves.toBeNull();
    made[1]!.answer();
    expect(drawn(await fixed)).toBe('fixed');
  });

  it('answer a load the worker fails with an error that says so, instead of reading for ever', async () => {
    const { load } = setup();
    expect(error(await load('fail: Maximum call stack size exceeded', {}))).toMatch(
      /could not read this text \(RangeError: Maximum call stack size exceeded\)\. The drawing shows the last text that worked: undo/,
    );
  });

  it('say the engine cannot start when its worker dies as soon as it starts', async () => {
    const { made, load } = setup();
    const answer = load('one', {});
    for (let i = 0; i < 3; i++) {
      await settle();
      crash(made.at(-1)!, 'script blocked');
    }
    expect(error(await answer)).toMatch(/stopped twice while reading this text \(script blocked\)/);
    expect(error(await load('two', {}))).toBe("EventLab's engine cannot start (script blocked): reload the page");
  });
});

import { describe, expect, it } from 'vitest';
import { crash, fakeWorkers, settle } from './testing/fakeWorker.ts';
import { createWorkerLink, EngineStopped } from './workerLink.ts';

type Api = { load(text: string): Promise<string>; ping(): string };

describe('the engine worker link', () => {
  it('settles a call in flight when the worker dies, and sends the next one to a new worker', async () => {
    const { made, make } = fakeWorkers();
    const link = createWorkerLink<Api>(make, () => 0);
    const restarts: string[] = [];
    link.onRestart((r) => restarts.push(`${r.kind}: ${r.reason}`));
    const load = link.call('load', (r) => r.load('A --> B'));
    await settle();
    crash(made[0]!);
    await expect(load).rejects.toEqual(new EngineStopped('out of memory', 'died'));
    expect(made[0]!.dead).toBe(true);
    expect(restarts).toEqual(['died: out of memory']);
    await expect(link.call('ping', (r) => r.ping())).resolves.toBe('pong');
    expect(made).toHaveLength(2);
  });

  it('knows what the worker is working on, and since when: a call waiting behind another is not yet started', async () => {
    const { made, make } = fakeWorkers();
    let t = 0;
    const link = createWorkerLink<Api>(make, () => t);
    const first = link.call('load', (r) => r.load('one'));
    t = 5;
    void link.call('ping', (r) => r.ping());
    expect(link.current()).toEqual({ label: 'load', since: 0 });
    await settle();
    t = 7;
    made[0]!.answer();
    await first;
    await settle();
    expect(link.current()).toBeNull(); // the ping answered at once
  });

  it('gives up on a worker that dies as soon as it starts, and says so to every call', async () => {
    const { made, make } = fakeWorkers();
    const link = createWorkerLink<Api>(make, () => 0);
    for (let i = 0; i < 3; i++) crash(made.at(-1)!, 'script failed to load');
    expect(made).toHaveLength(3);
    await expect(link.call('ping', (r) => r.ping())).rejects.toThrow(/cannot start \(script failed to load\): reload the page/);
  });
});

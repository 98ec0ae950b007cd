import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluateOptions, LessonEvaluation, LessonGoals } from '../../engine/index.ts';
import type { Lesson } from '../../lessons/index.ts';
import { createAppStore } from '../state/store.ts';
import { CHECK_SETTLE_MS, watchLesson } from './checker.ts';
import { createLessonStore } from './lessonStore.ts';
import type { Progress } from './progress.ts';
import { lessonWorkspaceId } from './route.ts';

const lesson = {
  id: 'l1',
  goals: [
    { id: 'broker', text: 'A broker hosts orders.', check: { kind: 'hosts-topic', topic: 'orders' } },
    { id: 'checkouts', text: 'Every checkout succeeds.', check: { kind: 'checkouts', min: 1 } },
  ],
  run: { seed: 1, durationS: 10, faults: [] },
} as unknown as Lesson;

/** A worker stand-in: the text passes a goal when it contains the goal's id. */
function fakeClient() {
  const calls: { text: string; opts: EvaluateOptions | undefined }[] = [];
  return {
    calls,
    async evaluateLesson(text: string, l: LessonGoals, opts?: EvaluateOptions): Promise<LessonEvaluation> {
      calls.push({ text, opts });
      const structuralOnly = opts?.behavioural === false;
      return {
        results: l.goals.map((g) => {
          const behavioural = g.check.kind === 'checkouts';
          const ran = !(behavioural && structuralOnly) && !text.includes('syntax error');
          return { id: g.id, ran, pass: ran && text.includes(g.id), explanation: g.id };
        }),
        faults: [],
      };
    },
  };
}

function setup(text = 'graph LR') {
  const app = createAppStore();
  app.getState().openWorkspace({ id: lessonWorkspaceId('l1'), name: 'Lesson 1' }, { text, positions: {} });
  const lessons = createLessonStore();
  const client = fakeClient();
  const saved: Progress[] = [];
  const checker = watchLesson(lesson, { app, lessons, client, now: () => 5, saveProgress: (p) => saved.push(p) });
  return { app, lessons, client, saved, checker };
}

describe('watchLesson', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks the structure at once, then once per pause in typing', async () => {
    const { app, client, lessons } = setup();
    await vi.runAllTimersAsync();
    expect(client.calls).toEqual([{ text: 'graph LR', opts: { behavioural: false } }]);
    app.getState().edit({ text: 'graph LR\nb' }, { coalesce: 'typing', now: 0 });
    app.getState().edit({ text: 'graph LR\nbroker' }, { coalesce: 'typing', now: 1 });
    await vi.advanceTimersByTimeAsync(CHECK_SETTLE_MS - 1);
    expect(client.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.calls.map((c) => c.text)).toEqual(['graph LR', 'graph LR\nbroker']);
    expect(lessons.getState().structural.l1).toMatchObject({ text: 'graph LR\nbroker' });
    expect(lessons.getState().progress.l1).toMatchObject({ status: 'in-progress', goalsMet: 1, goalsTotal: 2 });
  });

  it('keeps the last verdicts while the text does not parse', async () => {
    const { app, lessons } = setup('broker');
    await vi.runAllTimersAsync();
    app.getState().edit({ text: 'broker syntax error' });
    await vi.runAllTimersAsync();
    expect(lessons.getState().structural.l1).toMatchObject({ text: 'broker', value: [{ id: 'broker', pass: true }, { id: 'checkouts' }] });
  });

  it('finishes the lesson on the first run that passes every goal, and says so once', async () => {
    const { app, checker, lessons, saved } = setup('broker');
    await vi.runAllTimersAsync();
    await checker.run();
    expect(lessons.getState().progress.l1?.status).toBe('in-progress');
    app.getState().edit({ text: 'broker checkouts' });
    await checker.run();
    expect(lessons.getState()).toMatchObject({ finished: 'l1', running: null, progress: { l1: { status: 'done', goalsMet: 2, doneAt: 5 } } });
    expect(saved.at(-1)?.l1?.status).toBe('done');
    lessons.setState({ finished: null });
    await checker.run();
    expect(lessons.getState().finished).toBeNull();
  });

  it('files a run under the text it judged, even if the learner typed on meanwhile', async () => {
    const { app, checker, lessons } = setup('broker checkouts');
    await vi.runAllTimersAsync();
    const running = checker.run();
    expect(lessons.getState().running).toBe('l1');
    app.getState().edit({ text: 'broken' });
    await running;
    expect(lessons.getState().runs.l1?.text).toBe('broker checkouts');
    expect(lessons.getState().progress.l1?.status).toBe('in-progress');
  });

  it("checks nothing while another workspace is open, and nothing after it stops", async () => {
    const { app, checker, client } = setup();
    await vi.runAllTimersAsync();
    app.getState().openWorkspace({ id: 'sandbox', name: 'Sandbox' }, { text: 'graph TD', positions: {} });
    await vi.runAllTimersAsync();
    await checker.run();
    expect(client.calls).toHaveLength(1);
    checker.stop();
    app.getState().openWorkspace({ id: lessonWorkspaceId('l1'), name: 'Lesson 1' }, { text: 'x', positions: {} });
    await vi.runAllTimersAsync();
    expect(client.calls).toHaveLength(1);
  });

  it('says when the worker could not check', async () => {
    const { lessons, client, checker } = setup();
    await vi.runAllTimersAsync();
    client.evaluateLesson = () => Promise.reject(new Error('the worker stopped'));
    await checker.run();
    expect(lessons.getState().error).toBe('The goals could not be checked: the worker stopped');
  });
});

import { describe, expect, it } from 'vitest';
import type { Goal, GoalResult, LessonEvaluation } from '../../engine/index.ts';
import { goalViews, tally, type Checked } from './goalStatus.ts';

const goals: Goal[] = [
  { id: 'broker', text: 'A broker hosts orders.', check: { kind: 'hosts-topic', topic: 'orders' } },
  { id: 'checkouts', text: 'Every checkout succeeds.', check: { kind: 'checkouts', min: 1 } },
];
const result = (id: string, pass: boolean, ran = true): GoalResult => ({ id, pass, ran, explanation: `${id} ${pass}` });
const structural = (text: string, pass: boolean): Checked<GoalResult[]> => ({
  lessonId: 'l',
  text,
  value: [result('broker', pass), result('checkouts', false, false)],
});
const run = (text: string, broker: boolean, checkouts: boolean): Checked<LessonEvaluation> => ({
  lessonId: 'l',
  text,
  value: { results: [result('broker', broker), result('checkouts', checkouts)], faults: [] },
});
const states = (v: ReturnType<typeof goalViews>) => v.map((g) => g.state);

describe('goalViews', () => {
  it('shows nothing checked before any check', () => {
    expect(states(goalViews(goals, 't', null, null))).toEqual(['unchecked', 'unchecked']);
  });

  it('takes structural goals from the structural check and leaves behavioural ones for the run', () => {
    expect(states(goalViews(goals, 't', structural('t', true), null))).toEqual(['pass', 'unchecked']);
  });

  it('takes both from a run of the current text', () => {
    const v = goalViews(goals, 't', structural('t', false), run('t', true, true));
    expect(states(v)).toEqual(['pass', 'pass']);
    expect(tally(v)).toEqual({ met: 2, total: 2, all: true });
  });

  it("marks a run's verdict stale once the text changes, and keeps showing it", () => {
    const v = goalViews(goals, 't2', structural('t2', true), run('t', true, false));
    expect(states(v)).toEqual(['pass', 'stale']);
    expect(v[1]!.result?.explanation).toBe('checkouts false');
    expect(tally(v).all).toBe(false);
  });

  it('keeps the previous structural verdict while the check of a newer text is on its way', () => {
    expect(states(goalViews(goals, 't2', structural('t1', false), null))).toEqual(['fail', 'unchecked']);
  });

  it('reads a run that could not check a goal as unchecked, not failed', () => {
    const r = run('t', true, false);
    r.value.results[1] = result('checkouts', false, false);
    expect(states(goalViews(goals, 't', null, r))).toEqual(['pass', 'unchecked']);
  });
});

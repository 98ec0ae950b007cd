import { describe, expect, it } from 'vitest';
import { checked, hintShown, mergeProgress, started, statusOf, type Progress } from './progress.ts';

describe('progress', () => {
  it('starts a lesson once, and reads a lesson never opened as not started', () => {
    const p = started({}, 'l1', 7, 100);
    expect(statusOf(p, 'l1')).toBe('in-progress');
    expect(statusOf(p, 'l2')).toBe('not-started');
    expect(started(p, 'l1', 7, 200)).toBe(p);
  });

  it('is done when every goal passes, and stays done when a later check fails', () => {
    let p = checked({}, 'l1', 5, 7, 100);
    expect(p.l1).toMatchObject({ status: 'in-progress', goalsMet: 5, goalsTotal: 7 });
    p = checked(p, 'l1', 7, 7, 200);
    expect(p.l1).toMatchObject({ status: 'done', doneAt: 200 });
    p = checked(p, 'l1', 3, 7, 300);
    expect(p.l1).toMatchObject({ status: 'done', goalsMet: 3, doneAt: 200 });
  });

  it('never counts a lesson with no goals as done', () => {
    expect(checked({}, 'l1', 0, 0, 1).l1?.status).toBe('in-progress');
  });

  it('reveals hints one at a time, up to the number there are', () => {
    let p: Progress = {};
    for (let i = 0; i < 5; i++) p = hintShown(p, 'l1', 3, 7, i);
    expect(p.l1?.hintsShown).toBe(3);
  });

  it('merges an import: the further status wins, hints and times are kept at their most', () => {
    const mine: Progress = {
      a: { status: 'in-progress', goalsMet: 2, goalsTotal: 4, hintsShown: 2, startedAt: 50 },
      b: { status: 'done', goalsMet: 3, goalsTotal: 3, hintsShown: 0, startedAt: 10, doneAt: 20 },
    };
    const theirs: Progress = {
      a: { status: 'done', goalsMet: 4, goalsTotal: 4, hintsShown: 1, startedAt: 40, doneAt: 45 },
      b: { status: 'in-progress', goalsMet: 1, goalsTotal: 3, hintsShown: 1, startedAt: 5 },
      c: { status: 'in-progress', goalsMet: 0, goalsTotal: 2, hintsShown: 0, startedAt: 7 },
    };
    const m = mergeProgress(mine, theirs);
    expect(m.a).toEqual({ status: 'done', goalsMet: 4, goalsTotal: 4, hintsShown: 2, startedAt: 40, doneAt: 45 });
    expect(m.b).toEqual({ status: 'done', goalsMet: 3, goalsTotal: 3, hintsShown: 1, startedAt: 5, doneAt: 20 });
    expect(m.c).toEqual(theirs.c);
  });
});

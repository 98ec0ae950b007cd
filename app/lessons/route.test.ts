import { describe, expect, it } from 'vitest';
import { isLessonRoute, lessonOfWorkspace, lessonWorkspaceId, parseRoute } from './route.ts';

describe('routes', () => {
  it('reads the list, a lesson, and anything else as the sandbox', () => {
    expect(parseRoute('#/lessons')).toEqual({ page: 'list' });
    expect(parseRoute('#/lessons/')).toEqual({ page: 'list' });
    expect(parseRoute('#/lessons/01-decouple-the-checkout')).toEqual({ page: 'lesson', id: '01-decouple-the-checkout' });
    expect(parseRoute('#/lessons/01-decouple-the-checkout/')).toEqual({ page: 'lesson', id: '01-decouple-the-checkout' });
    for (const hash of ['', '#', '#/', '#v1:eJzz', '#/lessons/a/b', '#/lessons/<script>', '#/lessonsx']) {
      expect(parseRoute(hash), hash).toEqual({ page: 'sandbox' });
    }
    expect(isLessonRoute('#/lessons')).toBe(true);
    expect(isLessonRoute('#v1:abc')).toBe(false);
  });

  it("names a lesson's workspace so it can be told from the learner's own", () => {
    const id = lessonWorkspaceId('05-delivery-semantics');
    expect(lessonOfWorkspace(id)).toBe('05-delivery-semantics');
    expect(lessonOfWorkspace('3f2b0c8e-1d6a-4c1e-9a55-2f1f0e6b7c41')).toBeNull();
  });
});

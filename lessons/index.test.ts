import { describe, expect, it } from 'vitest';
import { lessonById, lessonIdFromHash, lessonUrl, LESSONS } from './index.ts';

describe('lesson addresses', () => {
  it('give each lesson a URL the app can route back to it', () => {
    for (const l of LESSONS) {
      expect(lessonUrl(l.id)).toBe(`#/lessons/${l.id}`);
      expect(lessonIdFromHash(lessonUrl(l.id))).toBe(l.id);
      expect(lessonById(l.id)).toBe(l);
    }
  });

  it('ignore addresses of lessons that do not exist', () => {
    expect(lessonIdFromHash('#/lessons/99-nothing')).toBeNull();
    expect(lessonIdFromHash('#/sandbox')).toBeNull();
    expect(lessonById('99-nothing')).toBeUndefined();
  });
});

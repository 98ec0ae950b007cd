import { describe, expect, it } from 'vitest';
import { fillPlaceholders, readLessonFile } from './lessonFile.ts';

describe('readLessonFile', () => {
  it('splits the header from the reading', () => {
    const f = readLessonFile('---\ntitle: Partitions and keys\nobjectives:\n  - Explain order.\n  - Choose a key.\n---\n\n## Order\n\nText.\n', 'x.md');
    expect(f).toEqual({ title: 'Partitions and keys', objectives: ['Explain order.', 'Choose a key.'], reading: '## Order\n\nText.' });
  });

  it('reads files with Windows line breaks', () => {
    expect(readLessonFile('---\r\ntitle: A\r\nobjectives:\r\n  - B\r\n---\r\nC', 'x.md')).toEqual({ title: 'A', objectives: ['B'], reading: 'C' });
  });

  it('names the file and the problem when the header is wrong', () => {
    expect(() => readLessonFile('# Title\n', 'lessons/x/lesson.md')).toThrow('lessons/x/lesson.md: a lesson file starts with a --- header');
    expect(() => readLessonFile('---\nobjectives:\n  - B\n---\n', 'y.md')).toThrow('y.md: the header has no title');
    expect(() => readLessonFile('---\ntitle: A\n---\n', 'y.md')).toThrow('y.md: the header lists no objectives');
    expect(() => readLessonFile('---\ntitle: A\nauthor Me\n---\n', 'y.md')).toThrow("y.md: cannot read header line 'author Me'");
  });
});

describe('fillPlaceholders', () => {
  it('fills the names it knows and leaves the others as written', () => {
    expect(fillPlaceholders('A = {{availability}}, L = {{ latency }}, X = {{unknown}}', { availability: '97%', latency: '15 ms' })).toBe('A = 97%, L = 15 ms, X = {{unknown}}');
  });
});

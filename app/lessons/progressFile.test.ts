import { describe, expect, it } from 'vitest';
import type { Progress } from './progress.ts';
import { readProgressEntry, readProgressFile, writeProgressFile } from './progressFile.ts';

const known = new Set(['l1', 'l2']);
const progress: Progress = {
  l1: { status: 'done', goalsMet: 7, goalsTotal: 7, hintsShown: 1, startedAt: 1000, doneAt: 2000 },
  l2: { status: 'in-progress', goalsMet: 0, goalsTotal: 1, hintsShown: 0, startedAt: 3000 },
};
const file = (lessons: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'eventlab-progress', version: 1, lessons, ...extra });

describe('the progress file', () => {
  it('reads back what it wrote', () => {
    const text = writeProgressFile(progress, Date.UTC(2025, 0, 2));
    expect(JSON.parse(text)).toMatchObject({ format: 'eventlab-progress', version: 1, exportedAt: '2025-01-02T00:00:00.000Z' });
    expect(readProgressFile(text, 'p.json', known)).toEqual({ ok: true, progress, skipped: [] });
  });

  it('skips, and names, lessons this version does not have', () => {
    const r = readProgressFile(file({ ...progress, l9: progress.l2 }), 'p.json', known);
    expect(r).toEqual({ ok: true, progress, skipped: ['l9'] });
  });

  it('keeps only the fields it knows', () => {
    const r = readProgressFile(file({ l2: { ...progress.l2, evil: '<script>' } }), 'p.json', known);
    expect(r.ok && r.progress.l2).toEqual(progress.l2);
  });

  it.each([
    ['not json', 'p.json is not JSON'],
    ['{"lessons": {}}', 'p.json is not an EventLab progress file'],
    [file({}, { version: 2 }), 'version 2; this EventLab reads version 1'],
    [file([]), 'has no "lessons" object'],
    [file({ l1: { ...progress.l1, status: 'finished' } }), 'lesson l1 has status "finished"'],
    [file({ l1: { ...progress.l1, goalsMet: -1 } }), 'lesson l1 has no whole number goalsMet'],
    [file({ l1: { ...progress.l1, doneAt: undefined } }), 'lesson l1 is done but has no doneAt time'],
    [file({ l2: { ...progress.l2, startedAt: 'yesterday' } }), 'lesson l2 has no startedAt time'],
  ])('refuses %s, saying why', (text, reason) => {
    const r = readProgressFile(text, 'p.json', known);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('a stored progress row', () => {
  it('is used only when it is progress, and with only the fields this version knows', () => {
    expect(readProgressEntry({ ...progress.l1, extra: 1 })).toEqual(progress.l1);
    expect(readProgressEntry({ ...progress.l2, goalsMet: '3' })).toBeNull();
    expect(readProgressEntry('done')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DIFF_CELLS_MAX, foldUnchanged, lineDiff, type DiffLine } from './diff.ts';

const signs = (d: DiffLine[]) => d.map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'del' ? '-' : '+'}${l.text}`);

/** Rebuilds both sides from a diff: every line of a and b appears once, in order. */
const sides = (d: DiffLine[]) => ({
  a: d.filter((l) => l.kind !== 'add').map((l) => l.text),
  b: d.filter((l) => l.kind !== 'del').map((l) => l.text),
});

describe('lineDiff', () => {
  it('marks the lines that go and the lines that come, deletions first', () => {
    expect(signs(lineDiff('a\nb\nc\nd', 'a\nx\nc\nd\ne'))).toEqual([' a', '-b', '+x', ' c', ' d', '+e']);
  });

  it('numbers lines on each side', () => {
    const d = lineDiff('a\nb\nc', 'b\nc\nd');
    expect(d).toEqual([
      { kind: 'del', text: 'a', a: 1 },
      { kind: 'same', text: 'b', a: 2, b: 1 },
      { kind: 'same', text: 'c', a: 3, b: 2 },
      { kind: 'add', text: 'd', b: 3 },
    ]);
  });

  it('keeps the longest common subsequence, so a moved block costs only its move', () => {
    const a = 'graph TD\nsubgraph S\nA --> B\nend\nC --> D\nE --> F';
    const b = 'graph TD\nC --> D\nE --> F';
    expect(signs(lineDiff(a, b))).toEqual([' graph TD', '-subgraph S', '-A --> B', '-end', ' C --> D', ' E --> F']);
  });

  it('rebuilds both texts, whatever they are', () => {
    const texts = ['', 'a', 'a\n', 'a\nb\na\nb', 'b\na\nb\na\nc', 'x\ny\nz\nx'];
    for (const a of texts) {
      for (const b of texts) {
        const d = lineDiff(a, b);
        const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
        expect(sides(d)).toEqual({ a: lines(a), b: lines(b) });
      }
    }
  });

  it('shows a pair too large for its table as one replacement', () => {
    const n = Math.ceil(Math.sqrt(DIFF_CELLS_MAX)) + 1;
    const a = Array.from({ length: n }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: n }, (_, i) => `b${i}`).join('\n');
    const d = lineDiff(a, b);
    expect(d).toHaveLength(2 * n);
    expect(d.slice(0, n).every((l) => l.kind === 'del')).toBe(true);
  });
});

describe('foldUnchanged', () => {
  it('folds runs of unchanged lines away from the changes', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'changed');
    const rows = foldUnchanged(lineDiff(a, b), 2);
    expect(rows.map((r) => (r.kind === 'skip' ? `…${r.count}` : r.text))).toEqual(['…8', 'l8', 'l9', 'l10', 'changed', 'l11', 'l12', '…7']);
  });
});

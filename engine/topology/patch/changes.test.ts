import { describe, expect, it } from 'vitest';
import { appendLine, applyChanges, finishChanges, insertLineAfter, removeStatement } from './changes.ts';

describe('text changes', () => {
  it('shrink to what differs and refuse overlaps', () => {
    expect(finishChanges('abcdef', [{ from: 1, to: 5, insert: 'bXde' }])).toEqual([{ from: 2, to: 3, insert: 'X' }]);
    expect(finishChanges('abc', [{ from: 0, to: 1, insert: 'a' }])).toEqual([]);
    expect(() => finishChanges('abcdef', [{ from: 0, to: 3, insert: 'x' }, { from: 2, to: 4, insert: '' }])).toThrow(/overlapping/);
    expect(finishChanges('abcdef', [{ from: 0, to: 3, insert: '' }, { from: 2, to: 4, insert: '' }])).toEqual([{ from: 0, to: 4, insert: '' }]);
    expect(applyChanges('abcdef', [{ from: 1, to: 2, insert: 'X' }, { from: 4, to: 4, insert: 'Y' }])).toBe('aXcdYef');
  });

  it('remove a statement with its line, or with the semicolon beside it', () => {
    const text = '  A --> B\n  C; D --> E\n  F';
    const cut = (word: string, length: number) => applyChanges(text, [removeStatement(text, { from: text.indexOf(word), to: text.indexOf(word) + length })]);
    expect(cut('A -->', 7)).toBe('  C; D --> E\n  F');
    expect(cut('C;', 1)).toBe('  A --> B\n  D --> E\n  F');
    expect(cut('D -->', 7)).toBe('  A --> B\n  C\n  F');
    expect(cut('F', 1)).toBe('  A --> B\n  C; D --> E');
  });

  it('insert whole lines', () => {
    expect(applyChanges('a\nb\n', [insertLineAfter('a\nb\n', 0, 'x', '  ')])).toBe('a\n  x\nb\n');
    expect(applyChanges('a\nb', [insertLineAfter('a\nb', 2, 'x', '')])).toBe('a\nb\nx');
    expect(applyChanges('a\n\n\n', [appendLine('a\n\n\n', 'x', ' ')])).toBe('a\n x\n\n\n');
  });
});

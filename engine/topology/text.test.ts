import { describe, expect, it } from 'vitest';
import { LineIndex, isNodeStringChar, isUnicodeLetter, keywordAt } from './text.ts';
import { atLineStart, commentAt, skipTrivia } from './trivia.ts';

describe('source positions', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nefg');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1 });
    expect(lines.span(8, 10)).toEqual({ from: 8, to: 10, line: 4, column: 2 });
    expect(lines.where(3)).toBe('2:1');
  });
});

describe('character classes', () => {
  it('follow mermaid’s lexer', () => {
    expect([...'aZ9_.#&/'].every((c) => isNodeStringChar(c.charCodeAt(0)))).toBe(true);
    expect([...' -[(:|'].some((c) => isNodeStringChar(c.charCodeAt(0)))).toBe(false);
    expect(isUnicodeLetter('ü', 0)).toBe(true);
    expect(isUnicodeLetter('→', 0)).toBe(false);
    expect(keywordAt('end-x', 0, 'end')).toBe(true);
    expect(keywordAt('endpoint', 0, 'end')).toBe(false);
  });
});

describe('comments', () => {
  it('are lines that start with %% and text, as mermaid strips them', () => {
    expect(commentAt('  %% note', 2)).toBe(true);
    expect(commentAt('A %% note', 2)).toBe(false);
    expect(commentAt('%%', 0)).toBe(false);
    expect(commentAt('%%{init}%%', 0)).toBe(false);
    expect(atLineStart('x\n  %%', 4)).toBe(true);
    expect(skipTrivia(' \n %% c\n %%{a}%% \n X', 0)).toBe(19);
  });
});

import { describe, expect, it } from 'vitest';
import { arrowAt, arrowInfo, arrowText, closingArrowAt, splitArrowInfo } from './links.ts';

describe('arrows', () => {
  it('reads stroke, heads and length as mermaid does', () => {
    const cases: [string, string, string, string, number][] = [
      ['-->', 'normal', 'none', 'arrow', 1],
      ['---', 'normal', 'none', 'none', 1],
      ['---->', 'normal', 'none', 'arrow', 3],
      ['-.->', 'dotted', 'none', 'arrow', 1],
      ['-...-', 'dotted', 'none', 'none', 3],
      ['==>', 'thick', 'none', 'arrow', 1],
      ['====', 'thick', 'none', 'none', 2],
      ['~~~', 'invisible', 'none', 'none', 1],
      ['<-->', 'normal', 'arrow', 'arrow', 1],
      ['x--x', 'normal', 'cross', 'cross', 1],
      ['o-.-o', 'dotted', 'circle', 'circle', 1],
      ['--o', 'normal', 'none', 'circle', 1],
      ['-'.repeat(20) + '>', 'normal', 'none', 'arrow', 10],
    ];
    for (const [token, stroke, arrowStart, arrowEnd, length] of cases) {
      expect(arrowInfo(token), token).toEqual({ stroke, arrowStart, arrowEnd, length });
    }
  });

  it('writes each arrow back so that it reads the same', () => {
    for (const token of ['-->', '---', '--->', '-.->', '-..-', '==>', '===', '~~~~', '<-->', 'x--x', 'o--o', '<-.->', '<==>', '--x', '==o']) {
      expect(arrowInfo(arrowText(arrowInfo(token))), token).toEqual(arrowInfo(token));
    }
    expect(arrowText({ stroke: 'dotted', arrowStart: 'none', arrowEnd: 'arrow', length: 2 })).toBe('-..->');
  });

  it('finds arrow tokens in the order mermaid’s lexer tries them', () => {
    expect(arrowAt('--> B', 0)).toEqual({ kind: 'link', family: 'normal', from: 0, to: 3 });
    expect(arrowAt('-- text --> B', 0)).toEqual({ kind: 'start', family: 'normal', from: 0, to: 2 });
    expect(arrowAt('-. text .-> B', 0)).toEqual({ kind: 'start', family: 'dotted', from: 0, to: 2 });
    expect(arrowAt('== t ==> B', 0)).toEqual({ kind: 'start', family: 'thick', from: 0, to: 2 });
    expect(arrowAt('x--x B', 0)).toMatchObject({ kind: 'link', to: 4 });
    expect(arrowAt('-> B', 0)).toBeUndefined();
    expect(arrowAt('B', 0)).toBeUndefined();
    expect(closingArrowAt('.-> B', 0, 'dotted')).toMatchObject({ to: 3 });
    expect(closingArrowAt('==> B', 0, 'normal')).toBeUndefined();
  });

  it('joins the halves of an arrow around inline text', () => {
    expect(splitArrowInfo('--', '-->')).toEqual({ stroke: 'normal', arrowStart: 'none', arrowEnd: 'arrow', length: 1 });
    expect(splitArrowInfo('<--', '-->')).toEqual({ stroke: 'normal', arrowStart: 'arrow', arrowEnd: 'arrow', length: 1 });
    expect(splitArrowInfo('x--', '--o')).toBeUndefined();
    expect(splitArrowInfo('-.', '==>')).toBeUndefined();
  });
});

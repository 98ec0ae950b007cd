import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/index.ts';
import { toLintDiagnostics } from './diagnostics.ts';

const d = (from: number, to: number): Diagnostic => ({
  from,
  to,
  line: 2,
  column: 4,
  endLine: 2,
  endColumn: 5,
  message: "expected ']'",
  severity: 'error',
});

describe('toLintDiagnostics', () => {
  const text = 'graph TD\nA[broken\n\nB';

  it('keeps the range and says where it is', () => {
    expect(toLintDiagnostics([d(3, 7)], text)).toEqual([
      { from: 3, to: 7, severity: 'error', message: "expected ']'", source: 'line 2, column 4' },
    ]);
  });

  it('widens an empty range to a character: the next one, or at a line end the one before', () => {
    expect(toLintDiagnostics([d(3, 3)], text)[0]).toMatchObject({ from: 3, to: 4 });
    expect(toLintDiagnostics([d(17, 17)], text)[0]).toMatchObject({ from: 16, to: 17 }); // after 'broken'
    expect(toLintDiagnostics([d(18, 18)], text)[0]).toMatchObject({ from: 18, to: 18 }); // an empty line
    expect(toLintDiagnostics([d(30, 40)], text)[0]).toMatchObject({ from: 19, to: 20 }); // past the end: the last 'B'
  });
});

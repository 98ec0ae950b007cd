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
  it('keeps the range and says where it is', () => {
    expect(toLintDiagnostics([d(3, 7)], 20)).toEqual([
      { from: 3, to: 7, severity: 'error', message: "expected ']'", source: 'line 2, column 4' },
    ]);
  });

  it('widens an empty range to one character and clamps ranges past the end', () => {
    expect(toLintDiagnostics([d(3, 3)], 20)[0]).toMatchObject({ from: 3, to: 4 });
    expect(toLintDiagnostics([d(30, 40)], 20)[0]).toMatchObject({ from: 20, to: 20 });
  });
});

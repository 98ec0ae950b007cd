import { describe, expect, it } from 'vitest';
import { appendRow, replaceSection } from './results.ts';

const doc = '# Engine benchmark\n\nold engine\n\n# UI benchmark\n\nold ui\n';

describe('bench/RESULTS.md sections', () => {
  it('rewrites one section and keeps the others in place', () => {
    expect(replaceSection(doc, 'Engine benchmark', '# Engine benchmark\n\nnew engine')).toBe('# Engine benchmark\n\nnew engine\n\n# UI benchmark\n\nold ui\n');
    expect(replaceSection(doc, 'Other', '# Other\n\nx')).toBe(`${doc}\n# Other\n\nx\n`);
  });

  it('appends history rows below the earlier ones, never rewriting them', () => {
    const one = appendRow(doc, 'UI benchmark history', ['date', 'fps'], ['2026-12-01', '60']);
    const two = appendRow(one, 'UI benchmark history', ['date', 'fps'], ['2026-12-02', '59']);
    expect(two).toContain('# UI benchmark\n\nold ui\n\n# UI benchmark history\n');
    expect(two).toContain('| date | fps |\n| --- | --- |\n| 2026-12-01 | 60 |\n| 2026-12-02 | 59 |\n');
    // A later rewrite of the benchmark's own section leaves its history alone.
    expect(replaceSection(two, 'UI benchmark', '# UI benchmark\n\nnew ui')).toContain('| 2026-12-01 | 60 |\n| 2026-12-02 | 59 |');
  });

  it('starts a new table when the columns change, keeping the old rows', () => {
    const one = appendRow('', 'X history', ['date', 'a'], ['d1', '1']);
    const two = appendRow(one, 'X history', ['date', 'a', 'b'], ['d2', '2', '3']);
    expect(two).toContain('| d1 | 1 |\n\n| date | a | b |\n| --- | --- | --- |\n| d2 | 2 | 3 |\n');
  });
});

/**
 * A line diff by longest common subsequence, for "show solution": which of the learner's lines go, which of the
 * solution's come. Lesson texts are tens of lines, so the quadratic table is small; the common head and tail are
 * trimmed first, and a pair too large for the table is shown as one replacement rather than freezing the page.
 */

export type DiffLine =
  | { kind: 'same'; text: string; a: number; b: number }
  | { kind: 'del'; text: string; a: number }
  | { kind: 'add'; text: string; b: number };

/** Above this many table cells (lines × lines), the middle is shown as deleted then added. */
export const DIFF_CELLS_MAX = 4_000_000;

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * The lines of `a` and `b` in order, each marked same, deleted (only in `a`) or added (only in `b`); line numbers
 * from 1.
 * @example lineDiff('x\ny', 'x\nz') // [same x, del y, add z]
 */
export function lineDiff(a: string, b: string): DiffLine[] {
  const A = splitLines(a);
  const B = splitLines(b);
  let head = 0;
  while (head < A.length && head < B.length && A[head] === B[head]) head++;
  let tail = 0;
  while (tail < A.length - head && tail < B.length - head && A[A.length - 1 - tail] === B[B.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: A[i]!, a: i + 1, b: i + 1 });
  middle(A.slice(head, A.length - tail), B.slice(head, B.length - tail), head, out);
  for (let k = tail; k > 0; k--) {
    const i = A.length - k;
    const j = B.length - k;
    out.push({ kind: 'same', text: A[i]!, a: i + 1, b: j + 1 });
  }
  return out;
}

function middle(A: string[], B: string[], offset: number, out: DiffLine[]): void {
  const n = A.length;
  const m = B.length;
  if (n * m > DIFF_CELLS_MAX) {
    A.forEach((text, i) => out.push({ kind: 'del', text, a: offset + i + 1 }));
    B.forEach((text, j) => out.push({ kind: 'add', text, b: offset + j + 1 }));
    return;
  }
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of A[i..] and B[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = A[i] === B[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      out.push({ kind: 'same', text: A[i]!, a: offset + i + 1, b: offset + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      // Deletions before additions, as git shows a change.
      out.push({ kind: 'del', text: A[i]!, a: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: 'add', text: B[j]!, b: offset + j + 1 });
      j++;
    }
  }
}

export type DiffRow = DiffLine | { kind: 'skip'; count: number };

/**
 * Folds long runs of unchanged lines, keeping `context` lines next to each change.
 * @example foldUnchanged(lineDiff(a, b), 2) // [..., { kind: 'skip', count: 14 }, ...]
 */
export function foldUnchanged(lines: DiffLine[], context = 3): DiffRow[] {
  const changed = lines.map((l) => l.kind !== 'same');
  const near = (i: number) => {
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) if (changed[k]) return true;
    return false;
  };
  const out: DiffRow[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (line.kind !== 'same' || near(i)) {
      if (skipped > 0) out.push({ kind: 'skip', count: skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: 'skip', count: skipped });
  return out;
}

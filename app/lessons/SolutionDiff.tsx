/**
 * "Show solution": the lesson's solution as a line diff against the learner's text, so what is missing stands out
 * from what is already right. A dialog over the sandbox; Escape or a click outside closes it.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Lesson } from '../../lessons/index.ts';
import { foldUnchanged, lineDiff, type DiffRow } from './diff.ts';

const SIGN = { same: ' ', del: '−', add: '+' } as const;

function Row({ row }: { row: DiffRow }) {
  if (row.kind === 'skip') {
    return (
      <tr className="diff-skip">
        <td colSpan={4}>
          {row.count} unchanged line{row.count === 1 ? '' : 's'}
        </td>
      </tr>
    );
  }
  return (
    <tr className={`diff-${row.kind}`}>
      <td className="diff-num">{row.kind !== 'add' ? row.a : ''}</td>
      <td className="diff-num">{row.kind !== 'del' ? row.b : ''}</td>
      <td className="diff-sign" aria-label={row.kind === 'add' ? 'added' : row.kind === 'del' ? 'removed' : undefined}>
        {SIGN[row.kind]}
      </td>
      <td className="diff-text">{row.text}</td>
    </tr>
  );
}

export function SolutionDiff({ lesson, text, onClose }: { lesson: Lesson; text: string; onClose(): void }) {
  const rows = useMemo(() => foldUnchanged(lineDiff(text, lesson.solution), 3), [text, lesson]);
  const changes = rows.filter((r) => r.kind === 'add' || r.kind === 'del');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog solution" role="dialog" aria-modal="true" aria-labelledby="solution-title" data-testid="solution-diff">
        <header className="dialog-head">
          <h2 id="solution-title">Solution for lesson {lesson.number}</h2>
          <p>
            {changes.length === 0 ? (
              'Your text is the solution, line for line.'
            ) : (
              <>
                <span className="diff-legend is-del">− your lines the solution does not have</span>
                <span className="diff-legend is-add">+ the solution’s lines your text lacks</span>
              </>
            )}
          </p>
          <button ref={close} type="button" className="bar-button icon-only" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <table className="diff" data-testid="diff">
            <tbody>
              {rows.map((r, i) => (
                <Row key={i} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

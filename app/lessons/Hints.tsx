/**
 * Hints, one at a time and from a nudge to the answer; the ones revealed stay revealed, on the next visit too.
 */
import type { Lesson } from '../../lessons/index.ts';
import { revealHint } from './actions.ts';
import { useLessons } from './lessonStore.ts';
import { Markdown, type MarkdownContext } from './Markdown.tsx';

const plain: MarkdownContext = { figures: {}, diagram: () => null };

export function Hints({ lesson }: { lesson: Lesson }) {
  const shown = useLessons((s) => s.progress[lesson.id]?.hintsShown ?? 0);
  const total = lesson.hints.length;
  if (total === 0) return null;
  return (
    <div className="hints">
      {shown > 0 && (
        <ol className="hint-list" data-testid="hints">
          {lesson.hints.slice(0, shown).map((h, i) => (
            <li key={i} className="hint" data-testid="hint">
              <span className="hint-number">Hint {i + 1}</span>
              <Markdown source={h} ctx={plain} />
            </li>
          ))}
        </ol>
      )}
      {shown < total && (
        <button type="button" className="bar-button hint-button" onClick={() => revealHint(lesson)} data-testid="lesson-hint">
          {shown === 0 ? 'Show a hint' : 'Show the next hint'} ({shown + 1} of {total})
        </button>
      )}
    </div>
  );
}

/**
 * The lesson's goals under the reading, always in view: their live status, the button that runs the lesson, the
 * acknowledgement when every goal passes, hints one at a time, and the way back to the starter or on to the solution.
 */
import { useMemo, useState } from 'react';
import { findStore } from '../search/findStore.ts';
import { useApp } from '../state/store.ts';
import { lessonUrl, moduleOf, neighbours, type Lesson } from '../../lessons/index.ts';
import { resetToStarter } from './actions.ts';
import { runLesson } from './controller.ts';
import { watchRun } from './follow.ts';
import { GoalRow } from './GoalRow.tsx';
import { goalViews, tally } from './goalStatus.ts';
import { Hints } from './Hints.tsx';
import { lessonStore, useLessons } from './lessonStore.ts';
import { SolutionDiff } from './SolutionDiff.tsx';

export function Goals({ lesson }: { lesson: Lesson }) {
  const text = useApp((s) => s.text);
  const structural = useLessons((s) => s.structural[lesson.id] ?? null);
  const run = useLessons((s) => s.runs[lesson.id] ?? null);
  const running = useLessons((s) => s.running === lesson.id);
  const error = useLessons((s) => s.error);
  const views = useMemo(() => goalViews(lesson.goals, text, structural, run), [lesson, text, structural, run]);
  const { met, total, all } = tally(views);
  const freshRun = run && run.text === text ? { text, evaluation: run.value } : null;
  const [solution, setSolution] = useState(false);
  const focus = views.find((v) => v.state !== 'pass' && v.result)?.goal.id;

  return (
    <section className="goals" aria-label="Goals" data-testid="lesson-goals">
      <header className="goals-head">
        <h2>
          Goals <span className="goals-count" aria-live="polite" data-testid="goals-count">{met} of {total}</span>
        </h2>
        {freshRun && (
          <button type="button" className="bar-button" onClick={() => void watchRun(text, lesson, freshRun.evaluation, { play: true })} title="Play the run the goals were checked on: same seed, same faults" data-testid="lesson-watch">
            Watch it
          </button>
        )}
        <button type="button" className="primary-button" disabled={running} onClick={() => void runLesson()} data-testid="lesson-run" title={runTitle(lesson)}>
          {running ? 'Running…' : 'Run and check'}
        </button>
      </header>
      <Finished lesson={lesson} all={all} />
      {error && (
        <p className="goals-error" role="alert">
          {error}
        </p>
      )}
      <ol className="goal-list">
        {views.map((v) => (
          <GoalRow key={v.goal.id} view={v} lesson={lesson} running={running} run={freshRun} unfolded={v.goal.id === focus} />
        ))}
      </ol>
      <Hints lesson={lesson} />
      <footer className="goals-actions">
        <button type="button" className="bar-button" onClick={() => setSolution(true)} data-testid="lesson-solution">
          Show solution
        </button>
        <button type="button" className="bar-button" onClick={() => resetToStarter(lesson)} disabled={text === lesson.starter} data-testid="lesson-reset">
          Reset to starter
        </button>
      </footer>
      {solution && <SolutionDiff lesson={lesson} text={text} onClose={() => setSolution(false)} />}
    </section>
  );
}

function runTitle(lesson: Lesson): string {
  const faults = lesson.run.faults.length > 0 ? `, with ${lesson.run.faults.join(', ')}` : '';
  return `Simulates ${lesson.run.durationS} s (seed ${lesson.run.seed}${faults}) and checks every goal`;
}

/**
 * The acknowledgement while all goals pass: the lesson is marked done and the next one is a click away. A text that
 * fails a goal again (a rerun, an edit) takes it away, even just after the lesson was finished.
 */
function Finished({ lesson, all }: { lesson: Lesson; all: boolean }) {
  const justFinished = useLessons((s) => s.finished === lesson.id);
  if (!all) return null;
  const { next } = neighbours(lesson);
  const moduleEnds = next !== undefined && next.module !== lesson.module;
  return (
    <div className="finished" role="status" data-testid="lesson-finished">
      <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
        <circle cx="14" cy="14" r="13" />
        <path d="M8 14.5 12 18.5 20 10" />
      </svg>
      <div>
        <strong>{justFinished ? 'Lesson complete.' : 'Every goal passes.'}</strong> {justFinished ? 'Every goal passes, and the lesson is marked done.' : 'This lesson is done.'}
        <p className="finished-search">
          The goals tried the lesson&apos;s faults. Does your design hold under others?{' '}
          <button type="button" className="finished-search-button" onClick={() => findStore.setState({ open: true })} data-testid="lesson-find-failure">
            Find a failure
          </button>{' '}
          searches random crashes and splits for a run that breaks it.
        </p>
        <div className="finished-next">
          {next ? (
            <a href={lessonUrl(next.id)} className="primary-button" data-testid="lesson-next">
              {moduleEnds ? `Next module, ${moduleOf(next).title}: ${next.title} →` : `Next: ${next.title} →`}
            </a>
          ) : (
            <a href="#/lessons" className="primary-button" data-testid="lesson-next">
              You have finished the module: see all lessons
            </a>
          )}
        </div>
      </div>
      {justFinished && (
        <button type="button" className="finished-close" aria-label="Dismiss" onClick={() => lessonStore.setState({ finished: null })}>
          ×
        </button>
      )}
    </div>
  );
}

/**
 * The lessons page (`#/lessons`): every lesson of every module with where the learner stands in it, all open in any
 * order; progress export and import. It lies over the sandbox, which stays as it was underneath.
 */
import { useRef, useState } from 'react';
import { lessonUrl, MODULES, type Lesson, type LessonModule } from '../../lessons/index.ts';
import { useLessons } from './lessonStore.ts';
import { statusOf, type LessonProgress, type LessonStatus, type Progress } from './progress.ts';
import { exportProgress, importProgress, type ImportOutcome } from './progressKeeper.ts';
import { navigate } from './route.ts';
import './lessons.css';

const STATUS_TEXT: Record<LessonStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

function LessonRow({ lesson, progress }: { lesson: Lesson; progress: LessonProgress | undefined }) {
  const status: LessonStatus = progress?.status ?? 'not-started';
  return (
    <li>
      <a className={`lesson-row is-${status}`} href={lessonUrl(lesson.id)} data-testid={`lesson-row-${lesson.id}`} data-status={status}>
        <span className="lesson-number" aria-hidden="true">
          {status === 'done' ? '✓' : lesson.number}
        </span>
        <span className="lesson-row-main">
          <span className="lesson-row-title">
            {lesson.number}. {lesson.title}
          </span>
          <span className="lesson-row-objective">{lesson.objectives[0]}</span>
        </span>
        <span className={`status-pill is-${status}`} data-testid="lesson-status">
          {STATUS_TEXT[status]}
          {status === 'in-progress' && progress && progress.goalsMet > 0 && (
            <span className="status-goals">
              · {progress.goalsMet} of {progress.goalsTotal} goals
            </span>
          )}
        </span>
      </a>
    </li>
  );
}

/** A module's heading, how much of it is done, and its lessons. */
function ModuleSection({ module, progress }: { module: LessonModule; progress: Progress }) {
  const done = module.lessons.filter((l) => statusOf(progress, l.id) === 'done').length;
  const total = module.lessons.length;
  return (
    <section className="module" aria-labelledby={`module-${module.id}`} data-testid={`module-${module.id}`}>
      <header className="module-head">
        <h2 id={`module-${module.id}`}>{module.title}</h2>
        <p>{module.summary}</p>
        <div className="module-progress" aria-label={`${done} of ${total} lessons done`}>
          <span className="module-bar">
            <span style={{ width: `${(100 * done) / total}%` }} />
          </span>
          <span data-testid="module-done">
            {done} of {total} done
          </span>
        </div>
      </header>
      <ol className="lesson-rows">
        {module.lessons.map((l) => (
          <LessonRow key={l.id} lesson={l} progress={progress[l.id]} />
        ))}
      </ol>
    </section>
  );
}

export function LessonList() {
  const progress = useLessons((s) => s.progress);
  const durable = useLessons((s) => s.progressDurable);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (file: File | undefined) => {
    if (file) setOutcome(await importProgress(file));
  };

  return (
    <section className="lessons-page" aria-labelledby="lessons-heading" data-testid="lesson-list">
      <div className="lessons-inner">
        <div className="lessons-head">
          <h1 id="lessons-heading">Lessons</h1>
          <div className="lessons-tools">
            <button type="button" className="bar-button" onClick={exportProgress} data-testid="progress-export">
              Export progress
            </button>
            <button type="button" className="bar-button" onClick={() => input.current?.click()} data-testid="progress-import">
              Import progress…
            </button>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="progress-import-input"
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <button type="button" className="bar-button" onClick={() => navigate('#/')} data-testid="lessons-close">
              Back to the sandbox
            </button>
          </div>
        </div>
        {outcome && (
          <p className={`lessons-outcome is-${outcome.ok ? 'ok' : 'error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="progress-outcome">
            {outcome.message}
          </p>
        )}
        {!durable && <p className="lessons-outcome is-error">This browser keeps nothing for this page: export your progress to keep it.</p>}
        {MODULES.map((m) => (
          <ModuleSection key={m.id} module={m} progress={progress} />
        ))}
      </div>
    </section>
  );
}

export default LessonList;

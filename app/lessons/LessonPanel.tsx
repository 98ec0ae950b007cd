/**
 * A lesson beside the sandbox, in the right-hand column: where it sits in the module, the reading (or the inspector
 * of what is selected, one click away), and the goals underneath, always in view while the learner edits and runs.
 */
import { Inspector } from '../inspector/Inspector.tsx';
import { useApp } from '../state/store.ts';
import { lessonById, lessonUrl, moduleOf, neighbours, type Lesson } from '../../lessons/index.ts';
import { Goals } from './Goals.tsx';
import { lessonStore, useLessons } from './lessonStore.ts';
import { Reading } from './Reading.tsx';
import { lessonWorkspaceId } from './route.ts';
import './lessons.css';
import './reading.css';

function Nav({ lesson }: { lesson: Lesson }) {
  const { prev, next } = neighbours(lesson);
  const module = moduleOf(lesson);
  const done = useLessons((s) => s.progress[lesson.id]?.status === 'done');
  return (
    <div className="lesson-nav">
      <a href="#/lessons" className="lesson-crumb" data-testid="lesson-all">
        {module.title}
      </a>
      <span className="lesson-of" data-testid="lesson-of">
        Lesson {lesson.number} of {module.lessons.length}
      </span>
      {done && (
        <span className="status-pill is-done" data-testid="lesson-done-badge">
          Done
        </span>
      )}
      <span className="lesson-step">
        <a className="bar-button icon-only" href={prev ? lessonUrl(prev.id) : undefined} aria-disabled={!prev} aria-label="Previous lesson" title={prev?.title}>
          ‹
        </a>
        <a className="bar-button icon-only" href={next ? lessonUrl(next.id) : undefined} aria-disabled={!next} aria-label="Next lesson" title={next?.title} data-testid="lesson-step-next">
          ›
        </a>
      </span>
    </div>
  );
}

export function LessonPanel({ id }: { id: string }) {
  const lesson = lessonById(id);
  const tab = useLessons((s) => s.tab);
  const selected = useApp((s) => s.selection.nodes[0] ?? s.selection.edges[0] ?? null);
  const ready = useApp((s) => s.workspace.id === lessonWorkspaceId(id));
  if (!lesson) return <aside className="app-right lesson-panel" />;
  return (
    <aside className="app-right lesson-panel" aria-label={`Lesson ${lesson.number}`} data-testid="lesson-panel">
      <div className="tabs" role="tablist">
        {(['reading', 'inspector'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`tab${tab === t ? ' is-active' : ''}`}
            onClick={() => lessonStore.setState({ tab: t })}
            data-testid={`lesson-tab-${t}`}
          >
            {t === 'reading' ? 'Lesson' : 'Inspector'}
            {t === 'inspector' && selected && <span className="tab-note">{selected}</span>}
          </button>
        ))}
      </div>
      {/* Both stay mounted, so the reading keeps its place (and its diagrams) while the inspector is open. */}
      <div className="lesson-scroll" hidden={tab !== 'reading'} key={lesson.id}>
        <Nav lesson={lesson} />
        <h1 className="lesson-title" data-testid="lesson-title">
          {lesson.title}
        </h1>
        <Reading lesson={lesson} />
      </div>
      <div className="lesson-scroll" hidden={tab !== 'inspector'}>
        <Inspector />
      </div>
      {ready ? <Goals lesson={lesson} /> : <section className="goals is-loading">Opening your text for this lesson…</section>}
    </aside>
  );
}

export default LessonPanel;

/**
 * Brings the lessons in when a visit needs them: at boot for a lesson's address or a lesson's workspace, otherwise
 * at the first move to one. A visit to the sandbox alone never downloads the lessons.
 */
import type { AppStore } from '../state/store.ts';
import type { Library } from '../workspace/library.ts';
import { isLessonRoute, lessonOfWorkspace } from './route.ts';

/** Starts the lessons now if this visit needs them (resolving once the lesson is open), else when it first does. */
export async function startLessons(library: Library, app: AppStore): Promise<void> {
  let loading: Promise<void> | null = null;
  const load = () => (loading ??= import('./controller.ts').then((m) => m.startLessonController(library, app)));
  const needed = () => isLessonRoute(location.hash) || lessonOfWorkspace(app.getState().workspace.id) !== null;
  if (needed()) return load();

  const check = () => {
    if (!needed()) return;
    removeEventListener('hashchange', check);
    unsubscribe();
    void load();
  };
  addEventListener('hashchange', check);
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.workspace.id !== prev.workspace.id) check();
  });
}

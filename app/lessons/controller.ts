/**
 * Keeps the address and the open workspace in agreement. `#/lessons/<id>` opens that lesson's own workspace (made
 * from the starter the first time) and checks its goals; opening a lesson's workspace any other way (the switcher, a
 * deletion) moves the address to the lesson; leaving for the sandbox opens the newest workspace that is no lesson's.
 */
import { practiceTemplate } from '../examples/practice.ts';
import { engine, onWorkerRestart } from '../engine/client.ts';
import { liveStore } from '../sim/index.ts';
import type { AppStore } from '../state/store.ts';
import type { Library } from '../workspace/library.ts';
import { lessonById, lessonUrl, type Lesson } from '../../lessons/index.ts';
import { watchLesson, type Checker } from './checker.ts';
import { lessonStore } from './lessonStore.ts';
import { started } from './progress.ts';
import { loadProgress, saveProgress } from './progressKeeper.ts';
import { lessonOfWorkspace, lessonWorkspaceId, parseRoute } from './route.ts';

let checker: { lesson: Lesson; checker: Checker } | null = null;

/** Runs the open lesson's simulation and judges every goal (no-op outside a lesson). */
export function runLesson(): Promise<void> {
  return checker?.checker.run() ?? Promise.resolve();
}

/** The name a lesson's workspace goes by in the switcher. */
export const lessonWorkspaceName = (l: Lesson) => `Lesson ${l.number}: ${l.title}`;

/** Starts following the address; resolves once the address at boot is honoured. */
export async function startLessonController(library: Library, app: AppStore): Promise<void> {
  await loadProgress();
  let busy = 0;
  let queue = Promise.resolve();

  const watch = (lesson: Lesson | null) => {
    if (checker?.lesson === lesson) return;
    checker?.checker.stop();
    checker = lesson
      ? { lesson, checker: watchLesson(lesson, { app, lessons: lessonStore, client: engine, now: Date.now, saveProgress }) }
      : null;
  };

  const openLesson = async (lesson: Lesson) => {
    await library.openOrCreate(lessonWorkspaceId(lesson.id), lessonWorkspaceName(lesson), lesson.starter);
    const s = lessonStore.getState();
    const progress = started(s.progress, lesson.id, lesson.goals.length, Date.now());
    if (progress !== s.progress) {
      lessonStore.setState({ progress });
      saveProgress(progress);
    }
    watch(lesson);
  };

  const openSandbox = async () => {
    const sandbox = app.getState().library.find((w) => lessonOfWorkspace(w.id) === null);
    if (sandbox) await library.open(sandbox.id);
    else await library.create(practiceTemplate.title, practiceTemplate.text);
  };

  /** Makes the workspace follow the address as it is now. */
  const follow = async () => {
    const route = parseRoute(location.hash);
    const open = lessonOfWorkspace(app.getState().workspace.id);
    if (route.page === 'lesson') {
      const lesson = lessonById(route.id);
      if (lesson) return openLesson(lesson);
      app.getState().setNotice({ tone: 'error', text: `There is no lesson “${route.id}”. Here are the lessons there are.` });
      history.replaceState(null, '', '#/lessons');
      dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    watch(null);
    if (route.page === 'sandbox' && open !== null) await openSandbox();
  };

  // One change of address at a time, each reading the address when its turn comes: quick clicks settle on the last.
  const enqueue = () => {
    busy++;
    queue = queue.then(follow).finally(() => busy--);
    return queue;
  };

  // A check in flight when the worker died never answers: start checking afresh, and say why the run stopped.
  onWorkerRestart((reason) => {
    const lesson = checker?.lesson;
    if (!lesson) return;
    const wasRunning = lessonStore.getState().running === lesson.id;
    watch(null);
    watch(lesson);
    if (wasRunning) {
      app.getState().setNotice({ tone: 'error', text: `The engine stopped (${reason}) and was restarted: run the lesson again to check it.`, workspace: app.getState().workspace.id });
    }
  });

  // Playing the lesson's text in the sandbox is a run too: its goals are checked (by the lesson's own run) as it starts.
  liveStore.subscribe((s, prev) => {
    const lesson = checker?.lesson;
    if (!lesson || s.startedText === prev.startedText || s.startedText !== app.getState().text) return;
    if (lessonStore.getState().runs[lesson.id]?.text !== s.startedText) void runLesson();
  });

  addEventListener('hashchange', () => void enqueue());
  app.subscribe((s, prev) => {
    if (busy > 0 || s.workspace.id === prev.workspace.id) return;
    const lessonId = lessonOfWorkspace(s.workspace.id);
    const route = parseRoute(location.hash);
    if (route.page === 'list') return;
    if (lessonId !== null && !(route.page === 'lesson' && route.id === lessonId)) location.hash = lessonUrl(lessonId);
    else if (lessonId === null && route.page === 'lesson') location.hash = '#/';
  });

  // A visit without an address returns to where the learner was: their lesson, if a lesson's workspace was open.
  const restored = lessonOfWorkspace(app.getState().workspace.id);
  if (parseRoute(location.hash).page === 'sandbox' && restored !== null && lessonById(restored)) {
    history.replaceState(null, '', lessonUrl(restored));
  }
  await enqueue();
}

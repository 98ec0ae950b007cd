/**
 * What the learner does in a lesson besides editing: reveal the next hint, and go back to the starter (one undo
 * step, so nothing is lost).
 */
import { appStore } from '../state/store.ts';
import type { Lesson } from '../../lessons/index.ts';
import { lessonStore } from './lessonStore.ts';
import { hintShown } from './progress.ts';
import { saveProgress } from './progressKeeper.ts';

/** Shows one more of the lesson's hints; they stay shown on the next visit. */
export function revealHint(lesson: Lesson): void {
  const progress = hintShown(lessonStore.getState().progress, lesson.id, lesson.hints.length, lesson.goals.length, Date.now());
  lessonStore.setState({ progress });
  saveProgress(progress);
}

const undoKey = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z');

/** Replaces the learner's text with the starter, as one undoable step. */
export function resetToStarter(lesson: Lesson): void {
  const s = appStore.getState();
  if (s.text === lesson.starter) return;
  s.edit({ text: lesson.starter, positions: {} });
  s.setNotice({ tone: 'info', text: `The starter is back. Undo (${undoKey()}) brings your text back.`, workspace: s.workspace.id });
}

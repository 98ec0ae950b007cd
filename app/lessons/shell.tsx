/**
 * Where the lessons meet the app's frame, kept here so the shell's files change by a line each: the right-hand
 * column (the lesson on a lesson's address, else what the app puts there), the lessons page, and the top bar's link.
 * The lessons' code loads only when one of their addresses is visited.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useRoute } from './route.ts';
import './shell.css';

const LessonPanel = lazy(() => import('./LessonPanel.tsx'));
const LessonList = lazy(() => import('./LessonList.tsx'));

/** The lesson panel on `#/lessons/<id>`, otherwise `children`. */
export function LessonSide({ children }: { children: ReactNode }) {
  const route = useRoute();
  if (route.page !== 'lesson') return children;
  return (
    <Suspense fallback={<aside className="app-right lesson-panel" />}>
      <LessonPanel id={route.id} />
    </Suspense>
  );
}

/** The lessons page on `#/lessons`. */
export function LessonsPage() {
  const route = useRoute();
  if (route.page !== 'list') return null;
  return (
    <Suspense fallback={<div className="lessons-page" />}>
      <LessonList />
    </Suspense>
  );
}

/** The page the app shows, for its root element's `data-page` (the lesson layout widens the right column). */
export function useAppPage(): string {
  return useRoute().page;
}

/** The top bar's way into the lessons. */
export function LessonsLink() {
  const route = useRoute();
  const here = route.page !== 'sandbox';
  return (
    <a className={`bar-button${here ? ' is-open' : ''}`} href="#/lessons" data-testid="lessons-link" aria-current={route.page === 'list' ? 'page' : undefined}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M2 3.2c2-.9 4-.9 6 .6 2-1.5 4-1.5 6-.6v9.6c-2-.9-4-.9-6 .6-2-1.5-4-1.5-6-.6z M8 3.8v9.6" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      <span className="bar-label">Lessons</span>
    </a>
  );
}

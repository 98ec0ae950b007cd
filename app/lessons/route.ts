/**
 * Where the app is, from the location hash: `#/lessons` is the list, `#/lessons/<id>` a lesson, anything else the
 * sandbox. Small on purpose: it ships in the first load, the lessons themselves load when a route needs them.
 */
import { useSyncExternalStore } from 'react';

export type Route = { page: 'sandbox' } | { page: 'list' } | { page: 'lesson'; id: string };

const LESSON = /^#\/lessons\/([\w-]+)\/?$/;
const LIST = /^#\/lessons\/?$/;

/**
 * Reads a location hash. The id is not checked against the lessons here (they are not loaded yet).
 * @example parseRoute('#/lessons/01-decouple-the-checkout') // { page: 'lesson', id: '01-decouple-the-checkout' }
 */
export function parseRoute(hash: string): Route {
  const lesson = LESSON.exec(hash);
  if (lesson) return { page: 'lesson', id: lesson[1]! };
  return LIST.test(hash) ? { page: 'list' } : { page: 'sandbox' };
}

/** True for the hashes whose page needs the lessons loaded. */
export const isLessonRoute = (hash: string): boolean => parseRoute(hash).page !== 'sandbox';

const WORKSPACE_PREFIX = 'lesson:';

/**
 * The id of the workspace that keeps a learner's text for a lesson.
 * @example lessonWorkspaceId('01-decouple-the-checkout') // 'lesson:01-decouple-the-checkout'
 */
export function lessonWorkspaceId(lessonId: string): string {
  return `${WORKSPACE_PREFIX}${lessonId}`;
}

/** The lesson a workspace belongs to, or null for a sandbox workspace. */
export function lessonOfWorkspace(workspaceId: string): string | null {
  return workspaceId.startsWith(WORKSPACE_PREFIX) ? workspaceId.slice(WORKSPACE_PREFIX.length) : null;
}

const subscribe = (onChange: () => void) => {
  addEventListener('hashchange', onChange);
  return () => removeEventListener('hashchange', onChange);
};
const current = () => location.hash;

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, current, () => '');
  return parseRoute(hash);
}

/** Goes to a route as a link would (a history entry, and a `hashchange`). */
export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

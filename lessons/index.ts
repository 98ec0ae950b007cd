/**
 * The lessons, in order: every folder `lessons/<nn-slug>/` holds `lesson.md`, `starter.mmd`, `solution.mmd` and
 * `goals.ts`. Texts come in through Vite's `?raw`, so the app and the Node tests read the same files.
 */
import type { Goal, LessonRun, Topology } from '../engine/index.ts';
import { readLessonFile } from './lessonFile.ts';
import type { Lesson, LessonModule } from './types.ts';

export type { Lesson, LessonModule } from './types.ts';
export { fillPlaceholders } from './lessonFile.ts';

interface GoalsModule {
  goals: Goal[];
  hints: string[];
  run: LessonRun;
  figures?: (topology: Topology) => Record<string, string>;
}

const texts = import.meta.glob<string>('./*/lesson.md', { query: '?raw', import: 'default', eager: true });
const starters = import.meta.glob<string>('./*/starter.mmd', { query: '?raw', import: 'default', eager: true });
const solutions = import.meta.glob<string>('./*/solution.mmd', { query: '?raw', import: 'default', eager: true });
const goalModules = import.meta.glob<GoalsModule>('./*/goals.ts', { eager: true });

const MODULE_ID = 'foundations';

function load(id: string, number: number): Lesson {
  const at = (files: Record<string, string>, name: string) => {
    const text = files[`./${id}/${name}`];
    if (text === undefined) throw new Error(`lessons/${id} has no ${name}`);
    return text;
  };
  const g = goalModules[`./${id}/goals.ts`];
  if (!g) throw new Error(`lessons/${id} has no goals.ts`);
  const file = readLessonFile(at(texts, 'lesson.md'), `lessons/${id}/lesson.md`);
  return {
    id,
    number,
    module: MODULE_ID,
    ...file,
    starter: at(starters, 'starter.mmd'),
    solution: at(solutions, 'solution.mmd'),
    goals: g.goals,
    hints: g.hints,
    run: g.run,
    figures: g.figures,
  };
}

const ids = Object.keys(texts).map((path) => path.split('/')[1]!).sort();

/** Every lesson of the first module, in order. */
export const LESSONS: Lesson[] = ids.map((id, i) => load(id, i + 1));

export const MODULE: LessonModule = {
  id: MODULE_ID,
  title: 'Events, logs and delivery',
  summary: 'From a synchronous checkout to an event-driven one, and what Kafka does and does not promise on the way: logs, partitions, groups, delivery semantics, replication and failures.',
  lessons: LESSONS,
};

/** The lesson with this id, if any. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/**
 * A lesson's address in the app.
 * @example lessonUrl('01-decouple-the-checkout') // '#/lessons/01-decouple-the-checkout'
 */
export function lessonUrl(id: string): string {
  return `#/lessons/${id}`;
}

/** The lesson id a location hash names (`#/lessons/<id>`), or null. */
export function lessonIdFromHash(hash: string): string | null {
  const m = /^#\/lessons\/([\w-]+)\/?$/.exec(hash);
  return m && lessonById(m[1]!) ? m[1]! : null;
}

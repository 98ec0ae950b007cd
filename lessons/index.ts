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

/**
 * The modules, in order: a module holds the lessons from the folder numbered `first` up to the next module's first,
 * and those its `also` names. A lesson's `number` is its place in its module.
 */
const MODULE_DEFS: (Omit<LessonModule, 'lessons'> & { first: number; also?: number[] })[] = [
  {
    id: 'foundations',
    first: 1,
    title: 'Events, logs and delivery',
    summary: 'From a synchronous checkout to an event-driven one, and what Kafka does and does not promise on the way: logs, partitions, groups, delivery semantics, replication and failures.',
  },
  {
    id: 'queues',
    first: 9,
    title: 'Queues and routing',
    summary: 'RabbitMQ beside Kafka: what a queue forgets that a log keeps, exchanges that route each event to the queues that need it, sharing work fairly, dead letters and expiry, and when a message counts as done.',
  },
  {
    id: 'reliable',
    first: 14,
    // Lessons numbered after the next module's first that belong here all the same (numbers are addresses, kept).
    also: [17, 19],
    title: 'Reliable delivery',
    summary: 'Getting an event out of a service and into another exactly as often as it should be: the dual write that loses events when a service dies between its two writes, the transactional outbox that makes the event part of the transaction, the inbox that turns the duplicates every relay and redelivery produce into no-ops, Kafka transactions that make a service reading one topic and writing another count each event once, and retries that keep a key\'s order where it matters and stay out of the way where it does not.',
  },
  {
    id: 'patterns',
    first: 16,
    also: [24],
    title: 'Patterns',
    summary: 'Patterns that span services: a saga that runs an order as local transactions and undoes the done steps in reverse order when one is rejected, keeps its state across its own crash, and retries what is only a technical failure; the same saga choreographed, where an event lost with a crashed service leaves an order half done that nobody knows of, against an orchestrator that lists every unfinished saga and sees it through; state rebuilt from events, kept fast with snapshots and readable across versions; and read models that let a client read its own writes where it matters.',
  },
  {
    id: 'contracts',
    first: 22,
    title: 'Contracts that evolve',
    summary: 'Events outlive the code that wrote them: a schema registry that checks each new version against the old ones, Avro resolving what a writer wrote against what a reader expects, and changes that keep old and new services working while they are upgraded one by one.',
  },
];

function moduleIndexOf(id: string): number {
  const n = Number(/^(\d+)-/.exec(id)?.[1] ?? NaN);
  const claimed = MODULE_DEFS.findIndex((m) => m.also?.includes(n));
  if (claimed >= 0) return claimed;
  let i = 0;
  while (i + 1 < MODULE_DEFS.length && n >= MODULE_DEFS[i + 1]!.first) i++;
  return i;
}

function load(id: string, module: string, number: number): Lesson {
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
    module,
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

/** Every module with its lessons, in order. */
export const MODULES: LessonModule[] = MODULE_DEFS.map((def, i) => {
  const { id, title, summary } = def;
  const mine = ids.filter((l) => moduleIndexOf(l) === i);
  return { id, title, summary, lessons: mine.map((l, k) => load(l, id, k + 1)) };
});

/** Every lesson of every module, in order. */
export const LESSONS: Lesson[] = MODULES.flatMap((m) => m.lessons);

/** The first module. */
export const MODULE: LessonModule = MODULES[0]!;

/** The module a lesson belongs to. */
export function moduleOf(lesson: Lesson): LessonModule {
  return MODULES.find((m) => m.id === lesson.module)!;
}

/** The lesson before this one and the one after it, across modules; undefined at either end. */
export function neighbours(lesson: Lesson): { prev: Lesson | undefined; next: Lesson | undefined } {
  const i = LESSONS.indexOf(lesson);
  return { prev: i > 0 ? LESSONS[i - 1] : undefined, next: i >= 0 ? LESSONS[i + 1] : undefined };
}

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

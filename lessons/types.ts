/**
 * A lesson as the app shows it: the reading beside the sandbox, the starter to load, the goals to check live, hints
 * in order, and the solution to compare against. Everything but `figures` is plain data.
 */
import type { LessonGoals, Topology } from '../engine/index.ts';

export interface Lesson extends LessonGoals {
  /** `01-decouple-the-checkout`: the folder name, and the URL `#/lessons/<id>`. */
  id: string;
  /** Position in the module, from 1. */
  number: number;
  /** Id of the module the lesson belongs to. */
  module: string;
  title: string;
  /** What the learner can do after the lesson, one sentence each. */
  objectives: string[];
  /** Markdown with ```mermaid diagrams and `{{name}}` placeholders that `figures` fills. */
  reading: string;
  /** Topology text the sandbox starts from. */
  starter: string;
  /** A topology text that passes every goal. */
  solution: string;
  /** Ordered from a nudge to the answer. */
  hints: string[];
  /** Values for the reading's placeholders, computed from the learner's topology. */
  figures?: (topology: Topology) => Record<string, string>;
}

export interface LessonModule {
  id: string;
  title: string;
  summary: string;
  lessons: Lesson[];
}

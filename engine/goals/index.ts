/**
 * Lesson goals: data the worker can receive, and the evaluator that judges a topology text against them.
 */
export { evaluateLesson, type EvaluateOptions } from './evaluate.ts';
export { expandFaults, matchNodes, matcherName } from './match.ts';
export { failureCause } from './checkouts.ts';
export { isSearch, isStructural } from './types.ts';
export { runSearchGoal, survivesSearch } from './survives.ts';
export type {
  BehaviouralCheck,
  Check,
  Counterexample,
  Goal,
  GoalResult,
  LessonEvaluation,
  LessonGoals,
  LessonRun,
  Matcher,
  MessageRef,
  SearchCheck,
  StructuralCheck,
} from './types.ts';

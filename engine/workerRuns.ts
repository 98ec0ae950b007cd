/**
 * The worker's heavier half, loaded on first use (engine/worker.ts): the families, the live simulation and the lesson
 * goals. Parsing and layout, which the first screen waits for, need none of it, so the worker's first download does
 * not carry it (issue 18 §1).
 */
import { FAMILIES } from './components.ts';
import { evaluateLesson as evaluate } from './goals/evaluate.ts';
import { simHost } from './live/host.ts';

/** What the families need loaded for `text` (engine/family.ts `prepare`), loaded. */
export async function prepare(text: string): Promise<void> {
  await Promise.all(FAMILIES.map((f) => f.prepare?.(text)));
}

export { simHost };

export async function start(...args: Parameters<typeof simHost.start>): Promise<ReturnType<typeof simHost.start>> {
  await prepare(args[0]);
  return simHost.start(...args);
}

export async function evaluateLesson(...args: Parameters<typeof evaluate>): Promise<ReturnType<typeof evaluate>> {
  await prepare(args[0]);
  return evaluate(...args);
}

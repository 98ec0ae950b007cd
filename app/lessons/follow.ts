/**
 * From a goal's counterexample to the thing itself: a node or an edge is selected and ringed on the canvas; a message
 * brings the lesson's own run (same text, seed and faults, so the same message ids) into the live player, stands it
 * just after the message was sent, and highlights it.
 */
import type { LessonEvaluation, MessageRef } from '../../engine/index.ts';
import { openTrace } from '../observe/index.ts';
import { liveStore, player } from '../sim/index.ts';
import { appStore } from '../state/store.ts';
import type { Lesson } from '../../lessons/index.ts';
import { lessonStore } from './lessonStore.ts';

/** Selects a node for the inspector and rings it on the canvas. */
export function showNode(id: string): void {
  appStore.getState().select({ nodes: [id], edges: [] });
  liveStore.setState({ highlight: { label: id, messages: [], nodes: [id] } });
  lessonStore.setState({ tab: 'inspector' });
}

/** Selects an edge for the inspector and rings its two ends. */
export function showEdge(id: string): void {
  const edge = appStore.getState().good?.topology.edges.find((e) => e.id === id);
  appStore.getState().select({ nodes: [], edges: [id] });
  liveStore.setState({ highlight: { label: id, messages: [], nodes: edge ? [edge.from, edge.to] : [] } });
  lessonStore.setState({ tab: 'inspector' });
}

/** True when the live player holds exactly this lesson run of this text. */
function holdsRun(text: string, lesson: Lesson, faults: string[]): boolean {
  const s = liveStore.getState();
  const same = s.schedule.length === faults.length && s.schedule.every((l, i) => l === faults[i]);
  return s.frame !== null && s.startedText === text && s.seed === lesson.run.seed && same;
}

/**
 * Loads the run a check made into the live player (paused at 0 unless `play`), unless it holds it already.
 * @example await watchRun(text, lesson, evaluation, { play: true })
 */
export async function watchRun(text: string, lesson: Lesson, evaluation: LessonEvaluation, { play = false } = {}): Promise<boolean> {
  const faults = evaluation.faults.map((f) => f.line);
  if (!holdsRun(text, lesson, faults)) await player.start(text, { seed: lesson.run.seed, schedule: faults });
  const ok = liveStore.getState().frame !== null;
  if (ok && play) player.play();
  return ok;
}

/** Simulated time shown past a message's send, so its first hops are on the canvas. */
const AFTER_SEND_US = 500_000;

/** Opens a counterexample's message in the lesson's run and highlights it, with the nodes the goal names. */
export async function followMessage(ref: MessageRef, nodes: string[], text: string, lesson: Lesson, evaluation: LessonEvaluation): Promise<void> {
  if (!(await watchRun(text, lesson, evaluation))) {
    appStore.getState().setNotice({ tone: 'error', text: `The run could not start: ${liveStore.getState().error ?? 'unknown reason'}.` });
    return;
  }
  if (ref.atS !== undefined) await player.seek(Math.round(ref.atS * 1e6) + AFTER_SEND_US);
  liveStore.setState({ highlight: { label: `#${ref.id}`, messages: [ref.id], nodes } });
  // Its story in the trace: where it went, and where it stopped.
  openTrace({ kind: 'message', id: ref.id });
}

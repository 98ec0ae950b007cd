/**
 * One goal: its sentence, whether it passes, and why, with the counterexample to follow. Only the first goal that
 * needs work shows its reasons unasked, so the list stays short enough to keep beside the reading.
 */
import { useState } from 'react';
import type { LessonEvaluation } from '../../engine/index.ts';
import type { Lesson } from '../../lessons/index.ts';
import { Counterexample } from './Counterexample.tsx';
import type { GoalState, GoalView } from './goalStatus.ts';

const LABEL: Record<GoalState, string> = {
  pass: 'passes',
  fail: 'fails',
  unchecked: 'not checked yet',
  stale: 'checked on an earlier text',
};

/** An explanation with its `backticked` settings set as code, as the engine writes them. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function StatusIcon({ state, busy }: { state: GoalState; busy: boolean }) {
  if (busy) return <span className="goal-icon is-busy" aria-hidden="true" />;
  return (
    <svg className={`goal-icon is-${state}`} width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <circle cx="9" cy="9" r="8" />
      {state === 'pass' && <path d="M5 9.2 7.7 12 13 6.4" />}
      {state === 'fail' && <path d="M6 6l6 6M12 6l-6 6" />}
      {state === 'stale' && <path d="M9 5v4.5l3 1.8" />}
    </svg>
  );
}

interface Props {
  view: GoalView;
  lesson: Lesson;
  /** A run is under way; behavioural goals wait for it. */
  running: boolean;
  /** The run behind behavioural results, with the text it ran. */
  run: { text: string; evaluation: LessonEvaluation } | null;
  /** Shows the reasons until folded (the first goal that needs work); otherwise they wait for a click. */
  unfolded: boolean;
}

export function GoalRow({ view, lesson, running, run, unfolded }: Props) {
  const { goal, state, result, behavioural } = view;
  const [open, setOpen] = useState<boolean | null>(null);
  const expanded = open ?? unfolded;
  const busy = running && behavioural;
  const detail = result && result.explanation;
  return (
    <li className={`goal is-${state}`} data-testid={`goal-${goal.id}`} data-state={state}>
      <button type="button" className="goal-head" aria-expanded={expanded} onClick={() => setOpen(!expanded)} disabled={!detail}>
        <StatusIcon state={state} busy={busy} />
        <span className="goal-text">{goal.text}</span>
        <span className="visually-hidden">: {busy ? 'running' : LABEL[state]}</span>
        <span className={`goal-kind${behavioural ? ' is-run' : ''}`} title={behavioural ? 'Checked by running the lesson' : 'Checked as you edit'}>
          {behavioural ? 'run' : 'text'}
        </span>
      </button>
      {expanded && detail && (
        <div className="goal-detail">
          {state === 'stale' && <p className="goal-stale">The text has changed since this run: run again to check it.</p>}
          <p className="goal-explanation" data-testid="goal-explanation">
            {withCode(result.explanation)}
          </p>
          {result.counterexample && !result.pass && (
            <Counterexample example={result.counterexample} lesson={lesson} run={behavioural && state === 'fail' ? run : null} />
          )}
        </div>
      )}
    </li>
  );
}

/**
 * When the learner edits the text during a run: the run goes on with the old text, and this strip offers a fresh
 * run, or, when only settings changed, a fork that applies them from the current moment (the engine may still
 * refuse a change it cannot make live, such as a new partition count, and its reason is shown).
 */
import { useState } from 'react';
import { useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { forkWithText, resetRun } from './actions.ts';
import { structureOf } from './structure.ts';

export function TextChanged() {
  const good = useApp((s) => s.good);
  const startedText = useLive((s) => s.startedText);
  const startedStructure = useLive((s) => s.startedStructure);
  const on = useLive((s) => s.status === 'playing' || s.status === 'paused');
  const [refusal, setRefusal] = useState<{ text: string; note: string } | null>(null);
  if (!on || !good || startedText === null || good.text === startedText) return null;
  const settingsOnly = startedStructure === structureOf(good.topology);
  const refused = refusal?.text === good.text ? refusal.note : null;
  return (
    <div className="text-changed" role="status" data-testid="text-changed">
      <span className="text-changed-text">
        {refused ? (
          <>
            <strong>Cannot fork:</strong> <span data-testid="fork-refused">{refused}</span>. Restart to run the new text.
          </>
        ) : settingsOnly ? (
          'The settings changed since this run started.'
        ) : (
          'The drawing changed since this run started: restart to simulate it.'
        )}
      </span>
      {settingsOnly && !refused && (
        <button
          type="button"
          className="text-changed-action"
          title="Apply the new settings from the current moment; anything after it is discarded"
          data-testid="fork"
          onClick={() => void forkWithText().then((r) => setRefusal(r.ok ? null : { text: good.text, note: r.note }))}
        >
          Fork from here
        </button>
      )}
      <button type="button" className="text-changed-action is-primary" title="Start over from 0 s with the new text" data-testid="restart" onClick={() => void resetRun()}>
        Restart
      </button>
    </div>
  );
}

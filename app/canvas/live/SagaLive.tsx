/**
 * The saga family's live row, on an orchestrator's node (or a choreography's first service): whether it is up, the
 * sagas running, completed and compensated, and those stuck or left half done (the checker's findings).
 */
import { memo, useDeferredValue } from 'react';
import type { NodeLives } from '../../../engine/index.ts';
import { compact } from './format.ts';
import { Idle, UpChip } from './rows.tsx';
import { useNodeLive } from './useLiveNode.ts';

export function SagaLive({ id }: { id: string }) {
  return <SagaRow id={id} s={useDeferredValue(useNodeLive(id, 'saga'))} />;
}

const SagaRow = memo(function SagaRow({ id, s }: { id: string; s: NodeLives['saga'] | undefined }) {
  if (!s) return <Idle />;
  const bad = s.halfDone + s.stuck;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <UpChip up={s.up} />
      <span className="live-chip" title={`${s.started} sagas started (${s.mode}): ${s.running} running, ${s.compensating} compensating`} data-testid="live-sagas-running">
        ⇄ {compact(s.running + s.compensating)}
      </span>
      <span className="live-chip is-good" title={`${s.completed} sagas completed: every step done`} data-testid="live-sagas-completed">
        ✓ {compact(s.completed)}
      </span>
      <span className="live-chip" title={`${s.compensated} sagas compensated: a step was rejected and the done steps were undone`} data-testid="live-sagas-compensated">
        ↩ {compact(s.compensated)}
      </span>
      {bad > 0 && (
        <span className={`live-chip ${s.halfDone > 0 ? 'is-bad' : 'is-warn'}`} title={`${s.halfDone} sagas left half done (a step done, a later one not, no compensation coming); ${s.stuck} stuck`} data-testid="live-sagas-bad">
          ✕ {compact(bad)}
        </span>
      )}
    </div>
  );
});

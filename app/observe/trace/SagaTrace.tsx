/**
 * One saga across its services in the trace: the spacetime diagram of its commands, replies and compensations (in a
 * choreography, its events from service to service), and beside it the same moves in order with their times and what
 * each service did. It stays current while the simulation plays (a saga still running grows to the right).
 */
import { useMemo } from 'react';
import type { SagaPath } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatTime } from '../format.ts';
import { useLiveQuery } from '../useLiveQuery.ts';
import { SpacetimeDiagram } from './SpacetimeDiagram.tsx';
import { layoutSaga } from './sagaSpacetime.ts';

const ask = (id: number) => engine.sim.inspect('sagas', 'path', id) as Promise<SagaPath | null>;

/** One row per mark and per move, in time order, a mark before a move of the same moment (a step is done, then its reply leaves). */
function rows(p: SagaPath): { atMs: number; text: string; bad: boolean }[] {
  const out = [
    ...p.marks.map((m) => ({ atMs: m.atMs, text: `${p.lanes[m.lane]}: ${m.what}`, bad: /lost|failed|timeout|forgotten|rejected/.test(m.what) })),
    ...p.moves.map((m) => ({
      atMs: m.sentMs,
      text: `${p.lanes[m.from]} → ${p.lanes[m.to]}: ${m.kind}${m.kind === 'reply' ? '' : ` (${m.step})`}${m.arrivedMs === null ? ', never arrived' : `, arrived after ${(m.arrivedMs - m.sentMs).toFixed(1)} ms`}`,
      bad: m.arrivedMs === null,
    })),
  ];
  return out.sort((a, b) => a.atMs - b.atMs);
}

export function SagaTrace({ id, fitWidth }: { id: number; fitWidth: number }) {
  const { data: path, pending } = useLiveQuery(() => ask(id), [id], 1000);
  const layout = useMemo(() => (path ? layoutSaga(path) : null), [path]);
  if (pending && !path) return <div className="observe-empty">reading the trace…</div>;
  if (!path || !layout) return <div className="observe-empty">No saga #{id}.</div>;
  return (
    <>
      <SpacetimeDiagram layout={layout} selected={null} onPick={() => {}} fitWidth={Math.max(300, fitWidth - 260)} />
      <div className="message-card saga-card" data-testid="saga-trace-card">
        <h4>
          saga #{path.saga} <span>{path.mode} by {path.flow}</span>
          {(path.verdict === 'half done' || path.verdict === 'stuck') && <em className="message-lost">{path.verdict}</em>}
        </h4>
        <dl>
          <dt>outcome</dt>
          <dd>{path.verdict}</dd>
          <dt>steps</dt>
          <dd>{path.steps.map((s) => `${s.node} ${s.effect}`).join(', ')}</dd>
        </dl>
        <ol className="saga-moves" data-testid="saga-trace-moves">
          {rows(path).map((r, i) => (
            <li key={i} className={r.bad ? 'is-bad' : ''}>
              <span className="is-mono">{formatTime(r.atMs * 1000)}</span> {r.text}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

/**
 * A saga orchestrator (or a choreography's first service) in the inspector during a run: its sagas by outcome, the
 * latest ones that did not simply complete (compensated, stuck, left half done), and one saga's steps on a timeline:
 * each command, reply, rejection, timeout and compensation, in order; `trace` follows it across its services in the
 * trace panel.
 */
import { useState } from 'react';
import type { NodeLives, SagaDetail, SagaFinding } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatTime } from '../../observe/format.ts';
import { openTrace } from '../../observe/observeStore.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const recent = (flow: number) => engine.sim.inspect('sagas', 'recent', flow) as Promise<SagaFinding[]>;
const detail = (id: number) => engine.sim.inspect('sagas', 'saga', id) as Promise<SagaDetail | null>;

const TONE: Record<string, string> = { 'half done': 'is-bad', stuck: 'is-bad' };
/** Timeline entries that are a failure: a rejection, a timeout, a failed transaction or compensation, a lost saga. */
const BAD = new Set(['rejected', 'timeout', 'failed', 'undo failed', 'lost', 'forgotten']);

export function SagaSection({ live }: { live: NodeLives['saga'] }) {
  const list = useLiveQuery(`sagas:${live.id}`, () => recent(live.id));
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked ?? list?.[0]?.saga ?? null;
  const d = useLiveQuery(shown === null ? null : `saga:${shown}`, () => detail(shown!));
  return (
    <>
      <dl className="live-facts" data-testid="saga-detail">
        {live.mode === 'orchestrated' && (
          <>
            <dt>state</dt>
            <dd className={live.up ? '' : 'is-bad'}>{live.up ? 'running' : 'crashed'}</dd>
          </>
        )}
        <dt>sagas</dt>
        <dd>
          {live.started} started ({live.mode}): {live.running} running, {live.compensating} compensating
        </dd>
        <dt>ended</dt>
        <dd>
          {live.completed} completed, {live.compensated} compensated
        </dd>
        {live.halfDone + live.stuck > 0 && (
          <>
            <dt>checker</dt>
            <dd className={live.halfDone > 0 ? 'is-bad' : 'is-warn'} data-testid="saga-findings">
              {live.halfDone} left half done, {live.stuck} stuck
            </dd>
          </>
        )}
      </dl>
      {list && list.length > 0 && (
        <table className="live-table" data-testid="saga-list">
          <thead>
            <tr>
              <th>saga</th>
              <th>outcome</th>
              <th>steps</th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.saga} className={x.saga === shown ? 'is-held' : ''}>
                <td>
                  <button type="button" className="link-button" title="Show its timeline" onClick={() => setPicked(x.saga)} data-testid="saga-pick">
                    #{x.saga}
                  </button>
                </td>
                <td className={TONE[x.verdict] ?? ''}>{x.verdict}</td>
                <td>{x.steps.map((s) => `${s.node} ${s.effect}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d && (
        <table className="live-table" data-testid="saga-timeline">
          <thead>
            <tr>
              <th>
                saga #{d.saga}{' '}
                <button type="button" className="link-button" title="Follow this saga across its services in the trace" onClick={() => openTrace({ kind: 'saga', id: d.saga })} data-testid="saga-trace">
                  trace
                </button>
              </th>
              <th>what</th>
              <th>step</th>
            </tr>
          </thead>
          <tbody>
            {d.timeline.map((e, i) => (
              <tr key={i}>
                <td>{formatTime(e.atMs * 1000)}</td>
                <td className={BAD.has(e.what) ? 'is-bad' : ''}>{e.what}</td>
                <td>{e.step}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

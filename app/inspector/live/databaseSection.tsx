/**
 * A database in the inspector during a run: up or down, rows and commits, what crashes rolled back or lost, the
 * transactions open now and the newest rows (each links to its story).
 */
import type { DatabaseDetail, NodeLives } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatTime } from '../../observe/format.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const databaseDetail = (id: number) => engine.sim.inspect('stores', 'database', id) as Promise<DatabaseDetail | null>;

export function DatabaseSection({ live }: { live: NodeLives['database'] }) {
  const d = useLiveQuery(`database:${live.id}`, () => databaseDetail(live.id));
  return (
    <>
      <dl className="live-facts" data-testid="database-detail">
        <dt>state</dt>
        <dd className={live.up ? '' : 'is-bad'}>{live.up ? 'running' : 'crashed'}</dd>
        <dt>rows</dt>
        <dd>
          {live.rows} committed{live.unflushed > 0 ? `, ${live.unflushed} not yet flushed` : ''}
        </dd>
        <dt>transactions</dt>
        <dd>
          {live.commits} committed, {live.open} open, {live.refused} refused · {live.txPerSecond}/s
        </dd>
        {live.rolledBack + live.lostUnflushed > 0 && (
          <>
            <dt>crashes cost</dt>
            <dd className="is-bad">
              {live.rolledBack} open transactions rolled back{live.lostUnflushed > 0 ? `, ${live.lostUnflushed} committed rows lost (synchronous_commit=off)` : ''}
            </dd>
          </>
        )}
        {d && (
          <>
            <dt>settings</dt>
            <dd>
              transaction {d.config.transaction} · max_connections {d.config.maxConnections} · synchronous_commit {d.config.synchronousCommit ? 'on' : `off (flushed every ${d.config.walWriterDelayMs} ms)`}
            </dd>
          </>
        )}
      </dl>
      {d && d.recent.length > 0 && (
        <table className="live-table" data-testid="database-rows">
          <thead>
            <tr>
              <th>row</th>
              <th>key</th>
              <th>committed</th>
            </tr>
          </thead>
          <tbody>
            {d.recent.map((r) => (
              <tr key={r.id}>
                <td>
                  #{r.id} {r.type}
                </td>
                <td>{r.key ?? '–'}</td>
                <td title={r.flushed ? 'on disk' : 'committed, not yet flushed: a crash now loses it'}>
                  {formatTime(r.committedAt)}
                  {r.flushed ? '' : ' (in memory)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * One partition during a run: its leader and in-sync replicas, its log as a strip (segments, high watermark, each
 * group's committed position), how far each replica has copied, and the latest records.
 */
import { partitionDetail } from './kafkaQueries.ts';
import { partitionState } from '../../canvas/live/PartitionCells.tsx';
import { closePartition } from './focus.ts';
import { groupColor, LogStrip } from './LogStrip.tsx';
import { useLiveQuery } from './useLiveQuery.ts';

const stateWords = { ok: 'all replicas in sync', under: 'under-replicated', offline: 'offline: no leader' };

export function PartitionInspector({ pid, back }: { pid: number; back: string }) {
  const d = useLiveQuery(`partition:${pid}`, () => partitionDetail(pid));
  if (!d) return <p className="muted small">Reading the partition…</p>;
  const p = d.partition;
  const state = partitionState(p);
  return (
    <div className="live-inspector" data-testid="partition-inspector">
      <button type="button" className="link-button back-link" onClick={closePartition} data-testid="partition-back">
        ← {back}
      </button>
      <header className="inspector-head">
        <div>
          <h2 data-testid="inspector-title">
            {p.topic}-{p.index}
          </h2>
          <p className="muted small">
            <span className={`live-state is-${state}`} data-testid="partition-state">
              {stateWords[state]}
            </span>
          </p>
        </div>
      </header>
      <section>
        <dl className="live-facts">
          <dt>leader</dt>
          <dd data-testid="partition-leader">{p.offline ? 'none' : `broker ${p.leader}`}</dd>
          <dt>in sync</dt>
          <dd data-testid="partition-isr">{p.isr.length > 0 ? p.isr.join(', ') : 'none'}</dd>
          <dt>replicas</dt>
          <dd>{p.replicas.join(', ')}</dd>
        </dl>
      </section>
      <section>
        <label className="section-label">Log</label>
        <LogStrip detail={d} />
        {d.groups.length > 0 && (
          <ul className="live-legend">
            {d.groups.map((g, i) => (
              <li key={g.group}>
                <i style={{ background: groupColor(i) }} />
                <span>{g.group}</span>
                <span className="muted">
                  {g.committed < 0 ? 'nothing committed yet' : `committed ${g.committed} · lag ${g.lag}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <label className="section-label">Replicas</label>
        <table className="live-table" data-testid="partition-replicas">
          <thead>
            <tr>
              <th>broker</th>
              <th>log end</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {d.replicas.map((r) => (
              <tr key={r.broker} className={r.inSync ? '' : 'is-out'}>
                <td>
                  {r.broker}
                  {r.broker === p.leader && <span className="live-tag">leader</span>}
                </td>
                <td>{r.end}</td>
                <td>{r.inSync ? 'in sync' : `out of sync${p.logEnd > r.end ? `, ${p.logEnd - r.end} behind` : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <label className="section-label">Latest records</label>
        <table className="live-table is-records">
          <thead>
            <tr>
              <th>offset</th>
              <th>message</th>
              <th>key</th>
            </tr>
          </thead>
          <tbody>
            {d.recent.slice(-12).reverse().map((r) => (
              <tr key={r.offset} className={r.offset >= p.highWatermark ? 'is-uncommitted' : ''}>
                <td>{r.offset}</td>
                <td>{r.message === 0 ? 'txn marker' : `#${r.message}`}</td>
                <td>{r.key ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/**
 * An event store in the inspector during a run: its streams (the longest first) with what loading each replays with
 * and without its snapshot, and one aggregate's stream: its events in order, the version each was written in, and
 * the state the fold reaches after each.
 */
import { useState } from 'react';
import type { AggregateDetail, EventStoreDetail, NodeLives } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatTime } from '../../observe/format.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const storeDetail = (id: number) => engine.sim.inspect('eventstore', 'eventstore', id) as Promise<EventStoreDetail | null>;
const aggregate = (key: number) => engine.sim.inspect('eventstore', 'aggregate', key) as Promise<AggregateDetail | null>;

const state = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([type, n]) => `${type} ×${n}`)
    .join(', ') || 'empty';

export function EventStoreSection({ live }: { live: NodeLives['eventstore'] }) {
  const d = useLiveQuery(`eventstore:${live.id}`, () => storeDetail(live.id));
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked ?? d?.streams[0]?.key ?? null;
  const a = useLiveQuery(shown === null ? null : `aggregate:${shown}`, () => aggregate(shown!));
  const st = d?.stats;
  return (
    <>
      <dl className="live-facts" data-testid="eventstore-detail">
        <dt>state</dt>
        <dd className={live.up ? '' : 'is-bad'}>{live.up ? 'running' : 'crashed'}</dd>
        <dt>events</dt>
        <dd>
          {live.events} in {live.streams} streams, never changed or deleted
        </dd>
        <dt>appends</dt>
        <dd className={live.rejected > 0 ? 'is-warn' : ''}>
          {st?.appends ?? 0} written, {live.conflicts} refused for a wrong expected version ({live.rejected} commands failed on it)
        </dd>
        {st && (
          <>
            <dt>loads</dt>
            <dd data-testid="eventstore-loads">
              {st.loads} loads replayed {st.replayed} events ({st.replayedWithout} without snapshots); {live.snapshots} snapshots
              {d.snapshotEvery > 0 ? `, one every ${d.snapshotEvery} events` : ''}
            </dd>
          </>
        )}
        {st && st.upcast + st.unreadable > 0 && (
          <>
            <dt>versions</dt>
            <dd className={st.unreadable > 0 ? 'is-bad' : ''}>
              {st.upcast} older events upcast on load, {st.unreadable} commands failed on an unreadable version
            </dd>
          </>
        )}
      </dl>
      {d && d.streams.length > 0 && (
        <table className="live-table" data-testid="eventstore-streams">
          <thead>
            <tr>
              <th>stream</th>
              <th>version</th>
              <th title="The version of its latest snapshot">snapshot</th>
              <th title="Events a load of it replays now (from its snapshot, if it has one)">replays</th>
            </tr>
          </thead>
          <tbody>
            {d.streams.slice(0, 8).map((s) => (
              <tr key={s.key} className={s.key === shown ? 'is-held' : ''}>
                <td>
                  <button type="button" className="link-button" title="Show its events and the state after each" onClick={() => setPicked(s.key)} data-testid="stream-pick">
                    {s.stream ?? `#${s.key}`}
                  </button>
                </td>
                <td>{s.version}</td>
                <td>{s.snapshotAt > 0 ? s.snapshotAt : '–'}</td>
                <td title={`${s.replayWithout} without the snapshot`}>{s.replayWith}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a && (
        <table className="live-table" data-testid="aggregate-events">
          <thead>
            <tr>
              <th>{a.stream}</th>
              <th>event</th>
              <th>at</th>
              <th>state after it</th>
            </tr>
          </thead>
          <tbody>
            {a.events.slice(-12).map((e) => (
              <tr key={e.version} className={a.snapshot?.version === e.version ? 'is-held' : ''} title={a.snapshot?.version === e.version ? 'the snapshot is of the state after this event' : undefined}>
                <td>v{e.version}</td>
                <td>
                  #{e.id} {e.type}
                  {e.schema > 1 ? ` (version ${e.schema})` : ''}
                </td>
                <td>{formatTime(e.at)}</td>
                <td>{state(e.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a && (
        <p className="live-note" data-testid="aggregate-load">
          A load now replays {a.fromSnapshot.replayed} events from {a.snapshot ? `the snapshot at version ${a.snapshot.version}` : 'the start'}
          {a.snapshot ? ` (${a.fromStart.replayed} from the start)` : ''}
          {a.snapshot ? (state(a.fromSnapshot.state) === state(a.fromStart.state) ? ', and reaches the same state either way.' : ': the two states differ.') : '.'}
        </p>
      )}
    </>
  );
}

/**
 * A database's live row: up or down, its rows, commits per second, and what a crash would cost or did cost (rows
 * committed but not yet flushed, transactions rolled back).
 */
import { memo, useDeferredValue } from 'react';
import type { NodeLives } from '../../../engine/index.ts';
import { compact } from './format.ts';
import { Idle, UpChip } from './rows.tsx';
import { useNodeLive } from './useLiveNode.ts';

export function DatabaseLive({ id }: { id: string }) {
  return <DatabaseRow id={id} d={useDeferredValue(useNodeLive(id, 'database'))} />;
}

const DatabaseRow = memo(function DatabaseRow({ id, d }: { id: string; d: NodeLives['database'] | undefined }) {
  if (!d) return <Idle />;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <UpChip up={d.up} />
      <span className="live-chip" title={`${d.rows} committed rows${d.unflushed ? `, ${d.unflushed} of them not yet flushed to disk` : ''}`} data-testid="live-rows">
        {compact(d.rows)} rows
      </span>
      <span className="live-chip" title="Transactions committed in the last simulated second" data-testid="live-tps">
        {compact(d.txPerSecond)} tx/s
      </span>
      {d.rolledBack + d.lostUnflushed > 0 && (
        <span className="live-chip is-bad" title={`${d.rolledBack} open transactions rolled back by a crash; ${d.lostUnflushed} committed rows lost before they were flushed`} data-testid="live-rolled-back">
          ✕ {compact(d.rolledBack + d.lostUnflushed)}
        </span>
      )}
      {d.slowMs > 0 && <span className="live-chip is-warn">+{d.slowMs}ms</span>}
    </div>
  );
});

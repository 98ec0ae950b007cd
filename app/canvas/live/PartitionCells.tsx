/**
 * A row of partitions, one cell each: the partition's number, then one dot per replica (filled when in sync, ringed
 * for the leader). An under-replicated partition is amber, an offline one red and struck. Narrow rows drop the
 * numbers, then the dots, down to plain coloured bars. A click opens the partition in the inspector.
 */
import { useNodeId } from '@xyflow/react';
import type { PartitionLive } from '../../../engine/index.ts';
import { nodeMetrics } from '../../../engine/ui.ts';
import { inspectPartition } from '../../inspector/live/focus.ts';
import { compact } from './format.ts';

/** Above WIDE_PX a cell also shows its high watermark and log end; below FULL_PX it drops its number, then its dots. */
const WIDE_PX = 96;
const FULL_PX = 38;
const DOTS_PX = 20;

/** How a partition is doing: the colour of its cell. */
export function partitionState(p: PartitionLive): 'offline' | 'under' | 'ok' {
  return p.offline ? 'offline' : p.isr.length < p.replicas.length ? 'under' : 'ok';
}

export function partitionTitle(p: PartitionLive): string {
  const where = p.offline ? 'offline: no in-sync replica to lead it' : `leader broker ${p.leader}`;
  return `${p.topic}-${p.index} · ${where} · in sync ${p.isr.join(', ') || 'none'} of ${p.replicas.join(', ')} · log end ${p.logEnd} · high watermark ${p.highWatermark}`;
}

export function PartitionCells({ partitions, width }: { partitions: readonly PartitionLive[]; width: number }) {
  const node = useNodeId();
  const room = width - 2 * nodeMetrics.paddingX - 4;
  const per = room / Math.max(1, partitions.length) - 3;
  const density = per >= WIDE_PX ? 'wide' : per >= FULL_PX ? 'full' : per >= DOTS_PX ? 'dots' : 'bars';
  return (
    <div className={`pcells is-${density}`} data-testid="partitions">
      {partitions.map((p) => (
        <button
          key={p.id}
          type="button"
          className={`pcell is-${partitionState(p)}`}
          title={partitionTitle(p)}
          data-testid={`partition-${p.topic}-${p.index}`}
          data-leader={p.leader}
          data-isr={p.isr.join(',')}
          onClick={() => node && inspectPartition(node, p.id)}
        >
          {(density === 'full' || density === 'wide') && <span className="pcell-index">{p.index}</span>}
          {density !== 'bars' && (
            <span className="pcell-replicas">
              {p.replicas.map((b) => (
                <i key={b} className={`pcell-replica${p.isr.includes(b) ? ' is-sync' : ''}${b === p.leader ? ' is-leader' : ''}`} />
              ))}
            </span>
          )}
          {density === 'wide' && (
            <span className="pcell-offsets">
              {compact(p.highWatermark)}
              {p.logEnd !== p.highWatermark && `/${compact(p.logEnd)}`}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

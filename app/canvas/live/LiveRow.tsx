/**
 * The live rows under a node's caption: what the simulation says about it right now, drawn by the component the
 * registry names for the type of its live state (registry.ts), or idle rows of the right height before a run.
 */
import { memo } from 'react';
import type { TopologyNode } from '../../../engine/index.ts';
import { liveRows } from '../../../engine/ui.ts';
import { LIVE_ROWS } from './registry.ts';
import { useLiveType } from './useLiveNode.ts';
import './live.css';

export const LiveRow = memo(function LiveRow({ node, width }: { node: TopologyNode; width: number }) {
  const rows = liveRows(node.kind);
  const type = useLiveType(node.id);
  if (rows === 0) return null;
  const Row = type ? LIVE_ROWS[type] : undefined;
  if (Row) return <Row id={node.id} width={width} />;
  return rows === 2 ? (
    <>
      <div className="live-row is-idle">starts with the run</div>
      <div className="live-row is-idle" />
    </>
  ) : (
    // Written out rather than rows.tsx's Idle: importing that module here put every row of it on the first load.
    <div className="live-row is-idle">idle</div>
  );
});

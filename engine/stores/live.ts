/**
 * The stores' live state for the frame: a database's rows, its commits per second and the transactions open now.
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';

export interface DatabaseNodeLive extends NodeLiveBase {
  type: 'database';
  /** Its number among the databases (what the inspector asks the stores family about). */
  id: number;
  /** Committed rows (those not yet flushed included). */
  rows: number;
  /** Committed rows not yet on disk (`synchronous_commit=off`): a crash now would lose them. */
  unflushed: number;
  /** Commits in the last whole simulated second. */
  txPerSecond: number;
  open: number;
  commits: number;
  rolledBack: number;
  refused: number;
  lostUnflushed: number;
  slowMs: number;
}

declare module '../live/types.ts' {
  interface NodeLives {
    database: DatabaseNodeLive;
  }
}

export function storesLive(w: World, out: Record<string, unknown>): void {
  const second = Math.floor(w.now / 1_000_000);
  for (const db of w.parts.stores.databases) {
    // The count of the second before this one, if the last commit fell in this second or the one before.
    const perSecond = db.second === second ? db.commitsLastSecond : db.second === second - 1 ? db.commitsThisSecond : 0;
    out[db.node] = {
      type: 'database',
      id: db.id,
      up: db.alive ? 1 : 0,
      of: 1,
      rows: db.rows.count + db.unflushed.length,
      unflushed: db.unflushed.length,
      txPerSecond: perSecond,
      open: db.open,
      commits: db.stats.commits,
      rolledBack: db.stats.rolledBack,
      refused: db.stats.refused,
      lostUnflushed: db.stats.lostUnflushed,
      slowMs: db.slowUs / 1000,
    } satisfies DatabaseNodeLive;
  }
}

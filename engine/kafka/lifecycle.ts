/**
 * Consumers crashing and coming back. A crash loses everything in memory: buffered records, the position of
 * records processed but not committed (they come again: duplicates), and the group membership, which the
 * coordinator only notices after session.timeout.ms (semantics C2). A restart joins the group afresh; a static
 * member (group.instance.id) takes its old place without a rebalance (C6).
 */
import type { World } from '../world.ts';
import type { Consumer } from './clientTypes.ts';
import { startConsumer } from './consumer.ts';

/** The instance's crash is in the trace already (services/instances.ts): a second line here listed it twice. */
export function crashConsumer(_w: World, c: Consumer): void {
  if (!c.alive) return;
  // The application applied what it finished before the crash (services/processing.ts); the rest is lost with it.
  c.work = null;
  c.alive = false;
  c.life++;
  c.memberId = '';
  c.generation = -1;
  c.joining = false;
  c.assigned = [];
  c.position.clear();
  c.fetchPosition.clear();
  c.buffer.clear();
  c.fetching.clear();
  c.connectFailures.clear();
  c.reconnectAt.clear();
  c.metadataInflight = false;
  c.metadataFailures = 0;
  c.blockedUntil.clear();
  c.committing = false;
  c.pendingStart = null;
  c.autoCommitDue = false;
}

export function restartConsumer(w: World, c: Consumer): void {
  if (c.alive) return;
  c.metaVersion = 0;
  startConsumer(w, c);
}

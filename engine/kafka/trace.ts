/**
 * Kafka's trace kinds and how their entries read: batches sent, appended, acknowledged and replicated, the high
 * watermark, fetches, commits, rebalances, elections and ISR changes, truncations and retention.
 */
import { errorName } from '../history/errors.ts';
import { defineTraceKinds, type TraceEntry } from '../history/trace.ts';
import type { World } from '../world.ts';

/** `1 record`, `3 records`. */
export const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;
const group = (w: World, e: TraceEntry) => w.parts.kafka.groups[e.c]?.name ?? '';

export const KT = defineTraceKinds({
  // node=producer host, part, a=first message id, b=count: a batch left the producer
  send: { namesMessage: true, describe: (_w, e, at) => ({ text: `${at.node} sent a batch of ${e.b} to ${at.place}`, message: e.a }) },
  // node=leader broker host, part, a=base offset, b=count, c=leader epoch
  append: { describe: (_w, e, at) => ({ text: `${at.node} appended ${records(e.b)} to ${at.place} at offset ${e.a} (leader epoch ${e.c})` }) },
  // node=producer host, part, a=base offset (-1 for acks=0), b=count, c=error code (0 ok)
  ack: {
    describe: (_w, e, at) => ({
      text: e.c === 0 ? `${at.node} got the acknowledgement of ${records(e.b)} on ${at.place}${e.a >= 0 ? ` at offset ${e.a}` : ''}` : `${at.node}: ${records(e.b)} on ${at.place} failed with ${errorName(e.c)}; retrying`,
    }),
  },
  // node=follower broker host, part, a=new log end offset
  replicate: { describe: (_w, e, at) => ({ text: `${at.node} replicated ${at.place} up to offset ${e.a}` }) },
  // node=leader host, part, a=new high watermark
  highWatermark: { describe: (_w, e, at) => ({ text: `${at.place}: high watermark ${e.a} (committed up to here)` }) },
  // node=consumer host, part, a=first offset, b=count, c=group
  deliver: { describe: (w, e, at) => ({ text: `${at.node} (${group(w, e)}) fetched ${records(e.b)} of ${at.place} from offset ${e.a}`, group: group(w, e) }) },
  // node=consumer host, part, a=committed offset, c=group
  commit: { describe: (w, e, at) => ({ text: `${at.node} committed ${at.place} at offset ${e.a} for ${group(w, e)}`, group: group(w, e) }) },
  // node=coordinator host, a=generation, b=members, c=group
  rebalance: { describe: (w, e) => ({ text: `${group(w, e)}: rebalance, generation ${e.a}, ${e.b} members` }) },
  // node=new leader host (-1 none), part, a=leader epoch, b=isr size
  election: {
    describe: (_w, e, at) => ({ text: e.node >= 0 ? `${at.place}: ${at.node} elected leader (epoch ${e.a}, ${e.b} in sync)` : `${at.place}: no leader can be elected: offline` }),
  },
  // node=leader host, part, a=isr size, b=1 shrink / 2 expand
  isr: { describe: (_w, e, at) => ({ text: `${at.place}: in-sync replicas ${e.b === 1 ? 'shrank' : 'grew'} to ${e.a}` }) },
  // node=broker host, part, a=new log end offset, b=records removed. The entry holds the log end after catching up
  // with the leader, not the point it truncated to.
  truncate: { describe: (_w, e, at) => ({ text: `${at.node} dropped ${records(e.b)} of ${at.place} that the leader did not have, then caught up to offset ${e.a}` }) },
  // node=leader host, part, a=new log start offset, b=records removed
  retention: { describe: (_w, e, at) => ({ text: `${at.place}: retention deleted ${records(e.b)}; the log now starts at ${e.a}` }) },
  // node=leader host, part, a=marker offset, b=1 COMMIT / 0 ABORT, c=coordinator entry
  txnMarker: { describe: (_w, e, at) => ({ text: `${at.place}: ${e.b === 1 ? 'COMMIT' : 'ABORT'} marker at offset ${e.a} (a control record: it takes the offset, no consumer gets it)` }) },
  // node=producer host, a=records, b=1 committed / 0 aborted, c=coordinator entry
  txnEnd: { describe: (w, e, at) => ({ text: `${at.node}: transaction of ${w.parts.kafka.txns[e.c]?.id ?? '?'} ${e.b === 1 ? 'committed' : 'aborted'} (${records(e.a)})`, placeless: true }) },
  // node=coordinator broker host, a=coordinator entry, b=1 timed out / 2 fenced by a new producer, c=new epoch
  txnAbort: {
    describe: (w, e, at) => ({
      text: `${at.node}: the transaction coordinator aborts the open transaction of ${w.parts.kafka.txns[e.a]?.id ?? '?'}: ${e.b === 1 ? 'transaction.timeout.ms passed' : 'a new producer with the same transactional.id started'} (epoch now ${e.c})`,
      placeless: true,
    }),
  },
  // node=voter host, a=Raft epoch, b=1 became the active controller / 2 lost its majority (metadata frozen)
  controller: {
    describe: (_w, e, at) => ({ text: e.b === 1 ? `${at.node} became the active controller (epoch ${e.a})` : `${at.node} reaches no majority of the controller quorum: no metadata changes until one is back`, placeless: true }),
  },
});

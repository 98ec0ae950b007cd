/**
 * The event log's filter: the trace's kinds gathered into the families a learner thinks in, each with a colour.
 */

export interface LogFamily {
  id: string;
  /** Trace kinds in this family (engine/history/trace.ts). */
  kinds: string[];
  color: string;
  hint: string;
}

export const LOG_FAMILIES: LogFamily[] = [
  { id: 'produce', kinds: ['send'], color: 'var(--accent)', hint: 'a producer sent a batch' },
  { id: 'append', kinds: ['append'], color: 'var(--teal)', hint: 'a leader appended records to its log' },
  { id: 'ack', kinds: ['ack'], color: 'var(--green-text)', hint: 'a producer heard back (or was told to retry)' },
  { id: 'replicate', kinds: ['replicate', 'highWatermark', 'truncate'], color: 'var(--teal)', hint: 'followers copying, the high watermark, truncations' },
  { id: 'deliver', kinds: ['deliver'], color: 'var(--cyan)', hint: 'a consumer fetched records' },
  { id: 'process', kinds: ['process', 'duplicate', 'inboxSkip', 'dlq', 'retry', 'error'], color: 'var(--emerald)', hint: 'a consumer processed, skipped, failed or sent on to a retry topic a message' },
  { id: 'commit', kinds: ['commit'], color: 'var(--violet)', hint: 'a group committed its position' },
  { id: 'transaction', kinds: ['txnMarker', 'txnEnd', 'txnAbort'], color: 'var(--violet)', hint: 'Kafka transactions: COMMIT and ABORT markers written, transactions committed or aborted, the coordinator aborting one (timed out, or fenced by a new producer)' },
  { id: 'rebalance', kinds: ['rebalance'], color: 'var(--magenta)', hint: 'a group reassigned its partitions' },
  { id: 'election', kinds: ['election', 'isr', 'controller'], color: 'var(--orange)', hint: 'leader elections, in-sync replica changes, and the controller quorum electing (or losing) its active controller' },
  { id: 'fault', kinds: ['fault', 'crash', 'start'], color: 'var(--danger)', hint: 'faults, crashes and restarts, and services starting late' },
  { id: 'request', kinds: ['request', 'checkout'], color: 'var(--text-3)', hint: 'synchronous requests and checkouts' },
  { id: 'retention', kinds: ['retention'], color: 'var(--stone)', hint: 'retention deleting old records' },
  { id: 'database', kinds: ['txCommit', 'txRollback', 'txRefused', 'walLost'], color: 'var(--purple)', hint: 'transactions committed, refused, or rolled back by a crash' },
  {
    id: 'outbox',
    kinds: ['relayPublish', 'relayMark', 'relayOffsetFlush', 'relayRewind', 'crashBetweenWrites'],
    color: 'var(--purple)',
    hint: 'an outbox relay publishing rows (or publishing them again), marking them sent, storing its log position; a service crashing between its two writes',
  },
  {
    id: 'eventstore',
    kinds: ['esAppend', 'esConflict', 'esRejected', 'esUnreadable', 'esSnapshot', 'projCheckpoint', 'projRewind', 'projRebuild', 'projTwice', 'staleRead'],
    color: 'var(--teal)',
    hint: 'an event store appending, refusing a concurrent append, snapshotting; projections checkpointing, rewinding, counting an event twice; stale reads',
  },
  {
    id: 'schemas',
    kinds: ['schemaRegistered', 'schemaRefused', 'schemaUnreadable', 'schemaRelease'],
    color: 'var(--danger)',
    hint: 'schemas: registered with the registry, sends refused for an incompatible schema (or no registry), events a consumer could not deserialize',
  },
  {
    id: 'saga',
    kinds: ['sagaStarted', 'sagaCommand', 'sagaCompensate', 'sagaStepDone', 'sagaRejected', 'sagaTechnical', 'sagaGaveUp', 'sagaForward', 'sagaUndone', 'sagaUndoFailed', 'sagaCompleted', 'sagaCompensated', 'sagaResumed', 'sagaForgotten', 'sagaEventLost'],
    color: 'var(--magenta)',
    hint: 'sagas: steps sent, done or rejected (a business answer), technical failures retried, compensations and their retries, sagas completed, compensated, resumed after a crash, forgotten or lost',
  },
  {
    id: 'rabbitmq',
    kinds: ['amqpPublish', 'enqueue', 'unroutable', 'confirm', 'amqpDeliver', 'amqpAck', 'requeue', 'deadLetter', 'amqpDrop', 'channelClosed', 'queueLeader'],
    color: 'var(--amber)',
    hint: 'RabbitMQ: published, routed into queues (or nowhere), confirmed, delivered, acked, requeued, dead-lettered or dropped',
  },
];

/** How a kind reads in a log row, where its trace name is not a word a learner would use. */
const KIND_WORDS: Record<string, string> = {
  highWatermark: 'high watermark',
  txnMarker: 'txn marker',
  txnEnd: 'transaction',
  txnAbort: 'txn abort',
  amqpPublish: 'publish',
  enqueue: 'queued',
  amqpDeliver: 'deliver',
  amqpAck: 'ack',
  deadLetter: 'dead-letter',
  amqpDrop: 'drop',
  channelClosed: 'channel closed',
  queueLeader: 'queue leader',
  relayPublish: 'relay publish',
  relayMark: 'relay mark',
  relayOffsetFlush: 'relay position stored',
  relayRewind: 'relay rewind',
  crashBetweenWrites: 'crash between writes',
  inboxSkip: 'inbox skip',
  sagaStarted: 'saga started',
  sagaCommand: 'saga step',
  sagaCompensate: 'compensate',
  sagaStepDone: 'step done',
  sagaRejected: 'step rejected',
  sagaTechnical: 'technical failure',
  sagaGaveUp: 'gave up',
  sagaForward: 'retried forward',
  sagaUndone: 'compensated',
  sagaUndoFailed: 'compensation failed',
  sagaCompleted: 'saga completed',
  sagaCompensated: 'saga compensated',
  sagaResumed: 'saga resumed',
  sagaForgotten: 'saga forgotten',
  sagaEventLost: 'event lost',
};

export const kindWords = (kind: string): string => KIND_WORDS[kind] ?? kind;

const familyOfKind = new Map(LOG_FAMILIES.flatMap((f) => f.kinds.map((k) => [k, f] as const)));

/** The family of a trace kind (an unknown kind gets a neutral one). */
export function familyOf(kind: string): LogFamily {
  return familyOfKind.get(kind) ?? { id: kind, kinds: [kind], color: 'var(--muted)', hint: '' };
}

/** The trace kinds to ask for, or undefined for all of them. */
export function kindsFor(families: ReadonlySet<string>): string[] | undefined {
  if (families.size === 0 || families.size === LOG_FAMILIES.length) return undefined;
  return LOG_FAMILIES.filter((f) => families.has(f.id)).flatMap((f) => f.kinds);
}

/**
 * The families to offer as filters: those with entries the log can show (`present`, the kinds the trace ring holds),
 * in their usual order, and any the learner picked, so a pick can always be undone. A Kafka run offers no outbox or
 * saga chip, and the toolbar keeps to a row or two.
 */
export function familiesShown(present: readonly string[] | undefined, picked: ReadonlySet<string>): LogFamily[] {
  const has = new Set(present ?? []);
  return LOG_FAMILIES.filter((f) => picked.has(f.id) || f.kinds.some((k) => has.has(k)));
}

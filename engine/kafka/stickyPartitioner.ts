/**
 * Where Kafka's producer (3.3+, KIP-794) sends records that have no key: it sticks to one partition until about
 * `batch.size` bytes went to it, then picks another, so records fill whole batches instead of trickling one per
 * partition. Read from `BuiltInPartitioner` and its caller `RecordAccumulator.append`.
 *
 * Modelled:
 * - the switch after `batch.size` bytes, deferred while the partition's last batch is still open (so batches are
 *   not cut short) but forced at twice `batch.size`;
 * - the deferred switch happening on the next record once that partition's batches are all full;
 * - picking the next partition uniformly among partitions that have a leader (all partitions if none has), or,
 *   with adaptive partitioning (`partitioner.adaptive.partitioning.enable`, on by default), with weights that
 *   favour partitions with shorter queues, from queue sizes the engine reports as the producer's sender would.
 * Left out:
 * - `partitioner.availability.timeout.ms` (default 0, off): the engine may drop slow partitions from the
 *   `partitionIds` it passes to `updateLoadStats`, which is how Kafka applies it;
 * - the race handling between producer threads (a simulated producer appends one record at a time);
 * - Kafka's draw is `toPositive(random int) % n`; ours is the injected `pick(n)`, uniform in [0, n).
 *
 * The state is plain data, so a simulation snapshot can copy it; the functions update it in place.
 */

/** What the partitioner needs to know about a topic right now. */
export interface TopicAvailability {
  readonly numPartitions: number;
  /** Partitions that currently have a leader, ascending. */
  readonly available: readonly number[];
}

/** A uniform integer in [0, n), from the engine's seeded stream for this producer. */
export type PickUniform = (n: number) => number;

export interface StickyPartitionerState {
  /** `batch.size` in bytes. */
  readonly batchSizeBytes: number;
  /** The partition records currently stick to, or -1 before the first record. */
  partition: number;
  /** Bytes appended to `partition` since it was chosen. */
  producedBytes: number;
  /** Adaptive weights: running sums of (max queue + 1 - queue), or null when not adaptive. */
  cumulativeWeights: number[] | null;
  /** The partition each entry of `cumulativeWeights` stands for. */
  weightedPartitions: number[] | null;
}

/**
 * A fresh partitioner for one topic of one producer.
 * @example const state = createStickyPartitioner(16384) // batch.size default
 */
export function createStickyPartitioner(batchSizeBytes: number): StickyPartitionerState {
  if (!Number.isInteger(batchSizeBytes) || batchSizeBytes < 1) {
    throw new RangeError(`batch.size must be an integer >= 1, got ${batchSizeBytes}`);
  }
  return { batchSizeBytes, partition: -1, producedBytes: 0, cumulativeWeights: null, weightedPartitions: null };
}

function firstGreaterThan(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function choosePartition(state: StickyPartitionerState, topic: TopicAvailability, pick: PickUniform): number {
  const weights = state.cumulativeWeights;
  if (weights !== null && state.weightedPartitions !== null) {
    const draw = pick(weights[weights.length - 1]!);
    return state.weightedPartitions[firstGreaterThan(weights, draw)]!;
  }
  if (topic.available.length > 0) return topic.available[pick(topic.available.length)]!;
  return pick(topic.numPartitions);
}

function switchPartition(state: StickyPartitionerState, topic: TopicAvailability, pick: PickUniform): void {
  state.partition = choosePartition(state, topic, pick);
  state.producedBytes = 0;
}

function current(state: StickyPartitionerState, topic: TopicAvailability, pick: PickUniform): number {
  if (state.partition < 0) switchPartition(state, topic, pick);
  return state.partition;
}

/**
 * The partition the next keyless record goes to. `onlyFullBatches(p)` says whether partition p's queue has no open
 * batch; if the current partition's has none, a switch deferred earlier happens now.
 * @example const p = stickyPartitionForAppend(state, { numPartitions: 6, available: [0, 1, 2, 3, 4, 5] }, () => true, pick)
 */
export function stickyPartitionForAppend(
  state: StickyPartitionerState,
  topic: TopicAvailability,
  onlyFullBatches: (partition: number) => boolean,
  pick: PickUniform,
): number {
  const partition = current(state, topic, pick);
  if (!onlyFullBatches(partition)) return partition;
  recordAppended(state, 0, true, topic, pick);
  return current(state, topic, pick);
}

/**
 * Counts `appendedBytes` just appended to the current partition (the record's size, or the new batch's size when
 * the record opened one, as Kafka counts it) and switches partition once `batch.size` bytes went there, unless the
 * partition still has an open batch (`onlyFullBatches` false), in which case it waits until twice `batch.size`.
 */
export function recordAppended(
  state: StickyPartitionerState,
  appendedBytes: number,
  onlyFullBatches: boolean,
  topic: TopicAvailability,
  pick: PickUniform,
): void {
  state.producedBytes += appendedBytes;
  const produced = state.producedBytes;
  if ((produced >= state.batchSizeBytes && onlyFullBatches) || produced >= state.batchSizeBytes * 2) {
    switchPartition(state, topic, pick);
  }
}

/**
 * Feeds the queue sizes (batches waiting per partition) the sender saw, for adaptive partitioning. `queueSizes`
 * and `partitionIds` cover partitions with a leader; `length` below their length means the last entries were dropped
 * as too slow. Adaptive weighting is off (uniform choice) when sizes are null, when the topic has under two
 * partitions with a leader, or when all sizes are equal and none were dropped. Changes only the next choice.
 * @example updateLoadStats(state, [5, 0, 3], [0, 1, 2]) // partition 1 now 6 times as likely as 0
 */
export function updateLoadStats(
  state: StickyPartitionerState,
  queueSizes: readonly number[] | null,
  partitionIds: readonly number[] = [],
  length = queueSizes?.length ?? 0,
): void {
  state.cumulativeWeights = null;
  state.weightedPartitions = null;
  if (queueSizes === null || length < 1 || queueSizes.length < 2) return;
  let max = queueSizes[0]!;
  let allEqual = true;
  for (let i = 1; i < length; i++) {
    if (queueSizes[i] !== max) allEqual = false;
    if (queueSizes[i]! > max) max = queueSizes[i]!;
  }
  if (allEqual && length === queueSizes.length) return;
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < length; i++) {
    sum += max + 1 - queueSizes[i]!;
    weights.push(sum);
  }
  state.cumulativeWeights = weights;
  state.weightedPartitions = partitionIds.slice(0, length);
}

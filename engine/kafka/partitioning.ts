/**
 * Which partition a record goes to: Kafka's default partitioner. A keyed record goes to
 * toPositive(murmur2(key)) % partitions (semantics S9: adding partitions moves keys for new records); a record
 * without a key sticks to one partition until batch.size bytes went there (KIP-794). Key hashes are computed once per
 * key and cached.
 */
import { keyText } from '../history/keys.ts';
import type { World } from '../world.ts';
import type { Producer } from './clientTypes.ts';
import { knownPartitions, leaderAt } from './metadata.ts';
import { murmur2String, toPositive } from './murmur2.ts';
import { createStickyPartitioner, recordAppended, stickyPartitionForAppend } from './stickyPartitioner.ts';
import { nextInt } from '../sim/random.ts';

/** The global partition id for a record of `key` (0 = no key) on `topic`, as `prod` would choose it. */
export function partitionFor(w: World, prod: Producer, topic: number, key: number): number {
  const t = w.parts.kafka.topics[topic]!;
  // Only the partitions in the producer's metadata: added ones count from its next refresh (semantics S9).
  const n = knownPartitions(w.parts.kafka.partitions, t.partitions, prod.metaVersion);
  if (key !== 0 && !prod.config.ignoreKeys) {
    let h = w.keys.hash[key]!;
    if (h === 0) {
      // toPositive(murmur2) is at most 2^31 - 1, so + 1 still fits an Int32.
      h = toPositive(murmur2String(keyText(w.keys, key)!)) + 1;
      w.keys.hash[key] = h;
    }
    return t.partitions[(h - 1) % n]!;
  }
  let state = prod.sticky.get(topic);
  if (!state) prod.sticky.set(topic, (state = createStickyPartitioner(prod.config.batchBytes)));
  let topicView = prod.stickyView.get(topic);
  if (!topicView || topicView.version !== prod.metaVersion) {
    const available: number[] = [];
    for (let i = 0; i < n; i++) if (leaderAt(w.parts.kafka.partitions[t.partitions[i]!]!, prod.metaVersion) >= 0) available.push(i);
    topicView = { version: prod.metaVersion, numPartitions: n, available };
    prod.stickyView.set(topic, topicView);
  }
  const pick = (k: number) => nextInt(prod.rng, k);
  const onlyFull = (i: number) => !prod.open[t.partitions[i]!];
  const index = stickyPartitionForAppend(state, topicView, onlyFull, pick);
  recordAppended(state, prod.config.recordBytes, onlyFull(index), topicView, pick);
  return t.partitions[index]!;
}

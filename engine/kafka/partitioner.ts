/**
 * Kafka's default partitioner for records with a key (`BuiltInPartitioner.partitionForKey`): the same key always
 * lands on the same partition for a given partition count, which is what gives Kafka per-key ordering.
 * Records without a key go through stickyPartitioner.ts instead.
 */
import { murmur2, murmur2String, toPositive } from './murmur2.ts';

/**
 * The partition Kafka's producer picks for `key`: `toPositive(murmur2(utf8(key))) % numPartitions`. A string is
 * hashed as its UTF-8 bytes, as Kafka's `StringSerializer` writes them.
 * @example partitionForKey('customer-42', 12)
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!(numPartitions >= 1) || !Number.isInteger(numPartitions)) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
  const hash = typeof key === 'string' ? murmur2String(key) : murmur2(key);
  return toPositive(hash) % numPartitions;
}

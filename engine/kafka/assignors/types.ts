/**
 * The shapes the assignors share: a group member as the group leader sees it in a JoinGroup response, and the
 * partitions it is handed back, named as Kafka prints a `TopicPartition` (`orders-3`).
 */

export type AssignmentStrategy = 'range' | 'roundrobin' | 'cooperative-sticky';

/** One group member's subscription, as the consumer sends it when it joins. */
export interface GroupMember {
  /** The member id the coordinator gave it. */
  memberId: string;
  /** `group.instance.id` for a static member (KIP-345); static members sort before dynamic ones. */
  groupInstanceId?: string;
  /** Subscribed topics. */
  topics: string[];
  /** Partitions it owns going into this round (cooperative protocol), named `topic-N`. */
  ownedPartitions?: string[];
  /** The generation in which it owned them; absent for a member that never had an assignment. */
  generation?: number;
}

/** Member id to the partitions it is assigned, each list sorted by topic name then partition number. */
export type Assignment = Record<string, string[]>;

/** Partition count per topic, as the leader's metadata reports it. Topics with 0 partitions are treated as absent. */
export type TopicPartitionCounts = Record<string, number>;

/**
 * The Kafka family's event kinds: controller and brokers, replication, the produce and consume paths, groups, retention.
 * Numbers are allocated by name when the module loads (sim/loop.ts); `a` and `b` are each event's two arguments.
 */
import { eventKinds } from '../sim/loop.ts';

export const KE = eventKinds([
  'brokerHeartbeat', // a=broker, b=life: time for the broker to heartbeat the controller
  'heartbeatArrive', // a=broker, b=life: a heartbeat reaches the controller
  'sessionExpire', // a=broker, b=session generation: the controller may fence the broker
  'metadataArrive', // a=broker, b=version: metadata reaches a broker
  'alterPartitionArrive', // a=partition, b=leader epoch: a leader's ISR change reaches the controller
  'preferredLeaderCheck', // a=cluster: auto.leader.rebalance
  'replicaFetch', // a=fetcher, b=life: the follower sends its next fetch
  'replicaFetchArrive', // a=fetcher, b=sequence: the fetch reaches the leader
  'replicaFetchResponse', // a=fetcher, b=sequence: the answer reaches the follower
  'replicaFetchTimeout', // a=fetcher, b=sequence
  'replicaParkTimeout', // a=fetcher, b=sequence: a parked fetch gives up waiting for data
  'isrCheck', // a=cluster: leaders drop followers that lag too long
  'lingerExpire', // a=producer, b=batch id
  'produceArrive', // a=broker, b=request id
  'produceResponse', // a=producer, b=request id
  'produceTimeout', // a=producer, b=request id
  'retryReady', // a=producer, b=batch id: backoff over
  'metadataResponse', // a=producer, b=version
  'delayedProduceExpire', // a=broker, b=request id
  'fetchRetry', // a=consumer, b=life: a reconnect backoff is over (kafka/consumerFetch.ts)
  'fetchArrive', // a=broker, b=fetch id
  'fetchResponse', // a=consumer, b=fetch id
  'fetchParkTimeout', // a=broker, b=fetch id
  'fetchTimeout', // a=consumer, b=fetch id
  'poll', // a=consumer, b=life
  'commitArrive', // a=group, b=commit id
  'commitResponse', // a=consumer, b=commit id
  'joinArrive', // a=group, b=join id
  'joinResponse', // a=consumer, b=generation
  'consumerHeartbeat', // a=consumer, b=life
  'groupHeartbeatArrive', // a=group, b=member number
  'memberExpire', // a=group, b=member generation stamp
  'rebalanceComplete', // a=group, b=rebalance sequence
  'autoCommit', // a=consumer, b=life
  'leaveArrive', // a=group, b=member number
  'heartbeatResponse', // a=consumer, b=answer id
  'consumerMetadata', // a=consumer, b=version
  'joinTimeout', // a=consumer, b=join sequence
  'commitTimeout', // a=consumer, b=commit id
  'retentionCheck', // a=cluster
  'metadataMaxAge', // a=producer, b=life: metadata.max.age.ms has passed since the producer last refreshed for its own sake
  'quorumElection', // a=cluster, b=election generation: a voter of the controller quorum stands for election
  'groupSeesPartitions', // a=group, b=topic: the group's leader refreshed its metadata and saw partitions added to the topic
]);

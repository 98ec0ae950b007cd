/**
 * Every kind of simulated event, by number. `a` and `b` are the event's two arguments; each line says what they
 * hold. Handlers register themselves in the module that owns the behaviour (see sim/loop.ts).
 */
export const E = {
  // Controller and brokers (kafka/controller.ts)
  brokerHeartbeat: 1, // a=broker, b=life: time for the broker to heartbeat the controller
  heartbeatArrive: 2, // a=broker, b=life: a heartbeat reaches the controller
  sessionExpire: 3, // a=broker, b=session generation: the controller may fence the broker
  metadataArrive: 4, // a=broker, b=version: metadata reaches a broker
  alterPartitionArrive: 5, // a=partition, b=leader epoch: a leader's ISR change reaches the controller
  preferredLeaderCheck: 6, // a=cluster: auto.leader.rebalance
  // Replication (kafka/replication.ts)
  replicaFetch: 10, // a=fetcher, b=life: the follower sends its next fetch
  replicaFetchArrive: 11, // a=fetcher, b=sequence: the fetch reaches the leader
  replicaFetchResponse: 12, // a=fetcher, b=sequence: the answer reaches the follower
  replicaFetchTimeout: 13, // a=fetcher, b=sequence
  replicaParkTimeout: 14, // a=fetcher, b=sequence: a parked fetch gives up waiting for data
  isrCheck: 15, // a=cluster: leaders drop followers that lag too long
  // Produce path (kafka/producer.ts, kafka/produce.ts)
  lingerExpire: 20, // a=producer, b=batch id
  produceArrive: 21, // a=broker, b=request id
  produceResponse: 22, // a=producer, b=request id
  produceTimeout: 23, // a=producer, b=request id
  retryReady: 24, // a=producer, b=batch id: backoff over
  metadataResponse: 25, // a=producer, b=version
  delayedProduceExpire: 26, // a=broker, b=request id
  generate: 27, // a=producer load, b=life: produce the events that arrived since the last tick
  fetchRetry: 29, // a=consumer, b=life: a reconnect backoff is over (kafka/consumerFetch.ts)
  // Consume path (kafka/consumer.ts, kafka/fetch.ts, kafka/group.ts)
  fetchArrive: 30, // a=broker, b=fetch id
  fetchResponse: 31, // a=consumer, b=fetch id
  fetchParkTimeout: 32, // a=broker, b=fetch id
  fetchTimeout: 33, // a=consumer, b=fetch id
  processDone: 34, // a=consumer, b=batch sequence
  poll: 35, // a=consumer, b=life
  commitArrive: 36, // a=group, b=commit id
  commitResponse: 37, // a=consumer, b=commit id
  joinArrive: 38, // a=group, b=join id
  joinResponse: 39, // a=consumer, b=generation
  consumerHeartbeat: 40, // a=consumer, b=life
  groupHeartbeatArrive: 41, // a=group, b=member number
  memberExpire: 42, // a=group, b=member generation stamp
  rebalanceComplete: 43, // a=group, b=rebalance sequence
  autoCommit: 44, // a=consumer, b=life
  leaveArrive: 45, // a=group, b=member number
  heartbeatResponse: 46, // a=consumer, b=answer id
  consumerMetadata: 47, // a=consumer, b=version
  joinTimeout: 48, // a=consumer, b=join sequence
  commitTimeout: 49, // a=consumer, b=commit id
  // Retention and compaction (kafka/retention.ts)
  retentionCheck: 50, // a=cluster
  // Services (services/)
  clientArrival: 60, // a=client, b=life
  requestArrive: 61, // a=service instance, b=call id
  requestDone: 62, // a=service instance, b=call id: local work finished
  callResponse: 63, // a=caller instance, b=call id
  callTimeout: 64, // a=caller instance, b=call id
  checkoutResponse: 65, // a=client, b=call id
  clientStart: 66, // a=client, b=life: a client with a start delay begins
  // Metrics (metrics/sampler.ts)
  metricsSample: 55, // a=0: a per-second sample for the charts
  // Faults (faults/)
  fault: 70, // a=fault index
  restartInstance: 71, // a=instance, b=life: an orchestrator restarts a crashed instance
} as const;

export type EventKind = (typeof E)[keyof typeof E];

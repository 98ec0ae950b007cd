/**
 * Kafka's parsed setting values turned into typed configs (microseconds, numbers, flags), with Kafka's rules
 * where settings depend on each other.
 */
import type { Value } from '../config/values.ts';
import type { ConsumerSettings, ProducerConfig } from './clientTypes.ts';
import type { ClusterConfig, TopicConfig } from './types.ts';
import type { Diagnostics } from '../model/settings.ts';

type Values = Record<string, Value> & { explicit: Set<string> };
const ms = (v: Value) => Math.round((v as number) * 1000);
const MAX_PARTITION_FETCH_BYTES = 1 << 20; // max.partition.fetch.bytes

export function clusterConfig(v: Values): ClusterConfig {
  return {
    brokers: v['brokers'] as number,
    groupMinSessionUs: ms(v['group.min.session.timeout.ms']!),
    groupMaxSessionUs: ms(v['group.max.session.timeout.ms']!),
    replicaLagTimeMaxUs: ms(v['replica.lag.time.max.ms']!),
    brokerSessionTimeoutUs: ms(v['broker.session.timeout.ms']!),
    brokerHeartbeatIntervalUs: ms(v['broker.heartbeat.interval.ms']!),
    autoLeaderRebalance: v['auto.leader.rebalance.enable'] as boolean,
    leaderImbalanceCheckUs: (v['leader.imbalance.check.interval.seconds'] as number) * 1_000_000,
    leaderImbalancePercent: v['leader.imbalance.per.broker.percentage'] as number,
    retentionCheckUs: ms(v['log.retention.check.interval.ms']!),
    groupInitialRebalanceDelayUs: ms(v['group.initial.rebalance.delay.ms']!),
    replicaFetchWaitUs: ms(v['replica.fetch.wait.max.ms']!),
    controllers: Number(v['controllers']),
    quorumFetchTimeoutUs: ms(v['controller.quorum.fetch.timeout.ms']!),
    quorumElectionTimeoutUs: ms(v['controller.quorum.election.timeout.ms']!),
    quorumElectionBackoffMaxUs: ms(v['controller.quorum.election.backoff.max.ms']!),
  };
}

export function topicConfig(v: Values): TopicConfig {
  const policy = v['cleanup.policy'] as string;
  const retention = v['retention.ms'] as number;
  return {
    partitions: v['partitions'] as number,
    replicationFactor: v['replication.factor'] as number,
    minInsyncReplicas: v['min.insync.replicas'] as number,
    uncleanLeaderElection: v['unclean.leader.election.enable'] as boolean,
    compact: policy.includes('compact'),
    deleteByRetention: policy.includes('delete'),
    retentionUs: retention < 0 ? -1 : retention * 1000,
    retentionBytes: v['retention.bytes'] as number,
    segmentBytes: v['segment.bytes'] as number,
    segmentUs: ms(v['segment.ms']!),
    deleteRetentionUs: ms(v['delete.retention.ms']!),
    minCompactionLagUs: ms(v['min.compaction.lag.ms']!),
    maxCompactionLagUs: (v['max.compaction.lag.ms'] as number) < 0 ? -1 : ms(v['max.compaction.lag.ms']!),
    minCleanableDirtyRatio: v['min.cleanable.dirty.ratio'] as number,
    recordBytes: 1024,
  };
}

/**
 * Producer settings. Idempotence is on by default, but silently off when acks or max.in.flight conflict with it
 * and it was not set explicitly; set explicitly with a conflict, Kafka refuses the producer (ProducerConfig,
 * semantics §3.2).
 */
export function producerSettings(v: Values, node: string, d: Diagnostics): ProducerConfig {
  const acksText = v['acks'] as string;
  const acks = acksText === 'all' || acksText === '-1' ? -1 : Number(acksText);
  const maxInFlight = v['max.in.flight.requests.per.connection'] as number;
  const retries = v['retries'] as number;
  let idempotent = v['enable.idempotence'] as boolean;
  const transactionalId = (v['transactional.id'] as string | undefined) ?? '';
  if (transactionalId !== '') {
    // A transactional producer is idempotent; with idempotence explicitly off Kafka refuses it (ProducerConfig).
    if (v.explicit.has('enable.idempotence') && !idempotent) {
      d.add(d.spanOf(node, 'enable.idempotence'), 'transactional.id requires enable.idempotence=true: Kafka refuses this producer (ConfigException)', 'error');
    }
    idempotent = true;
  }
  const conflict = acks !== -1 ? `acks=${acksText}` : maxInFlight > 5 ? `max.in.flight.requests.per.connection=${maxInFlight}` : retries === 0 ? 'retries=0' : '';
  if (idempotent && conflict) {
    if (transactionalId !== '') {
      d.add(d.spanOf(node, 'transactional.id'), `transactional.id cannot be combined with ${conflict}: Kafka refuses this producer (ConfigException)`, 'error');
    } else if (v.explicit.has('enable.idempotence')) {
      d.add(d.spanOf(node, 'enable.idempotence'), `enable.idempotence=true cannot be combined with ${conflict}: Kafka refuses this producer (ConfigException)`, 'error');
    }
    idempotent = false;
  }
  // delivery.timeout.ms must cover a whole attempt: set explicitly below linger.ms + request.timeout.ms, Kafka refuses
  // the producer; left at its default, it is raised to that sum (KIP-91, KafkaProducer.configureDeliveryTimeout).
  let deliveryMs = v['delivery.timeout.ms'] as number;
  const attemptMs = (v['linger.ms'] as number) + (v['request.timeout.ms'] as number);
  if (deliveryMs < attemptMs) {
    if (v.explicit.has('delivery.timeout.ms')) {
      d.add(
        d.spanOf(node, 'delivery.timeout.ms'),
        `delivery.timeout.ms (${deliveryMs} ms) is less than linger.ms + request.timeout.ms (${attemptMs} ms): Kafka refuses this producer (ConfigException); lower request.timeout.ms as well`,
        'error',
      );
    }
    deliveryMs = attemptMs;
  }
  return {
    acks,
    idempotent,
    lingerUs: ms(v['linger.ms']!),
    batchBytes: v['batch.size'] as number,
    maxInFlight,
    deliveryTimeoutUs: ms(deliveryMs),
    requestTimeoutUs: ms(v['request.timeout.ms']!),
    retries,
    backoffUs: ms(v['retry.backoff.ms']!),
    backoffMaxUs: ms(v['retry.backoff.max.ms']!),
    metadataMaxAgeUs: ms(v['metadata.max.age.ms']!),
    recordBytes: Math.max(1, v['size'] as number),
    ignoreKeys: v['partitioner.ignore.keys'] as boolean,
    transactionalId: idempotent ? transactionalId : '',
    txnTimeoutUs: ms(v['transaction.timeout.ms'] ?? 60_000),
    txnRecords: (v['transaction.records'] as number | undefined) ?? 10,
    txnUs: ms(v['transaction.ms'] ?? 100),
  };
}

/** Consumer settings; `commit=before|after` (or enable.auto.commit=false) means committing by hand. */
export function consumerSettings(v: Values): ConsumerSettings {
  let commit = v['commit'] as 'auto' | 'before' | 'after';
  if (!v.explicit.has('commit') && v.explicit.has('enable.auto.commit') && v['enable.auto.commit'] === false) commit = 'after';
  const autoCommit = commit === 'auto' && (v['enable.auto.commit'] as boolean);
  return {
    autoCommit,
    autoCommitUs: ms(v['auto.commit.interval.ms']!),
    metadataMaxAgeUs: ms(v['metadata.max.age.ms'] ?? 300_000),
    reset: v['auto.offset.reset'] as 'latest' | 'earliest' | 'none',
    sessionUs: ms(v['session.timeout.ms']!),
    heartbeatUs: ms(v['heartbeat.interval.ms']!),
    maxPollUs: ms(v['max.poll.interval.ms']!),
    maxPollRecords: v['max.poll.records'] as number,
    fetchWaitUs: ms(v['fetch.max.wait.ms']!),
    strategy: v['partition.assignment.strategy'] as ConsumerSettings['strategy'],
    instanceId: v['group.instance.id'] as string,
    commit: commit === 'auto' && !autoCommit ? 'after' : commit,
    fetchRecords: Math.max(1, Math.floor(MAX_PARTITION_FETCH_BYTES / Math.max(1, v['size'] as number))),
    readCommitted: v['isolation.level'] === 'read_committed',
  };
}

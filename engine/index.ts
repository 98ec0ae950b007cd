/**
 * The engine's public API. Everything outside engine/ imports from here (DESIGN.md, "The engine").
 */
export type * from './topology/types.ts';

// Kafka: where records land, and how a consumer group splits partitions (kafka/).
export { partitionForKey } from './kafka/partitioner.ts';
export { murmur2, murmur2String, toPositive } from './kafka/murmur2.ts';
export { utf8Encode, utf8EncodeInto, utf8Length } from './kafka/utf8.ts';
export {
  createStickyPartitioner,
  recordAppended,
  stickyPartitionForAppend,
  updateLoadStats,
  type PickUniform,
  type StickyPartitionerState,
  type TopicAvailability,
} from './kafka/stickyPartitioner.ts';
export {
  addedPartitions,
  assignPartitions,
  assignmentMatchesSubscription,
  assignmentViolations,
  needsFollowUpRebalance,
  parseTopicPartition,
  revokedPartitions,
  stickyBalanceViolations,
  topicPartitionName,
  unassignedPartitions,
  type Assignment as PartitionAssignment,
  type AssignmentStrategy,
  type GroupMember as ConsumerGroupMember,
  type TopicPartitionCounts,
} from './kafka/assignors/index.ts';

// RabbitMQ (amqp/).
export { topicMatches } from './amqp/topicMatches.ts';

// The topology language (topology/).
export { parseTopology } from './topology/parse.ts';
export { loadSchemaSupport } from './schemas/avro.ts';
export type { SchemaFailures } from './schemas/family.ts';
export { EDGE_KINDS, NODE_KINDS, kindClassName, kindOfClass, type NodeKindInfo } from './topology/kinds.ts';
export { printTopology } from './topology/print.ts';
export { patchTopology } from './topology/patch/patch.ts';

// Layout and editing helpers the app draws with (the main thread imports their values from ui.ts); parsing and
// layoutTopology run in the worker.
export type * from './layout/types.ts';
export type { LoadResult } from './editing/load.ts';
export * from './ui.ts';

// The simulation (sim/, kafka/, services/, faults/, check/, metrics/).
export { createSimulation, fromWorld, type Simulation, type SimulationOptions } from './simulation.ts';
export { checkHistory, lostMessages, type CheckReport, type LostMessage } from './check/checks.ts';
export type { MetricsReport, GroupLag } from './metrics/report.ts';
export { parseFault, toFault, formatFault, type FaultInput } from './faults/parse.ts';
export type { Fault, FaultAction, AppliedFault } from './faults/types.ts';
export type { World } from './world.ts';
// The component families (engine/components.ts) and the messaging port's names, for reports.
export { FAMILIES } from './components.ts';
export type { Family } from './family.ts';
export { placeName } from './messaging/state.ts';
export { SETTINGS, setting, settingsFor, type Setting, type Scope } from './config/schema.ts';
export { parseDuration, formatDuration, SECOND, MS } from './sim/time.ts';
export { parseDistribution, type Distribution } from './sim/distribution.ts';

// The live simulation the worker runs for the app (live/).
export { advance, changeSettings, createSession, frameOf, inject, nearFrameOf, scheduleFault, seek, seekNear, stepEvent, stepHop, unscheduleFault, type Command, type Session, type SessionOptions } from './live/session.ts';
export { describeEntry, eventLog, keyPath, messageLife, type LogQuery } from './live/queries.ts';
export type * from './live/types.ts';
// AsyncAPI out and in (asyncapi/): a topology as an AsyncAPI 3.1.0 document, and a 3.x document as topology text.
export { toAsyncApi, type ExportOptions as AsyncApiExportOptions } from './asyncapi/export.ts';
export { fromAsyncApi, type ImportOutcome as AsyncApiImportOutcome } from './asyncapi/import.ts';
// The families' own live and inspector types, for the app's live rows and inspectors (types only).
export type * from './kafka/live.ts';
export type { GroupDetail, GroupLive, PartitionDetail } from './kafka/queries.ts';
export type * from './services/live.ts';
export type * from './stores/live.ts';
export type { DatabaseDetail } from './stores/family.ts';
export type * from './amqp/live.ts';
export type { ExchangeDetail, ExchangeMatch, QueueDetail, QueueMessageView } from './amqp/queries.ts';
export type { AmqpLife, AmqpPlace } from './amqp/lives.ts';
export type * from './sagas/live.ts';
export type { SagaDetail, SagaFacts, SagaFinding, SagaVerdict } from './sagas/facts.ts';
export type { SagaMoveKind, SagaPath } from './sagas/path.ts';
export type { AggregateDetail, EventStoreDetail } from './eventstore/facts.ts';

// Lesson goals (goals/): structural and behavioural checks, judged against a topology text.
export * from './goals/index.ts';

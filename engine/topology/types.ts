/**
 * The topology model: what the text of a Mermaid flowchart means to EventLab.
 *
 * The text is the source of truth. `parseTopology(text)` reads it into this model (keeping source positions so the
 * canvas can patch the text and diagnostics can point at it); `printTopology(model)` writes a model back as text.
 */

/** A half-open range of the source text, with the 1-based line and column of its start. */
export interface SourceSpan {
  from: number;
  to: number;
  line: number;
  column: number;
}

/** Flowchart direction. `TD` and `TB` mean the same. */
export type Direction = 'TB' | 'TD' | 'BT' | 'LR' | 'RL';

/** Node shapes, named as mermaid's flowchart db names them (`getVertices()[id].type`). */
export type Shape =
  | 'square' // A[text]
  | 'round' // A(text)
  | 'stadium' // A([text])
  | 'subroutine' // A[[text]]
  | 'cylinder' // A[(text)]
  | 'circle' // A((text))
  | 'doublecircle' // A(((text)))
  | 'diamond' // A{text}
  | 'hexagon' // A{{text}}
  | 'odd' // A>text]
  | 'lean_right' // A[/text/]
  | 'lean_left' // A[\text\]
  | 'trapezoid' // A[/text\]
  | 'inv_trapezoid'; // A[\text/]

/** What a node is to the simulator. */
export type NodeKind =
  | 'client' // sends user requests (checkouts) into the first service
  | 'service' // a microservice: produces, consumes, calls other services
  | 'kafka' // a Kafka cluster (one node on the canvas, `brokers=N` inside)
  | 'topic' // a Kafka topic
  | 'partition' // one partition of a topic
  | 'consumer' // a consumer, usually in a named consumer group
  | 'rabbitmq' // a RabbitMQ broker
  | 'exchange' // a RabbitMQ exchange
  | 'queue' // a RabbitMQ queue
  | 'database' // a database (committed rows survive crashes)
  | 'outbox' // an outbox relay (reads an outbox table, publishes)
  | 'eventstore' // an append-only event store
  | 'projection' // a read model built from events (CQRS)
  | 'saga' // a saga orchestrator
  | 'schema-registry'
  | 'event' // an event or record drawn as a node (data, not a component)
  | 'note'; // a concept or remark with no simulation meaning

/** Where a node's kind came from, so the UI can show how the text was read. */
export type KindSource = 'class' | 'label' | 'shape' | 'context' | 'default';

export type Stroke = 'normal' | 'dotted' | 'thick' | 'invisible';
export type ArrowHead = 'none' | 'arrow' | 'cross' | 'circle';

/** What an edge means to the simulator; it comes from the endpoints' kinds, refined by the label. */
export type EdgeKind =
  | 'publish' // service -> broker/topic/exchange
  | 'subscribe' // broker/topic/queue -> service (the service's consumer group)
  | 'request' // service -> service: synchronous request (HTTP)
  | 'write' // service -> database
  | 'read' // database -> service, or service reads a projection
  | 'route' // exchange -> queue (a binding), or exchange -> exchange
  | 'relay' // database/outbox -> broker: an outbox relay publishing committed rows
  | 'structure' // topic -> partition, broker -> topic: containment drawn as an edge
  | 'link'; // no simulation meaning (between notes or events): kept and drawn

export interface TopologyNode {
  id: string;
  /** The label as mermaid shows it: quotes removed, `<br>` kept as a line break `\n`. Equals `id` when none given. */
  label: string;
  /** Undefined when the node never appears with brackets (mermaid then draws a plain box). */
  shape?: Shape;
  kind: NodeKind;
  kindSource: KindSource;
  /** One sentence: why this kind, e.g. "label starts with 'Kafka Broker'". */
  kindReason: string;
  /** Settings from `%% @config <id> key=value ...`, in order of appearance, later values winning. */
  config: Record<string, string>;
  /** Classes from `:::name` and `class id name`. */
  classes: string[];
  /** CSS properties from `style id ...` and the node's classDefs, e.g. `{ fill: '#faa' }`. */
  style: Record<string, string>;
  /** Innermost subgraph that holds the node. */
  group?: string;
  /** For a `kafka` node: the topics it hosts (`Kafka Broker: orders-topic`); for a `topic` node: its own name. */
  topics?: string[];
  /** For a `consumer` or a partition: the consumer group or topic named by its label or its subgraph. */
  consumerGroup?: string;
  /** For a `partition`: the topic it belongs to and its number. */
  partitionOf?: { topic: string; index: number };
  /** Where the node is first defined with its label (or first mentioned, when it never gets one). */
  span: SourceSpan;
  /** True when the label is a markdown string ("`**bold**`"). */
  markdown?: boolean;
}

export interface TopologyEdge {
  /** The user's edge id (`A e1@--> B`) or a generated one (`L_A_B_0`, as mermaid names them). */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
  stroke: Stroke;
  arrowStart: ArrowHead;
  arrowEnd: ArrowHead;
  /** Extra dashes or dots: `-->` is 1, `--->` is 2. */
  length: number;
  span: SourceSpan;
  /** One sentence: why this kind, e.g. "a service sending to a topic publishes to it". */
  kindReason?: string;
  /**
   * A publish that is not the service's own: the topic is one its settings name as a retry topic (`retry.topics`)
   * or its dead-letter topic (`dlq`), so the edge draws where failed records go, not events the service sends.
   */
  role?: 'retry' | 'dead-letter';
  /** Classes from `class e1 name` on an edge with its own id. */
  classes?: string[];
  /** True when the label is a markdown string. */
  markdown?: boolean;
}

export interface TopologyGroup {
  id: string;
  title: string;
  /** Node ids and nested group ids, as mermaid lists them. */
  members: string[];
  parent?: string;
  direction?: Direction;
  /** A subgraph can itself mean something: `Topic: order-events`, `Partition 0`, `Consumer Group: fulfillment`. */
  kind?: 'topic' | 'partition' | 'consumer-group' | 'kafka' | 'service';
  /** Why the group has its kind, when it has one. */
  kindReason?: string;
  /** The topic or consumer group the title names (`Topic: order-events` => `order-events`). */
  name?: string;
  /** For a `partition` group: its topic (from the enclosing topic group) and number. */
  partitionOf?: { topic: string; index: number };
  /** CSS properties from `style id ...` naming the subgraph. */
  style?: Record<string, string>;
  /** Classes from `class id name` naming the subgraph. */
  classes?: string[];
  /** True when the title is a markdown string. */
  markdown?: boolean;
  span: SourceSpan;
}

/**
 * A statement with no simulation meaning, kept as written so printing and patching never drop it: plain `%%`
 * comments, `%%{init}%%`, front matter, `accTitle`/`accDescr`, `click`, `linkStyle`, a top-level `direction` and
 * `e1@{ ... }` edge data.
 */
export interface Annotation {
  kind: 'comment' | 'init' | 'frontmatter' | 'accTitle' | 'accDescr' | 'click' | 'linkStyle' | 'direction' | 'edgeData';
  text: string;
  span: SourceSpan;
}

/** One `%% @config target key=value ...` directive. */
export interface ConfigDirective {
  /** A node id, a topic name or a consumer group name. */
  target: string;
  entries: { key: string; value: string; span: SourceSpan }[];
  span: SourceSpan;
}

export interface Topology {
  direction: Direction;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  groups: TopologyGroup[];
  directives: ConfigDirective[];
  classDefs: Record<string, Record<string, string>>;
  /** Statements kept for printing that mean nothing to the simulator, in order of appearance. */
  annotations?: Annotation[];
  /** Event schemas declared by `%% @schema <Name> v<N> avro { ... }` directives (absent when there are none). */
  schemas?: SchemaDeclaration[];
}

/** One `%% @schema` directive: a named, versioned schema (its JSON, when it parsed; the Avro check comes later). */
export interface SchemaDeclaration {
  name: string;
  version: number;
  format: 'avro';
  json?: unknown;
  span: SourceSpan;
}

export interface Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  from: number;
  to: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /**
   * What kind of problem, where code needs to tell: `config-target`, a setting for something that does not exist;
   * `setting`, a setting the schema does not accept (unknown key, bad value, wrong target).
   */
  code?: 'config-target' | 'setting';
}

export interface ParseResult {
  topology: Topology;
  diagnostics: Diagnostic[];
  /** False when any diagnostic is an error: the caller keeps its last good topology. */
  ok: boolean;
}

/**
 * An edit made on the canvas or in the inspector. `patchTopology(text, edit)` turns it into the smallest change of
 * the text that has that effect, leaving every other character (comments, styles, spacing) as it was.
 */
export type CanvasEdit =
  | { type: 'addNode'; label: string; kind: NodeKind; id?: string; group?: string }
  | { type: 'addEdge'; from: string; to: string; label?: string }
  | { type: 'renameNode'; id: string; label: string }
  | { type: 'deleteNode'; id: string }
  | { type: 'deleteEdge'; edgeId: string }
  | { type: 'setEdgeLabel'; edgeId: string; label: string }
  | { type: 'setKind'; id: string; kind: NodeKind }
  /** `value: null` removes the key. `target` is a node id, a topic name or a consumer group name. */
  | { type: 'setConfig'; target: string; key: string; value: string | null };

/** A replacement of `text.slice(from, to)` by `insert`, in the coordinates of the text before the edit. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export interface PatchResult {
  /** Non-overlapping, sorted by `from`; empty when the edit changes nothing. */
  changes: TextChange[];
  /** The text with the changes applied. */
  text: string;
  /** The id of the node an `addNode` created. */
  createdId?: string;
  /** Why the edit could not be made (unknown node, would create a duplicate id, ...); `changes` is then empty. */
  error?: string;
}

/**
 * The shape of the AsyncAPI 3.x documents EventLab writes and reads, as far as it uses them, and the `x-eventlab`
 * extensions that carry what AsyncAPI has no field for (the drawing: node ids, labels and shapes, the edges that are
 * not operations, subgraphs and settings). Extensions are allowed on every object the spec names (its
 * "Specification Extensions"), so a document with them still validates and other tools ignore them.
 */
import type { ArrowHead, NodeKind, Shape, Stroke } from '../topology/types.ts';

/** The AsyncAPI version EventLab writes: the newest 3.x schema that @asyncapi/specs ships (6.11.1 has 3.0.0 and 3.1.0). */
export const ASYNCAPI_VERSION = '3.1.0';
/** Avro's schema format in a multi-format schema object, as the AsyncAPI spec lists it. */
export const AVRO_FORMAT = 'application/vnd.apache.avro;version=1.9.0';
export const KAFKA_BINDING = '0.5.0';
export const AMQP_BINDING = '0.3.0';

/** A node of the drawing, as an extension on the server or channel that stands for it (or in the root list). */
export interface NodeHint {
  id: string;
  label: string;
  kind: NodeKind;
  shape?: Shape;
  group?: string;
  style?: Record<string, string>;
}

/** An edge of the drawing: on the operation it stands for, or in the root list. `at` keeps the text's order. */
export interface EdgeHint {
  from: string;
  to: string;
  label?: string;
  stroke?: Stroke;
  /** Arrow heads and length, when not `-->`'s. */
  arrowStart?: ArrowHead;
  arrowEnd?: ArrowHead;
  length?: number;
  at: number;
}

export interface GroupHint {
  id: string;
  title: string;
  parent?: string;
}

/** The document's root extension: everything of the drawing that no AsyncAPI object stands for. */
export interface RootHint {
  direction: string;
  /** Every node id, in the text's order. */
  order: string[];
  nodes: NodeHint[];
  edges: EdgeHint[];
  groups: GroupHint[];
  /** `%% @config` directives, less the topic settings the Kafka channel bindings carry. */
  config: { target: string; values: Record<string, string> }[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One thing an imported document said that the topology could not take, with where it was said. */
export interface ImportNote {
  /** A JSON pointer into the document (`/channels/orders/bindings/kafka`). */
  pointer: string;
  message: string;
}

/**
 * The schemas family's part of the world: the Avro types of the declared schemas, the registry's subjects (durable,
 * as Confluent keeps them in its `_schemas` topic), each producer instance's cache of schema ids (memory: a crash
 * forgets it), which schema each message was written with, and what failed.
 */
import type { Mode } from './compat.ts';

export interface SubjectVersion {
  version: number;
  /** The registry-wide schema id (the same schema under two subjects keeps one id). */
  id: number;
  def: number;
}

export interface Registry {
  node: string;
  host: number;
  up: boolean;
  mode: Mode;
  subjects: Map<string, SubjectVersion[]>;
  /** Schema ids by canonical schema text. */
  ids: Map<string, number>;
  nextId: number;
}

export interface SchemasPart {
  /** Each declared schema's JSON text (spec order; its Avro type is `typeOfText`'s), and its name and version. */
  schemas: string[];
  defs: { name: string; version: number }[];
  writers: Map<string, number>;
  readers: Map<string, number>;
  registry: Registry | null;
  /** `instance:life:subject:def` -> the schema id a producer instance has cached. */
  cache: Map<string, number>;
  /** A registration refused, by `subject:def` and the subject's version count when it was decided. */
  refusals: Map<string, { versions: number; why: string }>;
  /** Message id -> the schema (index into `types`) it was written with. */
  written: Map<number, number>;
  /** `reader:writer` -> true, or why the reader cannot resolve the writer. */
  resolvable: Map<string, true | string>;
  /** Sends refused, by reason; messages consumers could not deserialize (ids, first seen first). */
  refusedIncompatible: number;
  refusedUnavailable: number;
  refusedIds: number[];
  unreadable: number[];
  unreadableSeen: Set<number>;
  registrations: number;
  /** Releases the text schedules (`upgrade.to`, `upgrade.at`), each a rolling upgrade at its moment. */
  releases: { node: string; def: number; atUs: number }[];
}

declare module '../world.ts' {
  interface Parts {
    schemas: SchemasPart;
  }
}

export function createSchemasPart(): SchemasPart {
  return {
    schemas: [], defs: [], writers: new Map(), readers: new Map(), registry: null, cache: new Map(), refusals: new Map(), written: new Map(),
    resolvable: new Map(), refusedIncompatible: 0, refusedUnavailable: 0, refusedIds: [], unreadable: [], unreadableSeen: new Set(), registrations: 0, releases: [],
  };
}

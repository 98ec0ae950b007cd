/**
 * The schemas' part of a resolved topology: the declared schemas, the registry (if one is drawn) with its
 * compatibility mode, and which schema each service writes and reads with.
 */
import type { SourceSpan } from '../topology/types.ts';
import type { Mode } from './compat.ts';

export interface SchemaDef {
  name: string;
  version: number;
  json: unknown;
  span: SourceSpan;
}

export interface SchemasSpec {
  defs: SchemaDef[];
  registry: { node: string; mode: Mode } | null;
  /** Service node id -> index in `defs` of the schema it writes; and of the one it reads with. */
  writers: Record<string, number>;
  readers: Record<string, number>;
  /** Releases scheduled in the text (`upgrade.to=Name:vN upgrade.at=20s`): from `atUs` the service moves to `def`. */
  upgrades: { node: string; def: number; atUs: number }[];
}

declare module '../model/spec.ts' {
  interface Spec {
    schemas: SchemasSpec;
  }
}

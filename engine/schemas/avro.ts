/**
 * The Avro library (avsc), loaded only when a topology declares schemas: a dynamic import keeps it out of the app's
 * first load (it becomes its own chunk of the worker). Whoever runs a topology with `@schema` directives awaits
 * `loadSchemaSupport()` first (the worker does before parsing such a text; the command line and tests do too); the
 * simulation itself stays synchronous.
 */
import type * as Avsc from 'avsc';

type Lib = typeof Avsc;
let lib: Lib | null = null;

/** Loads the Avro library once. */
export async function loadSchemaSupport(): Promise<void> {
  if (lib) return;
  // Its types alone (no Avro files, streams or RPC): in the browser the `buffer` and `util` packages stand in for
  // Node's modules of those names.
  // @ts-expect-error -- avsc declares types for its main entry only; this one exports the same `Type`.
  const m = (await import('avsc/etc/browser/avsc-types.js')) as Lib & { default?: Lib };
  lib = m.default && typeof m.default.Type === 'function' ? m.default : m;
}

/** Whether the Avro library is loaded. */
export function schemaSupportLoaded(): boolean {
  return lib !== null;
}

/** The loaded library; throws with what to do when nobody loaded it. */
export function avro(): Lib {
  if (!lib) throw new Error('this topology declares @schema directives: await loadSchemaSupport() (engine/index.ts) before running it');
  return lib;
}

export type AvroType = Avsc.Type;

/** Builds the Avro type of a schema's JSON, or says why it is not a valid Avro schema. */
export function avroType(json: unknown): AvroType | string {
  try {
    return avro().Type.forSchema(json as Avsc.Schema);
  } catch (e) {
    return (e as Error).message;
  }
}

/** Whether data written with `writer` can be read with `reader` (Avro's schema resolution), or why not. */
export function canRead(reader: AvroType, writer: AvroType): true | string {
  try {
    reader.createResolver(writer);
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}

const byText = new Map<string, AvroType>();

/**
 * The Avro type of a declared schema's JSON text, built once per text. Types hold functions, so a world keeps the
 * texts, never the types: a world must survive structuredClone (snapshots for time travel, forks).
 */
export function typeOfText(json: string): AvroType {
  let t = byText.get(json);
  if (!t) byText.set(json, (t = avro().Type.forSchema(JSON.parse(json) as Avsc.Schema)));
  return t;
}


/**
 * Reading an AsyncAPI document as plain JSON: local `$ref`s followed (`#/components/messages/X`), JSON pointers
 * for notes, Mermaid-safe ids, and the Avro schemas among its messages.
 */
import type { ImportNote, JsonObject } from './types.ts';

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointer = (...keys: (string | number)[]) => keys.map((k) => `/${escape(String(k))}`).join('');

/** Follows local references; an external or broken one is a note and gives undefined. */
export class Doc {
  constructor(
    readonly root: JsonObject,
    readonly notes: ImportNote[],
  ) {}

  at(ref: string): unknown {
    let v: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      v = isObject(v) ? v[key] : Array.isArray(v) ? v[Number(key)] : undefined;
    }
    return v;
  }

  /** `v`, or what its `$ref` points at (references to references followed, at most 32). */
  deref(v: unknown, where: string): unknown {
    for (let hops = 0; hops < 32; hops++) {
      if (!isObject(v) || typeof v['$ref'] !== 'string') return v;
      const ref = v['$ref'];
      if (!ref.startsWith('#/')) {
        this.notes.push({ pointer: where, message: `the reference '${ref}' points outside the document, which EventLab cannot follow` });
        return undefined;
      }
      v = this.at(ref);
      if (v === undefined) {
        this.notes.push({ pointer: where, message: `the reference '${ref}' points at nothing in the document` });
        return undefined;
      }
    }
    this.notes.push({ pointer: where, message: 'references loop' });
    return undefined;
  }

  /** The entries of an object at the root (`servers`, `channels`, ...), or none. */
  entries(v: unknown): [string, JsonObject][] {
    return isObject(v) ? Object.entries(v).filter((e): e is [string, JsonObject] => isObject(e[1])) : [];
  }
}

/** A Mermaid node id made of `raw` (letters, digits, `_`), unique in `taken`. */
export function idFor(raw: string, taken: Set<string>): string {
  let base = raw.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'Node';
  // Words mermaid reserves cannot be ids; a leading digit reads fine, but a letter reads better.
  if (/^(end|graph|flowchart|subgraph|style|class|classDef|click|linkStyle|direction)$/i.test(base)) base = `${base}_`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

export interface FoundSchema {
  key: string;
  name: string;
  version: number;
  json: unknown;
}

/**
 * The Avro schemas among the document's component messages, each with its name and version: from EventLab's own
 * `x-eventlab-schema`, else the message's `name` and a `_v<N>` ending of its key (version 1 without one).
 */
export function avroSchemas(doc: Doc): FoundSchema[] {
  const components = doc.root['components'];
  const out: FoundSchema[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of doc.entries(isObject(components) ? components['messages'] : undefined)) {
    const where = pointer('components', 'messages', key);
    const m = doc.deref(raw, where);
    if (!isObject(m) || m['payload'] === undefined) continue;
    const payload = m['payload'];
    const format = isObject(payload) && typeof payload['schemaFormat'] === 'string' ? payload['schemaFormat'] : '';
    if (!format.startsWith('application/vnd.apache.avro')) {
      doc.notes.push({ pointer: `${where}/payload`, message: `message '${key}' has a ${format || 'JSON Schema'} payload; EventLab declares Avro schemas only, so it is left out` });
      continue;
    }
    const hint = isObject(m['x-eventlab-schema']) ? m['x-eventlab-schema'] : {};
    const name = typeof hint['name'] === 'string' ? hint['name'] : typeof m['name'] === 'string' ? m['name'] : key.replace(/_v\d+$/, '');
    const version = typeof hint['version'] === 'number' ? hint['version'] : Number(/_v(\d+)$/.exec(key)?.[1] ?? 1);
    const json = isObject(payload) ? doc.deref(payload['schema'], `${where}/payload/schema`) : undefined;
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || !Number.isInteger(version) || version < 1) {
      doc.notes.push({ pointer: where, message: `message '${key}': '${name}' v${version} is not a schema name and version EventLab can declare` });
      continue;
    }
    if (json === undefined || seen.has(`${name}:${version}`)) continue;
    seen.add(`${name}:${version}`);
    out.push({ key, name, version, json });
  }
  return out;
}

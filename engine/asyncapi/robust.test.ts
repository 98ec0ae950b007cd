/**
 * Whatever a file holds, import answers with text or a reason and never throws: any JSON under `asyncapi: 3.0.0`,
 * and EventLab's own export with parts of it broken (a key deleted or replaced by a wrong type), as an edited file
 * might be, read as EventLab's or as another tool's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../topology/parse.ts';
import { toAsyncApi } from './export.ts';
import { fromAsyncApi } from './import.ts';
import type { Json, JsonObject } from './types.ts';

const ORDERS = `graph LR
  Orders[Order Service] -->|OrderCreated| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  Orders -->|order.eu.created| Ex["Exchange: events (topic)"]
  Ex -->|order.#| Q[(Queue: audit)]
  Q --> Audit[Audit Service]
  %% @config orders partitions=3
  %% @schema OrderCreated v1 avro {"type": "record", "name": "OrderCreated", "fields": [{"name": "id", "type": "string"}]}
  %% @config Orders schema=OrderCreated:v1
`;

/** Every path to a value in a document. */
function paths(v: Json, at: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string, Json>)[k]!, [...at, k]))];
}

function broken(doc: JsonObject, path: string[], value: Json | undefined): JsonObject {
  const copy = JSON.parse(JSON.stringify(doc)) as JsonObject;
  let o: Json = copy;
  for (const k of path.slice(0, -1)) o = (o as Record<string, Json>)[k]!;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(o)) delete (o as Record<string, Json>)[last];
  else (o as Record<string, Json>)[last] = value ?? null;
  return copy;
}

describe('AsyncAPI import of damaged documents', () => {
  it('answers any JSON under asyncapi 3.0.0 with text or a reason', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom('info', 'servers', 'channels', 'operations', 'components', 'x-eventlab'), fc.jsonValue()), (junk, parts) => {
        const r = fromAsyncApi({ asyncapi: '3.0.0', ...(parts as JsonObject), junk: junk as Json });
        expect(typeof (r.ok ? r.text : r.problem.message)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('answers an export with any one part deleted or given a wrong type, and the text it gives parses', () => {
    const doc = toAsyncApi(parseTopology(ORDERS).topology).doc;
    const all = paths(doc).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom<Json | undefined>(undefined, null, 7, 'x', 'a b', [], {}), fc.boolean(), (path, value, foreign) => {
        const damaged = broken(doc, path, value);
        // Without its x-eventlab root, the document is read as another tool's.
        if (foreign) delete damaged['x-eventlab'];
        const r = fromAsyncApi(damaged);
        if (r.ok) expect(parseTopology(r.text).diagnostics.filter((d) => d.severity === 'error' && !d.message.includes('schema'))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

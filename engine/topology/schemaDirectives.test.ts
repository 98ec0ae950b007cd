/**
 * `%% @schema` directives: the seed's OrderPlacedEvent loads as written (one `%%` per line, so the text stays a
 * Mermaid flowchart), and what is wrong in one is a diagnostic at its own line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';
import { printTopology } from './print.ts';

const SEED = `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
%% @schema OrderPlacedEvent v1 avro
%% {
%% "type": "record",
%% "name": "OrderPlacedEvent",
%% "namespace": "com.mpc.commerce.orders",
%% "fields": [
%% { "name": "eventId", "type": "string" },
%% { "name": "orderId", "type": "string" },
%% { "name": "customerId", "type": "string" },
%% { "name": "amount", "type": "double" },
%% { "name": "timestamp", "type": "long" }
%% ]
%% }
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
`;

describe('@schema directives', () => {
  it("load the seed's OrderPlacedEvent as written, and leave the flowchart as it was", () => {
    const r = parseTopology(SEED);
    expect(r.diagnostics).toEqual([]);
    expect(r.topology.schemas).toHaveLength(1);
    const s = r.topology.schemas![0]!;
    expect(s).toMatchObject({ name: 'OrderPlacedEvent', version: 1, format: 'avro' });
    expect((s.json as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual(['eventId', 'orderId', 'customerId', 'amount', 'timestamp']);
    expect([s.span.line, s.span.column, SEED.slice(s.span.from, s.span.to).split('\n').length]).toEqual([3, 1, 13]);
    expect(r.topology.edges.map((e) => e.kind)).toEqual(['publish', 'subscribe']);
    // Comments to Mermaid: printing keeps every line of the schema, and the printed text reads the same schema.
    const printed = printTopology(r.topology);
    for (const line of SEED.split('\n').slice(2, 15)) expect(printed).toContain(line);
    expect(parseTopology(printed).topology.schemas?.map(({ name, version, json }) => ({ name, version, json }))).toEqual([{ name: s.name, version: 1, json: s.json }]);
  });

  it('take the JSON on one line too, and a text without any costs nothing', () => {
    const r = parseTopology('graph LR\n  A --> B\n  %% @schema Amount v3 avro {"type": "record", "name": "Amount", "fields": [{"name": "v", "type": "long"}]}\n');
    expect(r.topology.schemas?.map((s) => [s.name, s.version])).toEqual([['Amount', 3]]);
    expect(parseTopology('graph LR\n  A --> B\n').topology.schemas).toBeUndefined();
  });

  it("report a JSON syntax error at the line and column where the JSON breaks", () => {
    const broken = SEED.replace('"type": "record",', '"type": "record"');
    const r = parseTopology(broken);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message).toMatch(/^schema 'OrderPlacedEvent' v1 is not valid JSON/);
    // The next property starts on line 6, after '%% ': column 4.
    expect([d.line, d.column]).toEqual([6, 4]);
    expect(r.ok).toBe(false);
  });

  it('report a schema that never closes, a bad version and an unknown format at their own place', () => {
    const unclosed = parseTopology('graph LR\n%% @schema A v1 avro {"type": "record",\n%% "name": "A"\nA --> B\n');
    expect(unclosed.diagnostics.map((d) => [d.line, d.message])).toEqual([[2, "the schema's JSON never closes: every '{' needs its '}' on a '%%' line"]]);
    const version = parseTopology('graph LR\n%% @schema A 1 avro {"type": "string"}\n');
    expect(version.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[2, 14, "the version of schema 'A' must read v1, v2, ...; found '1'"]]);
    const format = parseTopology('graph LR\n%% @schema A v1 protobuf {"type": "string"}\n');
    expect(format.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[2, 17, "schema 'A' v1: the format must be 'avro', not 'protobuf'"]]);
  });

  it('report a version declared twice', () => {
    const r = parseTopology('graph LR\n%% @schema A v1 avro {"type": "string"}\n%% @schema A v1 avro {"type": "long"}\n');
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, "schema 'A' v1 is declared twice"]]);
  });
});

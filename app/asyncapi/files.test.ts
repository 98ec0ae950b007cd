/**
 * AsyncAPI files: a YAML export parses back to the same document; a file that is not YAML or not AsyncAPI 3 is
 * refused with its line and column; one that maps opens as topology text, with notes on what it left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toAsyncApi } from '../../engine/asyncapi/export.ts';
import { parseTopology } from '../../engine/index.ts';
import { asyncApiText, importAsyncApi } from './files.ts';

const text = readFileSync(join(import.meta.dirname, '../../docs/topologies/orders-acks1.mmd'), 'utf8');
const topology = parseTopology(text).topology;

describe('AsyncAPI files', () => {
  it('write the document as YAML and as JSON, each parsing back to it', () => {
    const { doc } = toAsyncApi(topology, { title: 'Orders' });
    expect(parse(asyncApiText(topology, 'Orders', 'yaml'))).toEqual(doc);
    expect(JSON.parse(asyncApiText(topology, 'Orders', 'json'))).toEqual(doc);
  });

  it('read an exported file back as the same topology', async () => {
    const r = await importAsyncApi('orders.asyncapi.yaml', asyncApiText(topology, 'Orders', 'yaml'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.name).toBe('Orders');
    expect(r.notes).toEqual([]);
    expect(parseTopology(r.text).topology.edges.map((e) => `${e.from}-${e.kind}->${e.to}`)).toEqual(topology.edges.map((e) => `${e.from}-${e.kind}->${e.to}`));
  });

  it('refuse a file that is not YAML, at its line and column', async () => {
    const r = await importAsyncApi('broken.yaml', 'asyncapi: 3.1.0\ninfo:\n  title: "unclosed\n');
    // yaml finds the quote unclosed where the file ends; its place is said once.
    expect(r).toEqual({ ok: false, reason: 'broken.yaml is not YAML or JSON: line 4, column 1: Missing closing "quote.' });
  });

  it('open a document with parts it cannot map, naming each at its line, column and JSON pointer', async () => {
    const source = 'asyncapi: 3.1.0\ninfo:\n  title: Devices\n  version: 1.0.0\nservers:\n  iot:\n    host: mqtt.example.com\n    protocol: mqtt\n';
    const r = await importAsyncApi('devices.yaml', source);
    expect(r).toMatchObject({ ok: true, name: 'Devices', notes: [expect.stringMatching(/^at line 8, column 15 \(\/servers\/iot\/protocol\): server 'iot' speaks mqtt; /)] });
  });

  it('refuse an AsyncAPI 2 document, saying how to convert it', async () => {
    const r = await importAsyncApi('old.json', '{"asyncapi": "2.6.0", "info": {"title": "x", "version": "1"}, "channels": {}}');
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('at line 1, column 14 (/asyncapi), this is AsyncAPI 2.6.0') });
  });
});

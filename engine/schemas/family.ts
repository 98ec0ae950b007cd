/**
 * Schemas as a component family: event schemas declared in the topology (`%% @schema`), the schema registry node
 * (`SR[Schema Registry]`, kind `schema-registry`) with its subjects, versions, ids and compatibility mode, and what
 * schemas do to traffic (gate.ts: a producer's registration and refused sends, a consumer's failed deserialization).
 * A topology with no schemas and no registry gets nothing from it: its runs are those it had before.
 */
import type { Family } from '../family.ts';
import { T } from '../history/kinds.ts';
import { producedAtOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { at, on } from '../sim/loop.ts';
import { addHost } from '../sim/network.ts';
import type { World } from '../world.ts';
import { loadSchemaSupport, typeOfText } from './avro.ts';
import './errors.ts';
import { SCT } from './trace.ts';
import { SCE } from './events.ts';
import { register, subjectOf } from './gate.ts';
import { createSchemasPart } from './part.ts';
import { resolveSchemas } from './resolve.ts';

export const schemas: Family = {
  name: 'schemas',
  kinds: ['schema-registry'],
  modules: [],
  createPart: createSchemasPart,
  resolve: resolveSchemas,
  prepare: (text) => (text.includes('@schema') ? loadSchemaSupport() : undefined),

  build(w, spec) {
    const s = w.parts.schemas;
    const ss = spec.schemas;
    s.schemas = ss.defs.map((d) => JSON.stringify(d.json));
    s.defs = ss.defs.map((d) => ({ name: d.name, version: d.version }));
    for (const [node, def] of Object.entries(ss.writers)) s.writers.set(node, def);
    for (const [node, def] of Object.entries(ss.readers)) s.readers.set(node, def);
    s.releases = ss.upgrades.map((u) => ({ ...u }));
    if (!ss.registry) return;
    const r = (s.registry = { node: ss.registry.node, host: addHost(w.net, ss.registry.node, 5000), up: true, mode: ss.registry.mode, subjects: new Map(), ids: new Map(), nextId: 1 });
    // What earlier releases registered: every declared version of a schema older than the oldest one its
    // producers write now, under each subject they write to, in version order (accepted in their day, unchecked).
    const oldest = new Map<string, number>();
    spec.services.forEach((svc) => {
      const def = ss.writers[svc.node];
      if (def === undefined) return;
      for (const p of svc.publishes) {
        const subject = subjectOf(w, p.destination);
        const was = oldest.get(subject);
        if (was === undefined || ss.defs[def]!.version < ss.defs[was]!.version) oldest.set(subject, def);
      }
    });
    for (const [subject, def] of [...oldest].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const name = ss.defs[def]!.name;
      const older = ss.defs.map((d, i) => ({ d, i })).filter(({ d }) => d.name === name && d.version < ss.defs[def]!.version).sort((a, b) => a.d.version - b.d.version);
      for (const { i } of older) register(w, r, subject, i, false);
    }
  },

  start(w) {
    w.parts.schemas.releases.forEach((u, i) => at(w, u.atUs, SCE.release, i, 0));
  },

  // A rolling upgrade names a service (the applications family owns its node); what it writes and reads is ours.
  performs: ['upgrade'],
  perform(w, f) {
    return f.action === 'upgrade' ? upgrade(w, f.target, f.schema, f.reader) : undefined;
  },

  target(w, name) {
    const r = w.parts.schemas.registry;
    return r && r.node === name ? { family: 'schemas', label: r.node, ref: { type: 'registry', ids: [0] } } : undefined;
  },

  hosts(w) {
    return [w.parts.schemas.registry!.host];
  },

  act(w, _t, f) {
    const r = w.parts.schemas.registry!;
    switch (f.action) {
      case 'crash':
        if (!r.up) return `!${r.node} is already down`;
        r.up = false;
        record(w.trace, w.now, T.crash, r.host, -1, 0, 1, 0);
        return `crashed ${r.node}: producers with a cached schema id keep sending, new registrations fail`;
      case 'restart':
        if (r.up) return `!${r.node} is running`;
        r.up = true;
        record(w.trace, w.now, T.crash, r.host, -1, 0, 2, 0);
        return `restarted ${r.node}`;
      default:
        return `!${f.action} cannot be applied to a schema registry (${r.node}): crash and restart can`;
    }
  },

  summary(w) {
    const s = w.parts.schemas;
    if (s.schemas.length === 0 && !s.registry) return '';
    const r = s.registry;
    const subjects = r ? [...r.subjects].map(([name, vs]) => `${name} v${vs.map((v) => v.version).join(',')}`).join('; ') : '';
    const refused = [...s.refusals].map(([key, x]) => {
      const [subject, def] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
      return `\n    refused ${s.defs[def]!.name} v${s.defs[def]!.version} under ${subject}: ${x.why}`;
    });
    return `schemas: ${s.schemas.length} declared${r ? `; registry ${r.node} (${r.mode}${r.up ? '' : ', down'}): ${subjects || 'no subjects'}` : '; no registry'}${refused.join('')}`;
  },

  inspect: {
    /** The schema failures of the run (the command line's report, and goals). */
    failures: (w) => schemaFailures(w),
    /** What the events sent from a moment on (in µs) were written with, per declared schema (goals). */
    written: (w, fromUs) => writtenSince(w, fromUs),
  },

  reconfigure(w, from, to) {
    if (JSON.stringify(from.schemas) !== JSON.stringify(to.schemas)) return 'the schemas changed';
    return null;
  },

  hash(w, mix) {
    const s = w.parts.schemas;
    if (!s.registry && s.schemas.length === 0) return;
    mix(s.registrations);
    mix(s.refusedIncompatible);
    mix(s.refusedUnavailable);
    mix(s.unreadable.length);
    mix(s.registry?.up ? 1 : 0);
  },
};

/** A release the text scheduled: the service moves to its new schema, as the upgrade fault would move it. */
on<World>(SCE.release, 'release', (w, i) => {
  const s = w.parts.schemas;
  const u = s.releases[i]!;
  const before = { writes: s.writers.get(u.node), reads: s.readers.get(u.node) };
  const d = s.defs[u.def]!;
  upgrade(w, u.node, `${d.name}:v${d.version}`, undefined);
  const svc = w.parts.apps.services.find((x) => x.node === u.node);
  const host = svc ? w.parts.apps.instances[svc.instances[0]!]!.host : -1;
  const writes = before.writes !== u.def && s.writers.get(u.node) === u.def;
  const reads = before.reads !== u.def && s.readers.get(u.node) === u.def;
  record(w.trace, w.now, SCT.schemaRelease, host, -1, u.def, writes ? 1 : 0, reads ? 1 : 0);
});

/**
 * A rolling upgrade of one service (`20s upgrade InventoryService reader.schema=OrderPlacedEvent:v2`): a redeploy with
 * new settings, without the restart. `schema=` changes what it writes (it registers the new version on its next
 * send, since the id it cached was for the old one, and is refused if that is incompatible) and, when it read with
 * the same schema, what it reads with; `reader.schema=` what it reads with, from its next record. Which order is safe
 * is Confluent's: BACKWARD, consumers first; FORWARD, producers first; FULL, either (Schema Evolution and
 * Compatibility, "Order of upgrading clients").
 */
function upgrade(w: World, node: string, schema: string | undefined, reader: string | undefined): string {
  const s = w.parts.schemas;
  const svc = w.parts.apps.services.findIndex((x) => x.node === node);
  if (svc < 0) return `!nothing is named '${node}' that writes or reads events: upgrade a service`;
  const find = (value: string): number | string => {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*):v?(\d+)$/.exec(value);
    const i = m ? s.defs.findIndex((d) => d.name === m[1] && d.version === Number(m[2])) : -1;
    return i >= 0 ? i : `no schema ${value} is declared: write it as Name:vN, declared with '%% @schema Name vN avro { ... }'`;
  };
  const publishes = w.parts.apps.services[svc]!.publishes.length > 0;
  // A consumer has a reader schema from its settings, or reads with the writer's (then it may be given one).
  const reads = s.readers.has(node) || w.parts.apps.readers.some((r) => r.service === svc);
  const done: string[] = [];
  if (schema !== undefined) {
    const def = find(schema);
    if (typeof def === 'string') return `!${def}`;
    const before = s.writers.get(node);
    const readSame = before === undefined || !s.readers.has(node) || s.readers.get(node) === before;
    if (publishes) {
      s.writers.set(node, def);
      done.push(`writes ${s.defs[def]!.name} v${s.defs[def]!.version} (registered on its next send)`);
    }
    if (reads && reader === undefined && readSame) {
      s.readers.set(node, def);
      done.push(`reads with ${s.defs[def]!.name} v${s.defs[def]!.version}`);
    }
  }
  if (reader !== undefined) {
    const def = find(reader);
    if (typeof def === 'string') return `!${def}`;
    if (!reads) return `!${node} reads no events: its reader schema does not matter`;
    s.readers.set(node, def);
    done.push(`reads with ${s.defs[def]!.name} v${s.defs[def]!.version}`);
  }
  if (done.length === 0) return `!${node} neither writes nor reads events: there is no schema to upgrade`;
  return `upgraded ${node}: it ${done.join(' and ')}`;
}

export interface SchemaFailures {
  /** Sends refused: the registry refused the schema as incompatible, or was down with no id cached. */
  refusedIncompatible: number;
  refusedUnavailable: number;
  /** Up to 1000 ids of refused messages, first first. */
  refusedIds: number[];
  /** Messages a consumer could not deserialize with its reader schema, by id (each once). */
  unreadable: number[];
  registrations: number;
}

export function schemaFailures(w: World): SchemaFailures {
  const s = w.parts.schemas;
  return { refusedIncompatible: s.refusedIncompatible, refusedUnavailable: s.refusedUnavailable, refusedIds: [...s.refusedIds], unreadable: [...s.unreadable], registrations: s.registrations };
}

/** The events written with one declared schema, sent from a given moment on. */
export interface WrittenWith {
  name: string;
  version: number;
  /** The schema's top-level field names (a record's), empty for any other type. */
  fields: string[];
  count: number;
  /** The first such event's id. */
  first: number;
}

/** Per declared schema (spec order), the events sent from `fromUs` on that were written with it (refused sends excluded). */
export function writtenSince(w: World, fromUs: number): WrittenWith[] {
  const s = w.parts.schemas;
  const out: WrittenWith[] = s.defs.map((d, i) => ({ ...d, fields: ((typeOfText(s.schemas[i]!) as { fields?: { name: string }[] }).fields ?? []).map((f) => f.name), count: 0, first: -1 }));
  for (const [id, def] of s.written) {
    if (producedAtOf(w.messages, id) < fromUs) continue;
    const x = out[def]!;
    if (x.count++ === 0) x.first = id;
  }
  return out;
}

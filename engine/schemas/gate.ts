/**
 * Where schemas meet traffic. A producer with a schema (`schema=Name:vN`) serializes each event with it; with a
 * registry drawn, it first needs the schema's id under the subject `<destination>-value`: from its own cache, or by
 * registering the schema (Confluent's serializer with auto.register.schemas=true). The registry accepts a schema it
 * already holds under the subject (the same id), checks a new one against the subject's compatibility mode, and
 * refuses an incompatible one; a refused or unregistrable schema fails the send. A consumer deserializes each event
 * with its reader schema: one that cannot resolve the writer's schema fails, and the message is treated as poison.
 */
import { addFlags, FAILED, FROM_SOURCE } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { checkoutFailed } from '../metrics/metrics.ts';
import type { World } from '../world.ts';
import { canRead, typeOfText } from './avro.ts';
import { compatible } from './compat.ts';
import { REGISTRY_UNAVAILABLE, SCHEMA_INCOMPATIBLE } from './errors.ts';
import type { Registry } from './part.ts';
import { SCT } from './trace.ts';

/** The subject a destination's values are registered under (Confluent's TopicNameStrategy). */
export function subjectOf(w: World, destination: number): string {
  return `${w.msg.destinations[destination]?.name ?? destination}-value`;
}

/** The canonical text of a schema, to tell one schema registered twice from a new one. */
function canonical(w: World, def: number): string {
  return JSON.stringify(typeOfText(w.parts.schemas.schemas[def]!).schema());
}

/**
 * Registers schema `def` under `subject`: its version (existing or new) and id, or why the registry refuses it.
 * `check` false registers without a compatibility check (versions that were registered before the run began).
 */
export function register(w: World, r: Registry, subject: string, def: number, check = true): { version: number; id: number } | string {
  const s = w.parts.schemas;
  const versions = r.subjects.get(subject) ?? [];
  const text = canonical(w, def);
  const same = versions.find((v) => canonical(w, v.def) === text);
  if (same) return { version: same.version, id: same.id };
  if (check) {
    const key = `${subject}:${def}`;
    const known = s.refusals.get(key);
    if (known && known.versions === versions.length) return known.why;
    const ok = compatible(r.mode, typeOfText(s.schemas[def]!), versions.map((v) => ({ type: typeOfText(s.schemas[v.def]!), version: v.version })));
    if (ok !== true) {
      s.refusals.set(key, { versions: versions.length, why: ok });
      return ok;
    }
  }
  let id = r.ids.get(text);
  if (id === undefined) r.ids.set(text, (id = r.nextId++));
  const version = versions.length === 0 ? 1 : versions[versions.length - 1]!.version + 1;
  versions.push({ version, id, def });
  r.subjects.set(subject, versions);
  s.registrations++;
  return { version, id };
}

/**
 * A service instance is about to send `message` to `destination`: tags it with the schema it is written with, and
 * returns 0 when it may go, or the error code its send fails with (traced and counted here).
 */
export function schemaSend(w: World, node: string, host: number, instance: number, life: number, destination: number, place: number, message: number): number {
  const s = w.parts.schemas;
  const def = s.writers.get(node);
  if (def === undefined) return 0;
  s.written.set(message, def);
  const r = s.registry;
  if (!r) return 0;
  const subject = subjectOf(w, destination);
  // The id is cached per schema: a producer upgraded to a new one registers it on its next send.
  const key = `${instance}:${life}:${subject}:${def}`;
  if (s.cache.has(key)) return 0;
  let code = 0;
  if (!r.up) code = REGISTRY_UNAVAILABLE;
  else {
    const got = register(w, r, subject, def);
    if (typeof got === 'string') code = SCHEMA_INCOMPATIBLE;
    else {
      s.cache.set(key, got.id);
      record(w.trace, w.now, SCT.schemaRegistered, r.host, -1, def, got.version, got.id);
      return 0;
    }
  }
  s.written.delete(message);
  if (code === SCHEMA_INCOMPATIBLE) s.refusedIncompatible++;
  else s.refusedUnavailable++;
  if (s.refusedIds.length < 1000) s.refusedIds.push(message);
  record(w.trace, w.now, SCT.schemaRefused, host, place, message, code, def);
  // The serializer threw before the record reached the producer: the send failed, as a failed send counts.
  w.metrics.sendFailed++;
  if (addFlags(w.messages, message, FAILED) & FROM_SOURCE) {
    checkoutFailed(w.metrics, { message, at: w.now, code, service: node });
    w.metrics.originFailed.set(host, (w.metrics.originFailed.get(host) ?? 0) + 1);
  }
  return code;
}

/** Why the reader `reader` cannot deserialize what `writer` wrote, or true when it can (memoized). */
export function readable(w: World, reader: number, writer: number): true | string {
  const s = w.parts.schemas;
  if (reader === writer) return true;
  const key = `${reader}:${writer}`;
  let ok = s.resolvable.get(key);
  if (ok === undefined) s.resolvable.set(key, (ok = canRead(typeOfText(s.schemas[reader]!), typeOfText(s.schemas[writer]!))));
  return ok;
}

/**
 * Whether a service can deserialize `message`; when it cannot, traces the failure and counts the message (once).
 * A consumer without a reader schema reads with the writer's (a generic reader): it can always.
 */
export function schemaReadFails(w: World, node: string, host: number, place: number, message: number): boolean {
  const s = w.parts.schemas;
  if (s.written.size === 0) return false;
  const reader = s.readers.get(node);
  const writer = s.written.get(message);
  if (reader === undefined || writer === undefined || readable(w, reader, writer) === true) return false;
  record(w.trace, w.now, SCT.schemaUnreadable, host, place, message, writer, reader);
  if (!s.unreadableSeen.has(message)) {
    s.unreadableSeen.add(message);
    s.unreadable.push(message);
  }
  return true;
}

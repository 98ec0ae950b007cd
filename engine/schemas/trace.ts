/**
 * The schemas' trace kinds and how they read in the event log: a schema registered (or found registered) under a
 * subject, a send refused for its schema, and an event a consumer could not deserialize.
 */
import { defineTraceKinds } from '../history/trace.ts';
import type { World } from '../world.ts';
import { errorName } from '../history/errors.ts';
import { SCHEMA_INCOMPATIBLE } from './errors.ts';

const def = (w: World, i: number) => {
  const d = w.parts.schemas.defs[i];
  return d ? `${d.name} v${d.version}` : 'a schema';
};

export const SCT = defineTraceKinds({
  // node=registry host, a=schema (def index), b=version under the subject, c=schema id
  schemaRegistered: {
    describe: (w, e, at) => ({ text: `${at.node} registered ${def(w, e.a)} as version ${e.b} (id ${e.c})`, placeless: true }),
  },
  // node=producer host, part=place, a=message id, b=error code, c=schema (def index)
  schemaRefused: {
    namesMessage: true,
    describe: (w, e, at) => ({
      text: `${at.node}: sending message #${e.a} failed: ${e.b === SCHEMA_INCOMPATIBLE ? `the registry refused ${def(w, e.c)} as incompatible` : `${errorName(e.b)}, and ${def(w, e.c)} has no cached id`}`,
      message: e.a,
    }),
  },
  // node=service host, a=schema (def index), b=1 when it now writes it, c=1 when it now reads with it
  schemaRelease: {
    describe: (w, e, at) => {
      const does = [e.b === 1 ? 'writes' : '', e.c === 1 ? 'reads with' : ''].filter(Boolean).join(' and ');
      return { text: `${at.node}'s new release ${does ? `${does} ${def(w, e.a)}` : `changes nothing: ${def(w, e.a)} is neither what it writes nor what it reads`}`, placeless: true };
    },
  },
  // node=consumer host, part=place, a=message id, b=writer schema, c=reader schema
  schemaUnreadable: {
    namesMessage: true,
    describe: (w, e, at) => ({ text: `${at.node} could not deserialize message #${e.a}: written with ${def(w, e.b)}, read with ${def(w, e.c)}`, message: e.a }),
  },
});

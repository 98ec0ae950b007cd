/**
 * Compatibility modes on the cases of Confluent's documentation (Schema Evolution and Compatibility): adding a field
 * with and without a default, removing one, changing a type with and without a promotion; and the _TRANSITIVE forms,
 * which check every registered version where the plain forms check only the latest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { avroType, loadSchemaSupport, type AvroType } from './avro.ts';
import { compatible, MODES, type Mode } from './compat.ts';

const record = (...fields: object[]) => ({ type: 'record', name: 'OrderPlacedEvent', namespace: 'com.mpc.commerce.orders', fields });
const eventId = { name: 'eventId', type: 'string' };
const amount = { name: 'amount', type: 'double' };
const count = (type: string, extra: object = {}) => ({ name: 'count', type, ...extra });

let T: (json: object) => AvroType;
beforeAll(async () => {
  await loadSchemaSupport();
  T = (json) => {
    const t = avroType(json);
    if (typeof t === 'string') throw new Error(t);
    return t;
  };
});

/** Whether `next` may follow `previous` (one version) under each mode, as a mode -> verdict table. */
function verdicts(previous: object, next: object): Record<Mode, boolean> {
  const out = {} as Record<Mode, boolean>;
  for (const m of MODES) out[m] = compatible(m, T(next), [{ type: T(previous), version: 1 }]) === true;
  return out;
}

const table = (backward: boolean, forward: boolean): Record<Mode, boolean> => ({
  NONE: true,
  BACKWARD: backward,
  BACKWARD_TRANSITIVE: backward,
  FORWARD: forward,
  FORWARD_TRANSITIVE: forward,
  FULL: backward && forward,
  FULL_TRANSITIVE: backward && forward,
});

describe('compatibility modes, one version before', () => {
  it('adding a field with a default is compatible every way (new readers fill the default, old ones skip the field)', () => {
    expect(verdicts(record(eventId), record(eventId, { name: 'currency', type: 'string', default: 'EUR' }))).toEqual(table(true, true));
  });

  it('adding a field without a default breaks BACKWARD (a new reader has nothing to fill it with) but not FORWARD', () => {
    expect(verdicts(record(eventId), record(eventId, { name: 'currency', type: 'string' }))).toEqual(table(false, true));
  });

  it('removing a field without a default is BACKWARD (new readers ignore it) but breaks FORWARD (old readers need it)', () => {
    expect(verdicts(record(eventId, amount), record(eventId))).toEqual(table(true, false));
  });

  it('removing a field that has a default is compatible every way', () => {
    expect(verdicts(record(eventId, { ...amount, default: 0 }), record(eventId))).toEqual(table(true, true));
  });

  it('widening int to long is a promotion: BACKWARD, not FORWARD (an int reader cannot read a long)', () => {
    expect(verdicts(record(count('int')), record(count('long')))).toEqual(table(true, false));
  });

  it('narrowing long to int is FORWARD only', () => {
    expect(verdicts(record(count('long')), record(count('int')))).toEqual(table(false, true));
  });

  it('changing int to string has no promotion either way: incompatible in every mode but NONE', () => {
    expect(verdicts(record(count('int')), record(count('string')))).toEqual(table(false, false));
  });

  it('says why, naming the mode and the version', () => {
    const why = compatible('BACKWARD', T(record(eventId, { name: 'currency', type: 'string' })), [{ type: T(record(eventId)), version: 3 }]);
    expect(why).toMatch(/^BACKWARD: the new schema cannot read data written with version 3 \(.*currency/);
  });
});

describe('the _TRANSITIVE forms check every version, the plain ones the latest only', () => {
  it('BACKWARD: v3 reads v2 but not v1', () => {
    // v1 has count:int; v2 drops it; v3 brings it back as a string with a default.
    const history = [record(eventId, count('int')), record(eventId)].map((j, i) => ({ type: T(j), version: i + 1 }));
    const v3 = T(record(eventId, count('string', { default: 'none' })));
    expect(compatible('BACKWARD', v3, history)).toBe(true);
    expect(compatible('BACKWARD_TRANSITIVE', v3, history)).toMatch(/version 1/);
  });

  it('FORWARD and FULL: v2 reads v3 but v1 does not', () => {
    // v1 has count:int with no default; v2 gives it a default; v3 removes it.
    const history = [record(eventId, count('int')), record(eventId, count('int', { default: 0 }))].map((j, i) => ({ type: T(j), version: i + 1 }));
    const v3 = T(record(eventId));
    expect(compatible('FORWARD', v3, history)).toBe(true);
    expect(compatible('FORWARD_TRANSITIVE', v3, history)).toMatch(/version 1 cannot read/);
    expect(compatible('FULL', v3, history)).toBe(true);
    expect(compatible('FULL_TRANSITIVE', v3, history)).toMatch(/version 1 cannot read/);
  });

  it('NONE accepts anything, and the first version of a subject always goes', () => {
    expect(compatible('NONE', T(record(count('string'))), [{ type: T(record(count('int'))), version: 1 }])).toBe(true);
    expect(compatible('FULL_TRANSITIVE', T(record(count('string'))), [])).toBe(true);
  });
});

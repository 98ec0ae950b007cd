/**
 * Confluent Schema Registry's compatibility modes, decided by Avro's own schema resolution (avsc), not by rules
 * written here. BACKWARD: the new schema can read data written with the latest registered one (upgrade consumers
 * first). FORWARD: the latest can read data written with the new one (upgrade producers first). FULL: both. The
 * _TRANSITIVE forms check against every registered version, not only the latest. NONE checks nothing.
 */
import { canRead, type AvroType } from './avro.ts';

export const MODES = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Whether `next` may be registered after `previous` (oldest first) under `mode`; otherwise why not, in words.
 *
 * @example compatible('BACKWARD', v2, [v1]) === true
 */
export function compatible(mode: Mode, next: AvroType, previous: readonly { type: AvroType; version: number }[]): true | string {
  if (mode === 'NONE' || previous.length === 0) return true;
  const against = mode.endsWith('_TRANSITIVE') ? previous : previous.slice(-1);
  const base = mode.replace('_TRANSITIVE', '');
  for (let i = against.length - 1; i >= 0; i--) {
    const old = against[i]!;
    if (base === 'BACKWARD' || base === 'FULL') {
      const ok = canRead(next, old.type);
      if (ok !== true) return `${mode}: the new schema cannot read data written with version ${old.version} (${ok})`;
    }
    if (base === 'FORWARD' || base === 'FULL') {
      const ok = canRead(old.type, next);
      if (ok !== true) return `${mode}: version ${old.version} cannot read data written with the new schema (${ok})`;
    }
  }
  return true;
}

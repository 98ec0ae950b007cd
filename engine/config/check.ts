/**
 * One `key=value` of a `%% @config` line checked against the schema, as the text is parsed: an unknown key (with the
 * nearest known name), a setting the target does not read, a bad value, or two settings written without a space
 * between them. Each problem points at the part of the entry that is wrong, so the editor can mark it.
 */
import { setting, SETTINGS } from './schema.ts';
import type { TargetReading } from './targets.ts';
import { parseValue } from './values.ts';

/** An entry as written: `valueFrom` is where its value starts in the text (at the quote, for a quoted one). */
export interface EntryText {
  key: string;
  value: string;
  quoted: boolean;
  from: number;
  valueFrom: number;
  to: number;
}

export interface EntryProblem {
  message: string;
  from: number;
  to: number;
}

/**
 * What is wrong with one entry aimed at a target that takes settings (named `name`), or undefined.
 *
 * @example checkEntry({ key: 'lingr.ms', value: '5', ... }, 'Orders', reading)
 *   // { message: "unknown setting 'lingr.ms' for Orders (did you mean linger.ms?)", from, to: from + 8 }
 */
export function checkEntry(e: EntryText, name: string, target: Extract<TargetReading, { scopes: unknown }>): EntryProblem | undefined {
  const atKey = { from: e.from, to: e.from + e.key.length };
  const atValue = { from: e.valueFrom, to: e.to };
  const glued = e.quoted ? undefined : gluedKey(e.value);
  if (glued) {
    const second = e.value.slice(glued.at);
    return {
      message: `'${e.key}=${e.value}' runs two settings together, so '${e.key}' gets no value it can use: put a space before '${second}'`,
      from: e.valueFrom + glued.at,
      to: e.to,
    };
  }
  const s = setting(e.key);
  if (!s) return { message: `unknown setting '${e.key}' for ${name}${nearest(e.key)}`, ...atKey };
  if (!target.scopes.includes(s.scope)) return { message: `'${e.key}' is a ${s.scope} setting, which ${target.what} does not read`, ...atKey };
  const parsed = parseValue(s, e.value);
  if (typeof parsed === 'object' && 'error' in parsed) return { message: `${parsed.error}; the run keeps the default, ${s.default === '' ? 'none' : s.default}`, ...atValue };
  return undefined;
}

/**
 * Where a second `key=` starts inside a value (`trueprocessing=5ms` holds `processing=` at 4): the longest known
 * setting name that ends just before an `=`.
 */
export function gluedKey(value: string): { at: number; key: string } | undefined {
  const eq = value.indexOf('=');
  if (eq <= 0) return undefined;
  for (let start = 0; start < eq; start++) {
    const key = value.slice(start, eq);
    if (setting(key)) return { at: start, key };
  }
  return undefined;
}

/** ` (did you mean linger.ms?)` for a key a couple of edits away from a known one, else nothing. */
export function nearest(key: string): string {
  let best = '';
  let bestD = Infinity;
  for (const s of SETTINGS) {
    const d = distance(key, s.key);
    if (d < bestD) {
      bestD = d;
      best = s.key;
    }
  }
  return bestD <= Math.max(2, key.length / 4) ? ` (did you mean ${best}?)` : '';
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

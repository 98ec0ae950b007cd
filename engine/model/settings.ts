/**
 * Reading a component's settings from the text: its own `%% @config` keys over inherited ones over the defaults.
 * Unknown keys and bad values were reported when the text was parsed (config/check.ts); here a bad value simply
 * gives way to the default, and the diagnostics are about what only the whole topology shows (a replication factor
 * above the broker count), pointed at the setting that counts.
 */
import { nearest } from '../config/check.ts';
import { setting, SETTINGS, type Scope } from '../config/schema.ts';
import { parseValue, type Value } from '../config/values.ts';
import type { Diagnostic, SourceSpan, Topology } from '../topology/types.ts';

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  constructor(private readonly topology: Topology) {}

  add(span: SourceSpan | undefined, message: string, severity: Diagnostic['severity'] = 'warning'): void {
    const s = span ?? { from: 0, to: 0, line: 1, column: 1 };
    this.list.push({ line: s.line, column: s.column, endLine: s.line, endColumn: s.column + Math.max(1, s.to - s.from), from: s.from, to: s.to, message, severity });
  }

  /**
   * Where `key` was set for `target`, for pointing at it: the entry that counts (the last, as later directives win);
   * without one, the target's first directive, else its node.
   */
  spanOf(target: string, key?: string): SourceSpan | undefined {
    const aimed = this.topology.directives.filter((d) => d.target === target);
    for (let i = aimed.length - 1; key && i >= 0; i--) {
      const entries = aimed[i]!.entries;
      for (let j = entries.length - 1; j >= 0; j--) if (entries[j]!.key === key) return entries[j]!.span;
    }
    return aimed[0]?.span ?? this.topology.nodes.find((n) => n.id === target)?.span;
  }
}

/** Raw `key=value` settings for a target: the directives aimed at it, later ones winning. */
export function rawSettings(t: Topology, target: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of t.directives) if (d.target === target) for (const e of d.entries) out[e.key] = e.value;
  return out;
}

/**
 * Reads settings of the given scopes from layered raw maps (first wins). Returns parsed values for every key of those
 * scopes; a value that does not parse gives way to the default, and `explicit` holds the keys a layer set validly.
 * `diags` is for a caller whose settings the parser does not check yet (see reportUnknown); the others leave it out.
 */
export function readLayered(layers: { target: string; raw: Record<string, string> }[], scopes: Scope[], diags?: Diagnostics): Record<string, Value> & { explicit: Set<string> } {
  const keys = SETTINGS.filter((s) => scopes.includes(s.scope));
  const values = {} as Record<string, Value> & { explicit: Set<string> };
  values.explicit = new Set();
  for (const s of keys) {
    const layer = layers.find((l) => l.raw[s.key] !== undefined);
    let v = parseValue(s, layer ? layer.raw[s.key]! : s.default);
    if (typeof v === 'object' && 'error' in v) {
      diags?.add(diags.spanOf(layer!.target, s.key), v.error);
      v = parseValue(s, s.default) as Value;
    } else if (layer) values.explicit.add(s.key);
    values[s.key] = v as Value;
  }
  return values;
}

/**
 * Reports keys in a raw map that no known setting of the allowed scopes has.
 * @deprecated The parser checks every `@config` entry against schema.ts (TARGET_SCOPES, config/check.ts) as the text
 * is read, so a family that lists its kinds there reports nothing here; calling this as well says it twice.
 */
export function reportUnknown(target: string, raw: Record<string, string>, allowed: Scope[], diags: Diagnostics): void {
  for (const key of Object.keys(raw)) {
    const s = setting(key);
    if (s && allowed.includes(s.scope)) continue;
    const hint = s ? ` (it is a ${s.scope} setting)` : nearest(key);
    diags.add(diags.spanOf(target, key), `unknown setting '${key}' for ${target}${hint}`);
  }
}

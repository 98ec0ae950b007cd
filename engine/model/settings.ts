/**
 * Reading a component's settings from the text: its own `%% @config` keys over inherited ones over the defaults,
 * with a diagnostic (at the directive's line and column) for each unknown key or bad value.
 */
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

  /** Where `key` was set for `target`, for pointing at it. */
  spanOf(target: string, key?: string): SourceSpan | undefined {
    for (const d of this.topology.directives) {
      if (d.target !== target) continue;
      const e = key ? d.entries.find((x) => x.key === key) : undefined;
      return e ? e.span : d.span;
    }
    return this.topology.nodes.find((n) => n.id === target)?.span;
  }
}

/** Raw `key=value` settings for a target: the directives aimed at it, later ones winning. */
export function rawSettings(t: Topology, target: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of t.directives) if (d.target === target) for (const e of d.entries) out[e.key] = e.value;
  return out;
}

/**
 * Reads settings of the given scopes from layered raw maps (first wins), reporting unknown keys (with the nearest
 * known name) and bad values. Returns parsed values for every key of those scopes.
 */
export function readLayered(layers: { target: string; raw: Record<string, string> }[], scopes: Scope[], diags: Diagnostics): Record<string, Value> & { explicit: Set<string> } {
  const keys = SETTINGS.filter((s) => scopes.includes(s.scope));
  const values = {} as Record<string, Value> & { explicit: Set<string> };
  values.explicit = new Set();
  for (const s of keys) {
    const layer = layers.find((l) => l.raw[s.key] !== undefined);
    const text = layer ? layer.raw[s.key]! : s.default;
    let v = parseValue(s, text);
    if (typeof v === 'object' && 'error' in v) {
      diags.add(diags.spanOf(layer!.target, s.key), v.error);
      v = parseValue(s, s.default) as Value;
    } else if (layer) values.explicit.add(s.key);
    values[s.key] = v as Value;
  }
  return values;
}

/** Reports keys in a raw map that no known setting of the allowed scopes has. */
export function reportUnknown(target: string, raw: Record<string, string>, allowed: Scope[], diags: Diagnostics): void {
  for (const key of Object.keys(raw)) {
    const s = setting(key);
    if (s && allowed.includes(s.scope)) continue;
    const hint = s ? ` (it is a ${s.scope} setting)` : nearest(key);
    diags.add(diags.spanOf(target, key), `unknown setting '${key}' for ${target}${hint}`);
  }
}

function nearest(key: string): string {
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

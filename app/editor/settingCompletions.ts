/**
 * What the editor offers while the learner writes a `%% @config` line, from the schema (engine/config/schema.ts):
 * the target's name, then the settings that target reads (each with its default and what it does), then the values a
 * setting takes. Pure: the line up to the cursor and the last good topology in, options out.
 */
import type { Setting, Topology } from '../../engine/index.ts';
import { readTarget, SETTINGS, setting, TARGET_SCOPES } from '../../engine/settings.ts';

export interface SettingOption {
  label: string;
  /** Shown beside the label: a setting's default, or `default` on the default value. */
  detail?: string;
  /** The one-line description. */
  info?: string;
  /** What is inserted, when it differs from the label (`linger.ms=`). */
  apply?: string;
  type: 'property' | 'constant' | 'variable';
  /** Higher sorts first among equal matches (the default value). */
  boost?: number;
}

export interface SettingCompletions {
  /** Where in the line the completed word starts. */
  from: number;
  options: SettingOption[];
}

const DIRECTIVE = /^(\s*%%\s*@config\s+)(\S*)$/;
const ENTRY = /^(\s*%%\s*@config\s+(\S+)\s+(?:.*\s)?)([A-Za-z0-9_.-]*)$/;
const VALUE = /^(\s*%%\s*@config\s+\S+\s+(?:.*\s)?)([A-Za-z0-9_.-]+)=([^\s"=]*)$/;

/**
 * Completions at the end of `before` (a line up to the cursor), or null when it is not inside a `@config` line.
 *
 * @example settingCompletions('  %% @config Orders ling', topology)?.options[0].label // 'linger.ms'
 */
export function settingCompletions(before: string, topology: Pick<Topology, 'nodes' | 'groups'> | null): SettingCompletions | null {
  const value = VALUE.exec(before);
  if (value) {
    const s = setting(value[2]!);
    return s ? { from: before.length - value[3]!.length, options: valuesOf(s) } : null;
  }
  const entry = ENTRY.exec(before);
  if (entry) {
    const written = new Set([...before.matchAll(/([A-Za-z0-9_.-]+)=/g)].map((m) => m[1]!));
    return { from: entry[1]!.length, options: keysFor(entry[2]!, topology).filter((s) => !written.has(s.key)).map(keyOption) };
  }
  const directive = DIRECTIVE.exec(before);
  if (directive && topology) return { from: directive[1]!.length, options: targets(topology) };
  return null;
}

/** The settings a target reads: every setting when the target is not known (yet); none for a drawn-only kind. */
function keysFor(target: string, topology: Pick<Topology, 'nodes' | 'groups'> | null): Setting[] {
  const reading = topology ? readTarget(target, topology) : undefined;
  if (!reading) return SETTINGS;
  return 'scopes' in reading ? SETTINGS.filter((s) => reading.scopes.includes(s.scope)) : [];
}

function keyOption(s: Setting): SettingOption {
  return { label: s.key, detail: s.default === '' ? s.scope : `${s.default} · ${s.scope}`, info: s.doc, apply: `${s.key}=`, type: 'property' };
}

function valuesOf(s: Setting): SettingOption[] {
  const v = s.value;
  const choices = v.type === 'enum' ? v.values : v.type === 'bool' ? ['true', 'false'] : s.default === '' ? [] : [s.default];
  return choices.map((c) => ({ label: c, type: 'constant', info: s.doc, ...(c === s.default ? { detail: 'default', boost: 1 } : {}) }));
}

/** Nodes that take settings, and the topics brokers host, as `@config` targets. */
function targets(t: Pick<Topology, 'nodes' | 'groups'>): SettingOption[] {
  const out: SettingOption[] = [];
  const seen = new Set<string>();
  const add = (label: string, detail: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ label, detail, apply: `${label} `, type: 'variable' });
  };
  for (const n of t.nodes) if (TARGET_SCOPES[n.kind]) add(n.id, n.kind);
  for (const n of t.nodes) for (const topic of n.kind === 'kafka' ? (n.topics ?? []) : []) add(topic, 'topic');
  for (const g of t.groups) if (g.kind === 'topic') add(g.name ?? g.id, 'topic');
  return out;
}

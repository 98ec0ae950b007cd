/**
 * `setConfig`: edit a value of a `%% @config` directive in place, add a key to the target's directive, or add a
 * directive line; `null` removes the key (and a directive left empty).
 */
import { encodeConfigValue } from '../config.ts';
import type { CommentStatement, ConfigSyntax } from '../syntax.ts';
import { isBlank } from '../text.ts';
import type { TextChange } from '../types.ts';
import { appendLine, insertLineAfter, removeStatement } from './changes.ts';
import type { PatchDoc } from './doc.ts';
import type { Outcome } from './patch-edges.ts';

type Directive = CommentStatement & { config: ConfigSyntax };

/** Names a directive may target: node and subgraph ids, topic names, consumer group names. */
function targets(doc: PatchDoc): Set<string> {
  const t = doc.parsed.topology;
  const out = new Set<string>([...t.nodes.map((n) => n.id), ...t.groups.map((g) => g.id)]);
  for (const n of t.nodes) {
    for (const topic of n.topics ?? []) out.add(topic);
    if (n.consumerGroup) out.add(n.consumerGroup);
  }
  for (const g of t.groups) if (g.name) out.add(g.name);
  return out;
}

/** Where a new directive line goes: after the last directive, else after the target node's statement, else at the end. */
function newLine(doc: PatchDoc, target: string, line: string): TextChange {
  const directives = doc.all.flatMap((l) => (l.statement.type === 'comment' && l.statement.config ? [l.statement] : []));
  const last = directives[directives.length - 1];
  if (last) return insertLineAfter(doc.text, last.range.to, line, doc.indent(last.range.from));
  const host = doc.parsed.topology.nodes.find((n) => n.id === target || n.topics?.includes(target) || n.consumerGroup === target);
  const refs = host ? doc.refs(host.id) : [];
  const def = [...refs].reverse().find((r) => r.ref.label) ?? refs[0];
  if (def) return insertLineAfter(doc.text, def.at.statement.range.to, line, doc.indent(def.at.statement.range.from));
  return appendLine(doc.text, line, '');
}

export function setConfig(doc: PatchDoc, target: string, key: string, value: string | null): Outcome {
  if (!/^[A-Za-z0-9_.-]+$/.test(key)) return { error: `'${key}' is not a config key; use letters, digits, '.', '_' or '-'` };
  if (!targets(doc).has(target)) return { error: `there is no node, topic or consumer group '${target}'` };
  // A directive is one comment line: a line break would end it and leave the rest of the value as a stray statement.
  if (value !== null && /[\r\n]/.test(value)) return { error: `the value of '${key}' cannot hold a line break` };
  const mine: Directive[] = doc.all.flatMap((l) => (l.statement.type === 'comment' && l.statement.config?.target === target ? [l.statement as Directive] : []));
  if (value === null) {
    const changes: TextChange[] = [];
    for (const d of mine) {
      const gone = d.config.entries.filter((e) => e.key === key);
      if (gone.length === 0) continue;
      if (gone.length === d.config.entries.length) {
        changes.push(removeStatement(doc.text, d.range));
        continue;
      }
      for (const e of gone) {
        let from = e.range.from;
        while (from > 0 && isBlank(doc.text.charCodeAt(from - 1))) from--;
        changes.push({ from, to: e.range.to, insert: '' });
      }
    }
    return { changes };
  }
  const encoded = encodeConfigValue(value);
  const entry = mine.flatMap((d) => d.config.entries).filter((e) => e.key === key).pop();
  if (entry) return { changes: entry.value === value ? [] : [{ from: entry.valueRange.from, to: entry.valueRange.to, insert: encoded }] };
  const last = mine[mine.length - 1];
  if (last) return { changes: [{ from: last.range.to, to: last.range.to, insert: ` ${key}=${encoded}` }] };
  return { changes: [newLine(doc, target, `%% @config ${target} ${key}=${encoded}`)] };
}

/**
 * Finding the learner's nodes: a goal or a fault says `{Notification}` and means whatever the learner called their
 * notification service (`NotificationService`, `Notify[Notification Service]`, `NotificationServiceAsync`).
 */
import type { Topology, TopologyNode } from '../topology/types.ts';
import type { Matcher } from './types.ts';

/** Kinds a service matcher may name: the ones the simulation runs as services. */
const SERVICE_KINDS = new Set(['service', 'consumer', 'projection', 'saga', 'outbox', 'schema-registry']);
const MATCHER = /^\{([^{}]+)\}$/;

/** The word inside `{...}`, or null for an exact id. */
function wordOf(matcher: Matcher): string | null {
  return MATCHER.exec(matcher.trim())?.[1]?.trim() ?? null;
}

/**
 * The nodes a matcher names, among nodes of the given kinds (services by default).
 * @example matchNodes(topology, '{Notification}') // [NotificationServiceSync, NotificationServiceAsync]
 */
export function matchNodes(t: Topology, matcher: Matcher, kinds: ReadonlySet<string> = SERVICE_KINDS): TopologyNode[] {
  const word = wordOf(matcher);
  if (word === null) return t.nodes.filter((n) => n.id === matcher.trim() && kinds.has(n.kind));
  const w = word.toLowerCase();
  return t.nodes.filter((n) => kinds.has(n.kind) && (n.id.toLowerCase().includes(w) || n.label.toLowerCase().includes(w)));
}

/** True when `id` is one of the nodes the matcher names. */
export function matches(t: Topology, matcher: Matcher, id: string, kinds?: ReadonlySet<string>): boolean {
  return matchNodes(t, matcher, kinds).some((n) => n.id === id);
}

/** How a matcher reads in a sentence: `a service named like 'Notification'` or `NotificationService`. */
export function matcherName(matcher: Matcher): string {
  const word = wordOf(matcher);
  return word === null ? matcher.trim() : `a service whose name contains '${word}'`;
}

/** The short name of what a matcher stands for: `Notification` for `{Notification}`. */
export function matcherWord(matcher: Matcher): string {
  return wordOf(matcher) ?? matcher.trim();
}

/** Says that nothing matches, and how to fix it. */
export function nothingMatches(matcher: Matcher): string {
  const word = wordOf(matcher);
  if (word === null) return `There is no service with the id ${matcher.trim()}.`;
  return `No service's id or label contains '${word}': name one so, e.g. ${word}Service[${word} Service].`;
}

const FAULT_KINDS = new Set([...SERVICE_KINDS, 'kafka']);

/**
 * Replaces the matchers in fault lines by the node ids they name: one line per matching node, so `10s crash
 * {Notification}` crashes every notification service. A matcher that names nothing is reported, not dropped.
 * @example expandFaults(['10s crash {Notification}'], t) // { lines: ['10s crash NotificationService'], unmatched: [] }
 */
export function expandFaults(lines: string[], t: Topology): { lines: string[]; unmatched: { line: string; matcher: string }[] } {
  const out: string[] = [];
  const unmatched: { line: string; matcher: string }[] = [];
  for (const line of lines) {
    const found = /\{[^{}]+\}/.exec(line);
    if (!found) {
      out.push(line);
      continue;
    }
    const nodes = matchNodes(t, found[0], FAULT_KINDS);
    if (nodes.length === 0) unmatched.push({ line, matcher: found[0] });
    // A line may hold further matchers (a link between two services): expand those in turn.
    const expanded = expandFaults(nodes.map((n) => line.slice(0, found.index) + n.id + line.slice(found.index + found[0].length)), t);
    out.push(...expanded.lines);
    unmatched.push(...expanded.unmatched);
  }
  return { lines: out, unmatched };
}

/**
 * From the parsed topology to a simulation spec. Each family reads its own part (kafka/resolve.ts: clusters and
 * topics; services/resolve.ts: services, clients and what edges make them do) in three phases, in the order
 * components.ts lists the families: declare what it hosts, connect the edges, settle what depends on both. Problems
 * come back as diagnostics with the line and column of the text that caused them.
 */
import { FAMILIES } from '../components.ts';
import type { Scope } from '../config/schema.ts';
import { NODE_KINDS } from '../topology/kinds.ts';
import type { Diagnostic, Topology } from '../topology/types.ts';
import type { FamilyResolver, ResolveContext } from './resolveContext.ts';
import { Diagnostics } from './settings.ts';
import type { Spec } from './spec.ts';

export function resolve(t: Topology): { spec: Spec; diagnostics: Diagnostic[] } {
  const d = new Diagnostics(t);
  const spec = { destinations: [] } as unknown as Spec;
  const resolvers: FamilyResolver[] = [];
  const serviceScopes: Scope[] = ['service', ...FAMILIES.flatMap((f) => f.clientScopes ?? [])];
  const ctx: ResolveContext = {
    t,
    d,
    spec,
    nodes: new Map(t.nodes.map((n) => [n.id, n])),
    groups: new Map(t.groups.map((g) => [g.id, g])),
    serviceScopes,
    addDestination(family, name) {
      spec.destinations.push({ family, name });
      return spec.destinations.length - 1;
    },
    destinationsAt(id, e, pick) {
      for (const r of resolvers) {
        const found = r.destinationsAt?.(id, e, pick);
        if (found) return found;
      }
      return [];
    },
    storeAt(id) {
      for (const r of resolvers) {
        const found = r.storeAt?.(id);
        if (found !== undefined) return found;
      }
      return -1;
    },
    clientSettings(node, values) {
      const out: Record<string, unknown> = {};
      FAMILIES.forEach((f, i) => {
        const s = resolvers[i]!.clientSettings?.(node, values);
        if (s !== undefined) out[f.name] = s;
      });
      return out;
    },
    batchingUs(clients) {
      let us = Infinity;
      FAMILIES.forEach((f, i) => {
        const b = resolvers[i]!.batchingUs;
        if (b && clients[f.name] !== undefined) us = Math.min(us, b(clients[f.name]));
      });
      return us;
    },
    deadLetter(name, near) {
      const owner = near >= 0 ? FAMILIES.findIndex((f) => f.name === spec.destinations[near]!.family) : FAMILIES.findIndex((f, i) => f.clientScopes && resolvers[i]!.deadLetter);
      return resolvers[owner]!.deadLetter!(name, near);
    },
  };
  for (const f of FAMILIES) resolvers.push(f.resolve?.(ctx) ?? {});
  // Components drawn that no family simulates yet are noted, once per kind of note.
  const notes = new Map<string, string[]>();
  for (const n of t.nodes) {
    const why = NODE_KINDS.find((k) => k.kind === n.kind)?.unsimulated;
    if (why) (notes.get(why) ?? notes.set(why, []).get(why)!).push(n.id);
  }
  for (const [why, ids] of notes) d.add(t.nodes.find((n) => n.id === ids[0])!.span, `${ids.join(', ')}: ${why}`, 'info');
  for (const r of resolvers) r.connect?.();
  for (const r of resolvers) r.settle?.();
  // A concept map (seed 003's CAP diagram) is drawn as it is; the run says there is nothing in it to simulate.
  if (t.nodes.length > 0 && spec.destinations.length === 0 && spec.services.length === 0) {
    d.add(t.nodes[0]!.span, 'nothing to simulate: this diagram draws concepts, not components (no service, broker, queue or store)', 'info');
  }
  return { spec, diagnostics: d.list };
}

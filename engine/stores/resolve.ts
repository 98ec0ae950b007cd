/**
 * The stores' part of reading a topology: every `database` node (`DB[(Orders DB)]`) is a database, a destination
 * of the port whose one place holds its rows; a service's edge to it is a transaction (services/resolve.ts asks
 * `storeAt`). Settings are PostgreSQL's own names and defaults.
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import { kindsOf } from '../topology/kinds.ts';
import { databaseConfig } from './configs.ts';
import type { DatabaseSpec } from './spec.ts';

export function resolveStores(ctx: ResolveContext): FamilyResolver {
  const { t, spec } = ctx;
  const kinds = new Set(kindsOf('stores'));
  const databases = (spec.databases = []) as DatabaseSpec[];
  const byNode = new Map<string, number>();
  for (const n of t.nodes) {
    if (!kinds.has(n.kind)) continue;
    const raw = rawSettings(t, n.id);
    const destination = ctx.addDestination('stores', n.id);
    byNode.set(n.id, destination);
    databases.push({ node: n.id, label: n.label, destination, config: databaseConfig(readLayered([{ target: n.id, raw }], ['database'])) });
  }
  return {
    storeAt: (id) => byNode.get(id),
  };
}

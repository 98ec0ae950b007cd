/**
 * The applications' entry points and their checkouts: each client (an implicit one stands for its service's users),
 * then each publish-only service with its instances' events summed. A blended share hides a failing entry behind a
 * healthy one; these keep them apart.
 */
import type { EntryPoint } from '../messaging/port.ts';
import type { World } from '../world.ts';

export function entryPoints(w: World): EntryPoint[] {
  const a = w.parts.apps;
  const out: EntryPoint[] = a.clients.map((c) => ({
    node: c.implicit ? a.services[c.target]!.node : c.node,
    ...(!c.implicit && a.clients.some((x) => x !== c && x.node === c.node) ? { to: a.services[c.target]!.node } : {}),
    kind: c.implicit ? 'users' : 'client',
    ok: c.ok,
    failed: c.failed,
  }));
  const bySource = new Map<number, EntryPoint>();
  for (const s of a.sources) {
    let e = bySource.get(s.service);
    if (!e) {
      e = { node: a.services[s.service]!.node, kind: 'events', ok: 0, failed: 0 };
      bySource.set(s.service, e);
      out.push(e);
    }
    const host = a.instances[s.instance]!.host;
    e.ok += w.metrics.originOk.get(host) ?? 0;
    e.failed += w.metrics.originFailed.get(host) ?? 0;
  }
  return out;
}

/**
 * The saga family's part of reading a topology, as seed 001 draws the two kinds of saga:
 * - orchestration: `Orch[Saga Orchestrator]` (a saga node) and its edges to services, `Orch --> PS[Step 1 - Payment
 *   Service]`, `Orch --> IS[...]`, in the order the text draws them, are its steps; edges back (`PS --> Orch`) are
 *   the replies and add nothing. The orchestrator starts sagas at its `rate`;
 * - choreography: services chained by edges inside a subgraph titled "Choreography ..." or by edges whose label or
 *   target says "reacts" (`A[Order Created] --> B[Payment Service reacts] --> C[...]`): each reacts to the previous
 *   one's event; an event node at the head names the trigger, and the first service's `rate` starts sagas.
 * The edges between a saga's members are its commands and events, not synchronous requests: this resolver takes
 * them (and the implicit users they gave the first member) back from the applications family, which connected them
 * first. The members stay applications: their crashes and restarts are their instances'.
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { Distribution } from '../sim/distribution.ts';
import type { TopologyEdge } from '../topology/types.ts';
import type { SagaFlowSpec, SagaStepSpec } from './spec.ts';

const CHOREOGRAPHY = /choreograph/i;
const REACTS = /\breacts?\b/i;

export function resolveSagas(ctx: ResolveContext): FamilyResolver {
  const { spec } = ctx;
  spec.sagas = [];
  return {
    connect() {
      const index = new Map(spec.services.map((s, i) => [s.node, i]));
      const isService = (id: string) => index.has(id) && spec.services[index.get(id)!]!.kind === 'service';
      const edgeId = (from: string, to: string) => ctx.t.edges.find((e) => e.from === from && e.to === to)?.id ?? '';
      const step = (node: string, from: string, replyTo: string): SagaStepSpec => {
        const v = readLayered([{ target: node, raw: rawSettings(ctx.t, node) }], ['service']);
        return {
          node, service: index.get(node)!, reject: v['reject'] as number, compensateFail: v['compensate.fail'] as number, latency: v['latency'] as Distribution,
          commandEdge: edgeId(from, node), replyEdge: replyTo ? edgeId(node, replyTo) : '',
        };
      };
      for (const n of ctx.t.nodes) {
        if (n.kind !== 'saga' || !index.has(n.id)) continue;
        const steps = [...new Set(ctx.t.edges.filter((e) => e.from === n.id && e.to !== n.id && isService(e.to)).map((e) => e.to))];
        if (steps.length === 0) continue;
        spec.sagas.push(flow(ctx, 'orchestrated', n.id, index.get(n.id)!, '', steps.map((s) => step(s, n.id, n.id))));
      }
      for (const chain of choreographies(ctx, isService)) {
        const head = ctx.nodes.get(chain.trigger);
        spec.sagas.push(flow(ctx, 'choreographed', chain.steps[0]!, -1, head ? head.label : '', chain.steps.map((s, k) => step(s, k > 0 ? chain.steps[k - 1]! : chain.trigger, ''))));
      }
      release(ctx);
    },
  };
}

function flow(ctx: ResolveContext, mode: SagaFlowSpec['mode'], node: string, service: number, trigger: string, steps: SagaStepSpec[]): SagaFlowSpec {
  const v = readLayered([{ target: node, raw: rawSettings(ctx.t, node) }], ['service', 'saga']);
  const pivotName = (v['pivot'] as string).trim();
  const pivot = pivotName ? steps.findIndex((s) => s.node === pivotName) : -1;
  if (pivotName && pivot < 0) ctx.d.add(ctx.d.spanOf(node, 'pivot'), `pivot=${pivotName}: ${node} has no step ${pivotName} (its steps: ${steps.map((s) => s.node).join(', ')})`);
  return {
    mode, node, service, trigger, steps, pivot,
    timeoutUs: Math.max(1000, Math.round((v['step.timeout.ms'] as number) * 1000)),
    retries: v['step.retries'] as number,
    backoffUs: Math.max(0, Math.round((v['retry.backoff.ms'] as number) * 1000)),
    durable: v['saga.state'] !== 'memory',
    rate: v['rate'] as number,
    poisson: v['arrivals'] === 'poisson',
    startUs: Math.round((v['start'] as number) * 1000),
  };
}

/** A group's title and its ancestors' say it is a choreography. */
function inChoreography(ctx: ResolveContext, id: string): boolean {
  for (let g = ctx.nodes.get(id)?.group; g; g = ctx.groups.get(g)?.parent) if (CHOREOGRAPHY.test(ctx.groups.get(g)?.title ?? '')) return true;
  return false;
}

/** Chains of services reacting to each other's events, each with the event node at its head (or ''). */
function choreographies(ctx: ResolveContext, isService: (id: string) => boolean): { trigger: string; steps: string[] }[] {
  const reacts = (e: TopologyEdge) =>
    e.from !== e.to && isService(e.to) && (isService(e.from) || ctx.nodes.get(e.from)?.kind === 'event') &&
    (REACTS.test(e.label ?? '') || REACTS.test(ctx.nodes.get(e.to)?.label ?? '') || (inChoreography(ctx, e.from) && inChoreography(ctx, e.to)));
  const edges = ctx.t.edges.filter(reacts);
  const into = new Set(edges.map((e) => e.to));
  const out: { trigger: string; steps: string[] }[] = [];
  const taken = new Set<string>();
  for (const e of edges) {
    if (into.has(e.from) || taken.has(e.from)) continue;
    const trigger = isService(e.from) ? '' : e.from;
    const steps = trigger ? [] : [e.from];
    for (let at: string | undefined = trigger ? e.to : edges.find((x) => x.from === e.from)?.to; at && !steps.includes(at) && !taken.has(at); at = edges.find((x) => x.from === at)?.to) steps.push(at);
    taken.add(e.from);
    if (steps.length < 2 && !trigger) continue;
    for (const s of steps) taken.add(s);
    out.push({ trigger, steps });
  }
  return out;
}

/** Takes a saga's edges back from the applications: its members do not call each other, nobody sends them requests. */
function release(ctx: ResolveContext): void {
  const { spec } = ctx;
  for (const f of spec.sagas) {
    const members = new Set([f.node, ...f.steps.map((s) => s.node)]);
    for (const node of members) {
      const s = spec.services.find((x) => x.node === node)!;
      s.calls = s.calls.filter((c) => !members.has(c.service));
      if (s.origin === 'client' && s.calls.length === 0 && s.writes.length === 0) {
        s.origin = s.publishes.length > 0 ? 'source' : null;
        spec.clients = spec.clients.filter((c) => !(c.implicit && c.target === node));
      }
    }
  }
}

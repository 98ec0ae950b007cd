/**
 * The numbers the reading of lesson 1 shows with the learner's own settings (seed 000, §1): a checkout that calls
 * services one after another is as available as the product of their availabilities, and as slow as the sum of
 * their latencies. Read from the topology text alone, so the reading updates as the learner types.
 */
import { parseDistribution, setting, type Distribution, type Topology } from '../../engine/index.ts';

export interface PathService {
  id: string;
  label: string;
  availability: number;
  latencyMs: number;
}

export interface CheckoutPath {
  /** Every service a checkout waits for, the first one first. */
  services: PathService[];
  /** True when the first service calls others synchronously. */
  synchronous: boolean;
  availability: number;
  latencyMs: number;
}

const SERVICE = new Set(['service', 'consumer', 'projection', 'saga', 'outbox']);

/** Mean of a latency distribution, in milliseconds. */
function meanMs(d: Distribution): number {
  switch (d.type) {
    case 'constant':
      return d.us / 1000;
    case 'exponential':
      return d.meanUs / 1000;
    case 'uniform':
      return (d.minUs + d.maxUs) / 2000;
    case 'normal':
      return d.meanUs / 1000;
    case 'lognormal':
      return (d.medianUs * Math.exp((d.sigma * d.sigma) / 2)) / 1000;
  }
}

function valueOf(config: Record<string, string>, key: string): string {
  return config[key] ?? setting(key)?.default ?? '';
}

/**
 * The services one checkout waits for: the first service that calls others (or, with no synchronous call left, the
 * first that publishes) and everything it calls, directly or not.
 * @example checkoutPath(parseTopology(starter).topology).availability // 1 with the template's defaults
 */
export function checkoutPath(t: Topology): CheckoutPath {
  const services = new Map(t.nodes.filter((n) => SERVICE.has(n.kind)).map((n) => [n.id, n]));
  const calls = t.edges.filter((e) => e.kind === 'request' && services.has(e.from) && services.has(e.to));
  const called = new Set(calls.map((e) => e.to));
  const entry = calls.find((e) => !called.has(e.from))?.from ?? t.edges.find((e) => e.kind === 'publish' && services.has(e.from))?.from;
  const path: PathService[] = [];
  const visit = (id: string) => {
    if (path.some((s) => s.id === id)) return;
    const n = services.get(id)!;
    const latency = parseDistribution(valueOf(n.config, 'latency'));
    const availability = Number(valueOf(n.config, 'availability'));
    path.push({
      id,
      label: n.label,
      availability: availability >= 0 && availability <= 1 ? availability : 1,
      latencyMs: typeof latency === 'string' ? 0 : meanMs(latency),
    });
    for (const e of calls) if (e.from === id) visit(e.to);
  };
  if (entry) visit(entry);
  return {
    services: path,
    synchronous: path.length > 1,
    availability: path.reduce((a, s) => a * s.availability, 1),
    latencyMs: path.reduce((a, s) => a + s.latencyMs, 0),
  };
}

const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;
const ms = (x: number) => `${Number(x.toFixed(1))} ms`;

/** Downtime a month (30 days) at an availability, in hours and minutes. */
function downtime(availability: number): string {
  const minutes = Math.round((1 - availability) * 30 * 24 * 60);
  if (minutes === 0) return 'none';
  const h = Math.floor(minutes / 60);
  return h === 0 ? `${minutes} min` : `${h} h ${minutes % 60} min`;
}

/**
 * The reading's placeholders filled from the topology: `{{path}}`, `{{availability}}`, `{{latency}}`, `{{downtime}}`.
 * @example figures(topology).availability // '100% × 99% × 95% = 94.05%'
 */
export function figures(t: Topology): Record<string, string> {
  const p = checkoutPath(t);
  if (p.services.length === 0) {
    const none = 'no checkout yet';
    return { path: 'no service that calls another or publishes', availability: none, latency: none, downtime: none };
  }
  const labels = p.services.map((s) => s.label.replace(/\n/g, ' '));
  const many = p.services.length > 1;
  return {
    path: many ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : `${labels[0]} alone`,
    availability: many ? `${p.services.map((s) => pct(s.availability)).join(' × ')} = ${pct(p.availability)}` : pct(p.availability),
    latency: many ? `${p.services.map((s) => ms(s.latencyMs)).join(' + ')} = ${ms(p.latencyMs)}` : ms(p.latencyMs),
    downtime: downtime(p.availability),
  };
}

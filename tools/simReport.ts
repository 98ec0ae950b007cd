/**
 * The command line's reports: a readable one and a JSON one, from a finished simulation.
 */
import { FAMILIES, formatDuration, formatFault, placeName, type SchemaFailures, type Simulation } from '../engine/index.ts';
import { BROKERS } from '../engine/components.ts';
import { checkConsistency } from '../engine/outbox/consistency.ts';

type Window = { what: string; id: number; from: number; to: number };

/** Merges overlapping windows of the same thing and names them. */
function windows(sim: Simulation): { what: string; from: number; to: number; lengthMs: number }[] {
  const w = sim.world;
  const name = (x: Window) => {
    if (x.what === 'service') return w.parts.apps.services[x.id]?.node ?? `service ${x.id}`;
    const place = w.msg.places[x.id]!;
    const d = w.msg.destinations[place.destination]!;
    return `${d.name}/${d.places.indexOf(x.id)} ${x.what === 'writes' ? 'writes' : 'offline'}`;
  };
  const merged: { what: string; from: number; to: number }[] = [];
  for (const x of [...sim.history().unavailable].sort((a, b) => name(a).localeCompare(name(b)) || a.from - b.from)) {
    const last = merged[merged.length - 1];
    const n = name(x);
    if (last && last.what === n && x.from <= last.to) last.to = Math.max(last.to, x.to);
    else merged.push({ what: n, from: x.from, to: x.to });
  }
  return merged.sort((a, b) => a.from - b.from).map((m) => ({ ...m, lengthMs: Math.round((m.to - m.from) / 1000) }));
}

/**
 * RabbitMQ's figures: each exchange's routing and each queue's traffic (deliveries, acks, requeues, dead letters,
 * expiries, drops), and their sums. Empty when the topology has no RabbitMQ.
 */
function rabbitmq(sim: Simulation) {
  const a = sim.world.parts.amqp;
  const queues = a.queues.map((q) => ({ queue: q.name, type: q.config.type, ready: q.ready.length - q.head, ...q.stats }));
  // What queues dead-lettered into each exchange (its routed count is of publishes only).
  const deadIn = (cluster: number, name: string) => a.queues.reduce((n, q) => n + (q.cluster === cluster && q.config.dlx === name ? q.stats.deadLettered : 0), 0);
  const exchanges = a.exchanges.filter((x) => x.node).map((x) => ({ exchange: x.name, type: x.type, ...x.stats, deadLettered: deadIn(x.cluster, x.name) }));
  const sum = (k: keyof (typeof queues)[number] & keyof (typeof a.queues)[number]['stats']) => queues.reduce((n, q) => n + q[k], 0);
  const totals = {
    published: sum('published'), delivered: sum('delivered'), acked: sum('acked'), requeued: sum('requeued'),
    deadLettered: sum('deadLettered'), expired: sum('expired'), dropped: sum('dropped'), refused: sum('refused'),
  };
  return { ...totals, queues, exchanges };
}

/** Schema failures (engine/schemas/): sends refused by the registry, events consumers could not deserialize. */
function schemaFailures(sim: Simulation): SchemaFailures | null {
  const f = FAMILIES.find((x) => x.name === 'schemas')?.inspect?.['failures']?.(sim.world, 0) as SchemaFailures | undefined;
  return f && (f.registrations > 0 || f.refusedIncompatible + f.refusedUnavailable + f.unreadable.length > 0) ? f : null;
}

/** Each saga flow's outcomes (engine/sagas/facts.ts), with the sagas not settled named; null without sagas. */
function sagaOutcomes(sim: Simulation) {
  const flows = FAMILIES.find((x) => x.name === 'sagas')?.inspect?.['settled']?.(sim.world, Number.MAX_SAFE_INTEGER) as unknown[] | undefined;
  return flows && flows.length > 0 ? flows : null;
}

export function jsonReport(sim: Simulation, wallMs: number) {
  const m = sim.metrics();
  const h = sim.history();
  const rabbit = rabbitmq(sim);
  const consistency = checkConsistency(sim.world);
  const schemas = schemaFailures(sim);
  const sagas = sagaOutcomes(sim);
  return {
    produced: m.produced,
    acknowledged: m.acknowledged,
    // Consumers' receipts: Kafka's polls and RabbitMQ's deliveries (a redelivery counts again).
    delivered: m.delivered + rabbit.delivered,
    processed: m.processed,
    lost: m.lost,
    // Consumer-side loss: records kept by the brokers that a subscribed group will never process.
    missed: m.missed,
    duplicated: m.duplicated,
    reordered: m.reordered,
    lag: m.lag,
    latencyMs: m.latencyMs,
    checkouts: { ok: m.checkouts.ok, failed: m.checkouts.failed, latencyMs: m.checkouts.latencyMs },
    events: m.events,
    wallMs,
    simulatedMs: sim.now / 1000,
    sendFailed: m.sendFailed,
    deadLettered: m.deadLettered,
    ackLatencyMs: m.ackLatencyMs,
    ...(rabbit.queues.length > 0 ? { rabbitmq: rabbit } : {}),
    ...(schemas ? { schemas } : {}),
    // Saga outcomes (completed, compensated, half done, stuck) per orchestrator or choreography, when there are sagas.
    ...(sagas ? { sagas } : {}),
    // Database against stream (engine/outbox/consistency.ts), when a service writes its database and publishes.
    ...(consistency.flows.length > 0 || consistency.effects.length > 0 ? { consistency } : {}),
    origins: origins(sim),
    unavailable: windows(sim).map((x) => ({ what: x.what, fromMs: x.from / 1000, toMs: x.to / 1000, lengthMs: x.lengthMs })),
    faults: sim.world.faults.applied.map((f) => ({ atMs: f.at / 1000, fault: formatFault(f.fault), note: f.note, ok: f.ok })),
    examples: {
      lost: h.lost.examples.map((e) => ({ message: e.message, partition: partitionName(sim, e.partition), producedAtMs: e.producedAt / 1000, queue: sim.world.msg.places[e.partition]?.family === 'amqp' })),
      missed: h.missed.examples.map((e) => ({ message: e.message, group: e.group, partition: partitionName(sim, e.partition), offset: e.offset, why: e.why, producedAtMs: e.producedAt / 1000 })),
      duplicated: h.duplicated.examples.map((e) => ({ message: e.message, group: e.group, partition: partitionName(sim, e.partition), offset: e.offset, atMs: e.at / 1000 })),
      reordered: h.reordered.examples.map((e) => ({ message: e.message, processedAfter: e.other, group: e.group, partition: partitionName(sim, e.partition), offset: e.offset, ...(e.retryOf !== undefined ? { retryOf: e.retryOf } : {}) })),
    },
  };
}

/** Checkouts per entry point: each client, and each publish-only service (its events are its requests). */
function origins(sim: Simulation): { entry: string; ok: number; failed: number }[] {
  const w = sim.world;
  const clients = w.parts.apps.clients;
  // A client drawn with several edges (a command and a query) is one entry per edge: `Client → RS`.
  const several = (node: string) => clients.filter((c) => c.node === node).length > 1;
  const out = clients.map((c) => ({
    entry: c.implicit ? `users of ${w.parts.apps.services[c.target]!.node}` : several(c.node) ? `${c.node} → ${w.parts.apps.services[c.target]!.node}` : c.node,
    ok: c.ok,
    failed: c.failed,
  }));
  for (const s of w.parts.apps.sources) {
    const svc = w.parts.apps.services[s.service]!;
    const inst = w.parts.apps.instances[s.instance]!;
    const ok = w.metrics.originOk.get(inst.host) ?? 0;
    const failed = w.metrics.originFailed.get(inst.host) ?? 0;
    out.push({ entry: `events of ${svc.node}${svc.instances.length > 1 ? `/${inst.number}` : ''}`, ok, failed });
  }
  return out;
}

function partitionName(sim: Simulation, pid: number): string {
  return placeName(sim.world.msg, pid) || String(pid);
}

export function describeReport(sim: Simulation, run: { file: string; seed: number; duration: string; wallMs: number }): string {
  const r = jsonReport(sim, run.wallMs);
  const w = sim.world;
  const out: string[] = [];
  const n = (x: number) => x.toLocaleString('en-US');
  out.push(`${run.file}: ${run.duration} simulated with seed ${run.seed} in ${n(run.wallMs)} ms (${n(r.events)} events)`);
  for (const f of FAMILIES) {
    const line = f.summary?.(w) ?? '';
    if (line) out.push(`  ${line}`);
  }
  if (r.faults.length) {
    out.push('faults');
    for (const f of r.faults) out.push(`  ${formatDuration(f.atMs * 1000).padStart(7)}  ${f.ok ? '' : 'NOT APPLIED: '}${f.note}`);
  }
  // A design with no Kafka or RabbitMQ (an event store and its projections, say) sends no broker messages: its
  // figures are in its family's lines above, and a block of zeros here would read as a design that did nothing.
  const brokers = new Set(BROKERS.map((b) => b.name));
  const brokered = w.msg.places.some((p) => brokers.has(p.family));
  out.push(brokered ? 'messages' : 'messages: none through a broker (no Kafka or RabbitMQ in this design)');
  if (brokered) out.push(...messageLines(r, n));
  if (r.rabbitmq) out.push(...rabbitLines(r.rabbitmq, n));
  if (r.consistency) out.push(...consistencyLines(r.consistency, n));
  if (r.schemas) out.push(...schemaLines(r.schemas, n));
  if (brokered) out.push(`  end-to-end latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms`);
  const lag = Object.entries(r.lag);
  if (lag.length) out.push(`  lag: ${lag.map(([g, l]) => `${g} ${n(l)}`).join(', ')}`);
  const total = r.checkouts.ok + r.checkouts.failed;
  // As with the brokers above: a design where nothing asks for a checkout has no figures here, not a row of zeros.
  if (total === 0 && r.origins.length === 0) out.push('checkouts: none (nothing in this design sends requests)');
  else out.push('checkouts');
  if (total > 0 || r.origins.length > 0) out.push(`  ok ${n(r.checkouts.ok)}, failed ${n(r.checkouts.failed)}${total ? ` (${((100 * r.checkouts.ok) / total).toFixed(1)}% succeeded)` : ''}, latency p50 ${r.checkouts.latencyMs.p50} ms, p99 ${r.checkouts.latencyMs.p99} ms`);
  for (const o of r.origins) out.push(`    ${o.entry}: ok ${n(o.ok)}, failed ${n(o.failed)}`);
  if (r.unavailable.length) {
    out.push('unavailable');
    for (const u of r.unavailable) out.push(`  ${u.what}: from ${formatDuration(u.fromMs * 1000)} to ${formatDuration(u.toMs * 1000)} (${formatDuration(u.lengthMs * 1000)})`);
  }
  return out.join('\n');
}

/** The broker messages' totals and the first few findings of each kind, with their ids. */
function messageLines(r: ReturnType<typeof jsonReport>, n: (x: number) => string): string[] {
  const out: string[] = [];
  out.push(`  produced ${n(r.produced)}, acknowledged ${n(r.acknowledged)}, send failed ${n(r.sendFailed)}, delivered ${n(r.delivered)}, processed ${n(r.processed)}`);
  out.push(`  lost ${n(r.lost)}, missed by consumers ${n(r.missed)}, duplicated ${n(r.duplicated)}, reordered ${n(r.reordered)}${r.deadLettered ? `, dead-lettered ${n(r.deadLettered)}` : ''}`);
  for (const e of r.examples.lost.slice(0, 5)) out.push(`    lost: message #${e.message} on ${e.partition}, produced at ${formatDuration(e.producedAtMs * 1000)}: acknowledged, and no ${e.queue ? 'queue' : 'log'} holds it any more`);
  for (const e of r.examples.missed.slice(0, 5)) {
    const how =
      e.why === 'deleted' ? 'retention deleted it before the group read it'
      : e.why === 'reset' ? `the group had committed no offset there, so the member that came back started at the log's end (auto.offset.reset=latest) and skipped it (offset ${e.offset})`
      : e.why === 'added' ? `written to a partition added during the run before the group took a position there, it was skipped by auto.offset.reset=latest (offset ${e.offset})`
      : `the group's committed offset moved past it (offset ${e.offset}) without processing it`;
    out.push(`    missed: message #${e.message} on ${e.partition} will never be processed by ${e.group}: ${how}`);
  }
  for (const e of r.examples.duplicated.slice(0, 5)) out.push(`    duplicated: message #${e.message} (${e.partition} offset ${e.offset}) processed again by ${e.group} at ${formatDuration(e.atMs * 1000)}`);
  for (const e of r.examples.reordered.slice(0, 5)) {
    out.push(e.retryOf !== undefined
      ? `    reordered by retry: message #${e.retryOf}, retried as #${e.message} on ${e.partition}, processed by ${e.group} after #${e.processedAfter}, which was sent later with the same key`
      : `    reordered: message #${e.message} processed by ${e.group} after #${e.processedAfter}, which was sent later with the same key`);
  }
  return out;
}

/** The report's RabbitMQ part: the totals, then a line per queue and per drawn exchange. */
function rabbitLines(r: ReturnType<typeof rabbitmq>, n: (x: number) => string): string[] {
  const figures = (q: Omit<ReturnType<typeof rabbitmq>, 'queues' | 'exchanges'>) =>
    `delivered ${n(q.delivered)}, acked ${n(q.acked)}, requeued ${n(q.requeued)}, dead-lettered ${n(q.deadLettered)}, expired ${n(q.expired)}, dropped ${n(q.dropped)}, refused ${n(q.refused)}`;
  const out = [`  rabbitmq: published into queues ${n(r.published)}, ${figures(r)}`];
  for (const q of r.queues) out.push(`    queue ${q.queue} (${q.type}): ${n(q.ready)} ready; published ${n(q.published)}, ${figures(q)}`);
  for (const x of r.exchanges) out.push(`    exchange ${x.exchange || '(default)'} (${x.type}): publishes routed ${n(x.routed)}, unroutable ${n(x.unroutable)} (${n(x.returned)} returned)${x.deadLettered > 0 ? `, dead letters in ${n(x.deadLettered)}` : ''}`);
  return out;
}

/** The database/stream consistency part: per flow (a dual write or an outbox), then examples with their ids. */
function schemaLines(s: SchemaFailures, n: (x: number) => string): string[] {
  const ids = (xs: number[]) => xs.slice(0, 5).map((x) => `#${x}`).join(', ') + (xs.length > 5 ? ', ...' : '');
  const out = [`  schemas: sends refused ${n(s.refusedIncompatible)} (incompatible), ${n(s.refusedUnavailable)} (registry down, no cached id); undeserializable ${n(s.unreadable.length)}`];
  if (s.refusedIds.length) out.push(`    refused: ${ids(s.refusedIds)}`);
  if (s.unreadable.length) out.push(`    could not deserialize (treated as poison): ${ids(s.unreadable)}`);
  return out;
}

function consistencyLines(c: ReturnType<typeof checkConsistency>, n: (x: number) => string): string[] {
  const out = [`  database/stream: lost ${n(c.lost.count)}, phantom ${n(c.phantom.count)}, duplicate ${n(c.duplicate.count)}, waiting in an outbox ${n(c.waiting)}, effects applied twice ${n(c.effectsAppliedTwice)}`];
  for (const f of c.flows) {
    const via = f.via === 'outbox' ? `outbox via ${f.relay || 'no relay'}` : 'dual write';
    out.push(`    ${f.service} -> ${f.database} (${via}): ${n(f.rows)} committed rows, ${n(f.events)} events; lost ${n(f.lost)}, phantom ${n(f.phantom)}, duplicate ${n(f.duplicate)}, waiting ${n(f.waiting)}`);
  }
  for (const e of c.lost.examples.slice(0, 5)) out.push(`    lost event: row #${e.row} of request #${e.correlation} (${e.service}) is committed and no event was published for it`);
  for (const e of c.phantom.examples.slice(0, 5)) out.push(`    phantom event: #${e.event} of request #${e.correlation} (${e.service}) was published and its row was never committed`);
  for (const e of c.duplicate.examples.slice(0, 5)) out.push(`    duplicate event: row #${e.row} of request #${e.correlation} (${e.service}) was published ${e.events.length} times: ${e.events.map((x) => `#${x}`).join(', ')}`);
  for (const e of c.effects) {
    out.push(`    ${e.service} -> ${e.database} (inbox ${e.inbox}): ${n(e.processed)} events processed, ${n(e.processedTwice)} of them more than once, ${n(e.skipped)} repeats skipped; ${n(e.applied)} effects applied, ${n(e.appliedTwice)} events applied twice`);
    for (const x of e.examples.slice(0, 5)) out.push(`      effect applied twice: event #${x.event} has effect rows ${x.rows.map((r) => `#${r}`).join(', ')}`);
  }
  return out;
}

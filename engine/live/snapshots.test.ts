import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advance, changeSettings, createSession, seek, type Session, type SessionOptions } from './session.ts';
import { sharedParts, total, type SnapshotStore } from './snapshots.ts';
import { RING_ENTRY_BYTES, chunkBytes, isStored, load, pack, store, unpack } from './traceChunks.ts';
import type { World } from '../world.ts';
import { seenBits } from '../check/state.ts';
import { causationOf, flagsOf, keyOf, type Messages } from '../history/messages.ts';

const text = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3
  %% @config Client rate=200/s key=customerId keys=50
`;

function session(opts: SessionOptions): Session {
  const s = createSession(text, { seed: 5, faults: ['6s crash Kafka/2', '9s restart Kafka/2'], ...opts });
  if ('errors' in s) throw new Error('the fixture should parse');
  return s;
}

/** The hash of a run that never scrubbed, at `t`. */
function straightHash(t: number, opts: SessionOptions): string {
  const s = session(opts);
  advance(s, t);
  return s.sim.hash();
}

describe('snapshots', () => {
  // A small trace ring wraps many times between snapshots, and the snapshots share its entries in chunks.
  const opts: SessionOptions = { snapshotEveryEvents: 3_000, traceCapacity: 4_096 };

  it('restore the trace ring entry for entry, so a scrubbed run hashes like a straight one', () => {
    const s = session(opts);
    advance(s, 12_000_000);
    for (const t of [7_250_000, 1_000_000, 11_000_000, 3_333_000]) {
      seek(s, t);
      expect(s.sim.hash()).toBe(straightHash(t, opts));
    }
  });

  it('rebuild the ring in place: back before it first wrapped, the slots not yet reached read as a fresh ring', () => {
    const big: SessionOptions = { snapshotEveryEvents: 3_000, traceCapacity: 8_192 };
    const s = session(big);
    advance(s, 12_000_000);
    const ring = s.sim.world.trace;
    expect(ring.written).toBeGreaterThan(ring.capacity); // the live ring has wrapped: every slot holds an entry
    seek(s, 500_000);
    expect(s.sim.world.trace).toBe(ring); // the dropped world's arrays, reused
    expect(ring.written).toBeLessThan(ring.capacity);
    expect(s.sim.hash()).toBe(straightHash(500_000, big));
    for (const column of [ring.time, ring.kind, ring.node, ring.a]) expect(column.subarray(ring.written).every((x) => x === 0)).toBe(true);
  });

  it('seek forward from the nearest snapshot, not from the current moment', () => {
    const s = session(opts);
    advance(s, 12_000_000);
    seek(s, 1_000_000);
    const at1s = s.sim.world;
    seek(s, 11_500_000);
    expect(s.sim.world).not.toBe(at1s); // restored from a snapshot near 11.5 s, not replayed from 1 s
    expect(s.sim.hash()).toBe(straightHash(11_500_000, opts));
    const at115 = s.sim.world;
    seek(s, 11_600_000);
    expect(s.sim.world).toBe(at115); // a step ahead with no snapshot between: just run on
  });

  it('thin out within the memory budget, keeping seeks exact', () => {
    const budget = 2 * 2 ** 20;
    const s = session({ ...opts, snapshotBytesMax: budget });
    const store = s.snapshots;
    // One snapshot goes at a time, where they are densest: once full, the store stays nearly full (halving left it
    // between half full and full), and no gap is more than about twice another.
    const fill: number[] = [];
    for (let t = 1_000_000; t <= 12_000_000; t += 250_000) {
      advance(s, t);
      fill.push(total(store, s.sim.world) / budget);
    }
    const full = fill.findIndex((x) => x > 0.9);
    expect(full).toBeGreaterThan(0);
    expect(Math.min(...fill.slice(full))).toBeGreaterThan(0.75);
    expect(Math.max(...fill)).toBeLessThanOrEqual(1 + 1_000_000 / budget);
    expect(store.everyEvents).toBeGreaterThan(3_000);
    expect(store.list[0]!.atUs).toBe(0);
    const gaps = store.list.slice(2, -1).map((x, i) => x.events - store.list[i + 1]!.events);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2.5 * Math.min(...gaps));
    seek(s, 8_000_000);
    expect(s.sim.hash()).toBe(straightHash(8_000_000, opts));
  });

  it('deflate the trace chunks once the budget is pressed, and only then, restoring the same rings', () => {
    const deflated = (x: Session) => x.snapshots.chunks.filter((c) => Object.values(c.columns).every(isStored)).length;
    const roomy = session(opts);
    advance(roomy, 12_000_000);
    expect(deflated(roomy)).toBe(0); // a world whose snapshots fit is spared deflating and inflating
    const pressed = session({ ...opts, snapshotBytesMax: 2 * 2 ** 20 });
    advance(pressed, 12_000_000);
    expect(deflated(pressed)).toBeGreaterThanOrEqual(pressed.snapshots.chunks.length - 1); // the newest may not have pressed it yet
    // Deflated, the chunks keep the entries in fewer bytes, so more snapshots fit than packing alone would allow.
    const packedBytes = (x: Session) => x.snapshots.chunks.reduce((n, c) => n + Object.values(c.columns).reduce((m, col) => m + load(col).data.byteLength, 0), 0);
    expect(pressed.snapshots.chunks.reduce((n, c) => n + chunkBytes(c), 0)).toBeLessThan(packedBytes(pressed) / 2);
    for (const t of [11_700_000, 2_100_000, 6_600_000]) {
      seek(pressed, t);
      expect(pressed.sim.hash()).toBe(straightHash(t, opts));
    }
  });

  it('count what they hold as a full recount does, through thinning, seeks and a fork', () => {
    // The recount: every snapshot's copy and trace chunk, and each shared part any snapshot holds and the live world
    // does not, once.
    const recount = (store: SnapshotStore, w: Omit<World, 'trace'>) => {
      let n = 0;
      for (const x of store.list) n += x.copied;
      for (const c of store.chunks) n += chunkBytes(c);
      const counted = new Set<object>();
      sharedParts(w, (part) => counted.add(part));
      for (const x of store.list) {
        sharedParts(x.world, (part, bytes) => {
          if (!counted.has(part)) n += bytes;
          counted.add(part);
        });
      }
      return n;
    };
    const s = session({ ...opts, snapshotBytesMax: 2 * 2 ** 20 });
    const check = () => expect(total(s.snapshots, s.sim.world)).toBe(recount(s.snapshots, s.sim.world));
    for (let t = 1_000_000; t <= 10_000_000; t += 1_000_000) {
      advance(s, t);
      check();
    }
    expect(s.snapshots.list.length).toBeGreaterThan(3);
    seek(s, 3_500_000);
    check();
    seek(s, 9_000_000);
    check();
    seek(s, 5_000_000);
    expect(changeSettings(s, text.replace('rate=200/s', 'rate=100/s')).ok).toBe(true);
    check();
    advance(s, 12_000_000);
    check();
  });

  it('pack and deflate trace columns into the narrowest arrays that give back every value exactly', () => {
    // Through the deflated form a chunk stores, as differences or not (times go back as well as forward in the ring).
    let delta = false;
    const roundTrip = (values: Float64Array | Int32Array) => {
      delta = !delta;
      const p = load(store(pack(values.slice()), delta));
      const out = new (values.constructor as new (n: number) => typeof values)(values.length);
      unpack(p, 0, values.length, out, 0);
      return { p, out };
    };
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.double(), fc.constantFrom(0, -0, 255, 256, 65_535, 65_536))), (xs) => {
        const { out } = roundTrip(Float64Array.from(xs));
        expect(Array.from(out)).toEqual(Array.from(Float64Array.from(xs))); // toEqual tells -0 from 0 and matches NaN
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (xs) => {
        expect(Array.from(roundTrip(Int32Array.from(xs)).out)).toEqual(xs);
      }),
    );
    // Times a few seconds apart in microseconds, and ids: four bytes where the ring has eight; -1 to 167 in one.
    expect(pack(Float64Array.from([24_644_666, 29_999_988])).data).toBeInstanceOf(Uint32Array);
    expect(pack(Int32Array.from([-1, 167])).data).toBeInstanceOf(Uint8Array);
    expect(pack(Float64Array.from([0.5, 1])).data).toBeInstanceOf(Float64Array);
  });

  it('never hold more than the budget, even when a world alone nearly fills it', () => {
    const unbounded = session(opts);
    advance(unbounded, 12_000_000);
    const world = unbounded.snapshots.list.at(-1)!.bytes;
    // As much as one late world: the old rule kept the first snapshot and the last, whatever the two cost together.
    const budget = world;
    const s = session({ ...opts, snapshotBytesMax: budget });
    advance(s, 12_000_000);
    expect(total(s.snapshots, s.sim.world)).toBeLessThanOrEqual(budget + opts.traceCapacity! * RING_ENTRY_BYTES);
    for (const t of [11_900_000, 4_000_000]) {
      seek(s, t);
      expect(s.sim.hash()).toBe(straightHash(t, opts));
    }
  });

  it("share the message table's and the checkers' chunks with the live world, which copies one before writing it", () => {
    const s = session(opts);
    advance(s, 12_000_000);
    const snap = s.snapshots.list[Math.floor(s.snapshots.list.length / 2)]!;
    const before = snap.world.checks.groups.map((g) => seenBits(g));
    const rows = (m: Messages) => Array.from({ length: m.count }, (_, id) => [flagsOf(m, id), keyOf(m, id), causationOf(m, id)]);
    const rowsBefore = rows(snap.world.messages);
    // The chunks are shared: the store counts a snapshot's unchanged chunks once, not per snapshot.
    const shared = s.snapshots.list.slice(1).some((x, i) => x.world.checks.groups.some((g, k) => g.seen[0] === s.snapshots.list[i]!.world.checks.groups[k]!.seen[0]));
    expect(shared).toBe(true);
    for (const t of [snap.atUs + 1, 11_000_000, 3_333_000]) {
      seek(s, t);
      const straight = session(opts);
      advance(straight, t);
      expect(s.sim.world.checks.groups.map((g) => seenBits(g))).toEqual(straight.sim.world.checks.groups.map((g) => seenBits(g)));
      expect(s.sim.history()).toEqual(straight.sim.history());
    }
    // Writing after the snapshots left what they hold as it was.
    expect(snap.world.checks.groups.map((g) => seenBits(g))).toEqual(before);
    expect(rows(snap.world.messages)).toEqual(rowsBefore);
  });

  it("share the charts' samples, each world keeping its own list of them", () => {
    const s = session(opts);
    advance(s, 12_000_000);
    const [a, b] = s.snapshots.list.slice(-2).map((x) => x.world.metrics.series);
    expect(a!.length).toBeGreaterThan(5);
    expect(b!.slice(0, a!.length)).toEqual(a); // the same samples...
    expect(b![0]).toBe(a![0]); // ...as the same objects, copied once
    expect(s.sim.world.metrics.series[0]).toBe(a![0]);
    const snap = s.snapshots.list[2]!;
    const before = structuredClone(snap.world.metrics.series);
    seek(s, snap.atUs + 3_000_000); // the restored world samples three more seconds into its own list
    expect(s.sim.world.metrics.series.length).toBe(before.length + 3);
    expect(s.sim.world.metrics.series[0]).toBe(snap.world.metrics.series[0]);
    expect(snap.world.metrics.series).toEqual(before);
    const straight = session(opts);
    advance(straight, snap.atUs + 3_000_000);
    expect(s.sim.world.metrics.series).toEqual(straight.sim.world.metrics.series);
  });

  it("share Kafka's record buffers instead of copying them, and keep what they hold through the crash's truncations", () => {
    const s = session(opts);
    advance(s, 12_000_000);
    const list = s.snapshots.list;
    const buffers = (w: (typeof list)[number]['world']) => w.parts.kafka.partitions.flatMap((p) => p.log.segments.map((g) => g.ids));
    const records = (w: (typeof list)[number]['world']) => w.parts.kafka.partitions.map((p) => p.log.segments.flatMap((g) => Array.from(g.ids.subarray(0, g.count))));
    // Consecutive snapshots hold the same buffers (appends go past what the older one reads), not copies of them.
    expect(list.slice(1).some((x, i) => buffers(x.world).some((b) => buffers(list[i]!.world).includes(b)))).toBe(true);
    const picked = [1, 3, 5, 8, 13].map((i) => list[Math.min(i, list.length - 1)]!);
    const held = picked.map((x) => records(x.world));
    for (const x of [...picked].reverse()) {
      seek(s, x.atUs);
      expect(s.sim.hash()).toBe(straightHash(x.atUs, opts));
      advance(s, x.atUs + 3_000_000); // a restored world writes on, over buffers the snapshot holds
    }
    expect(picked.map((x) => records(x.world))).toEqual(held);
  });

  it('stop a run whose world outgrows what a tab can hold, saying so, instead of crashing the tab', () => {
    const s = session(opts);
    // Twice the first world: without its dead timeouts the world at 30 s is under three times the first (0.69 MB).
    s.snapshots.worldBytesMax = s.snapshots.list[0]!.bytes * 2;
    expect(() => advance(s, 30_000_000)).toThrow(
      /^This run stopped at \d+(\.\d)?s: what it simulates has grown past [\d,]+ MB, more than a browser tab can safely hold\. Start it again to watch a shorter stretch, or lower the rates or the number of nodes\.$/,
    );
  });
});

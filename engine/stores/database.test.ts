/**
 * A database as the stores family runs it: a service's write is a transaction; a committed row survives a crash,
 * an open transaction does not; with synchronous_commit=off a crash loses commits not yet flushed, and the loss
 * checker says so; a full connection pool refuses; an answer cut off leaves a committed row its writer never heard of.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../check/checks.ts';
import { errorName } from '../history/errors.ts';
import { ACKED, FAILED, flagsOf } from '../history/messages.ts';
import { advance, createSession, frameOf, seek } from '../live/session.ts';
import { eventLog, messageLives } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { TOO_MANY_CONNECTIONS } from './errors.ts';
import { rowIds } from './rows.ts';

const text = (settings = '') => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  %% @config Client rate=200/s
  %% @config DB transaction=50ms ${settings}
`;

const db = (s: TestSim) => s.w.parts.stores.databases[0]!;

describe('a database', () => {
  it('keeps every committed row through a crash and rolls back the transactions open in it', () => {
    const s = TestSim.of(text(), { seed: 1 }).until('3s');
    const before = rowIds(db(s).rows);
    const open = [...s.w.parts.stores.transactions.values()].filter((tx) => tx.open).flatMap((tx) => tx.rows);
    expect(open.length).toBeGreaterThan(0); // 200/s for 50 ms each: about ten open at any moment
    s.fault('crash DB').advance('2s').fault('restart DB').advance('5s');

    const d = db(s);
    expect(rowIds(d.rows).slice(0, before.length)).toEqual(before);
    for (const id of open) {
      expect(rowIds(d.rows)).not.toContain(id);
      expect(flagsOf(s.w.messages, id) & (ACKED | FAILED)).toBe(FAILED);
    }
    expect(d.stats.rolledBack).toBe(open.length);
    expect(d.rows.count).toBe(d.stats.commits);
    expect(checkHistory(s.w).lost.count).toBe(0);
    // While it was down, checkouts failed, and the failures name the database.
    const m = s.metrics();
    expect(m.checkouts.failed).toBeGreaterThan(300);
    expect(s.w.metrics.checkoutFailures.examples.every((f) => f.service === 'DB')).toBe(true);
    expect(m.checkouts.ok).toBe(d.stats.commits);
  });

  it('with synchronous_commit=off, a crash loses the commits the WAL writer had not flushed, and the checker finds them', () => {
    // The WAL writer flushes every 200 ms from the start: at 2.9 s it last flushed at 2.8 s.
    const s = TestSim.of(text('synchronous_commit=off'), { seed: 1 }).until('2.9s');
    s.fault('crash DB').advance('2s').fault('restart DB').advance('5s');
    const d = db(s);
    const report = checkHistory(s.w);
    expect(d.lost.length).toBeGreaterThan(0);
    expect(report.lost.count).toBe(d.lost.length);
    expect(report.lost.examples.map((x) => x.message)).toEqual(d.lost.slice(0, report.lost.examples.length).map((x) => x.id));
    // Each was committed since that flush.
    for (const x of d.lost) expect(x.committedAt).toBeGreaterThanOrEqual(2_800_000);
    const [life] = messageLives(s.w, [d.lost[0]!.id]);
    expect(life).toMatchObject({ lost: true, partition: 'DB', droppedAt: { broker: 'DB', at: 2_900_000 } });
    expect(eventLog(s.w, { kinds: ['walLost'] })[0]!.text).toMatch(/^DB crashed with \d+ rows committed but not yet flushed/);
  });

  it('with synchronous_commit=on, the same crash loses nothing', () => {
    const s = TestSim.of(text('synchronous_commit=on'), { seed: 1 }).until('3s');
    s.fault('crash DB').advance('2s').fault('restart DB').advance('5s');
    expect(db(s).lost).toEqual([]);
    expect(checkHistory(s.w).lost.count).toBe(0);
  });

  it('refuses a transaction when every connection is taken', () => {
    const s = TestSim.of(text('max_connections=5'), { seed: 1 }).advance('5s');
    expect(db(s).stats.refused).toBeGreaterThan(100);
    expect(s.w.metrics.checkoutFailures.examples.some((f) => f.code === TOO_MANY_CONNECTIONS && f.service === 'DB')).toBe(true);
    expect(errorName(TOO_MANY_CONNECTIONS)).toBe('too many clients already');
  });

  it('commits a row whose answer a cut link lost: the writer times out on a row the table has', () => {
    const s = TestSim.of(text(), { seed: 1 }).until('3s').fault('cut Orders DB').advance('5s');
    const d = db(s);
    const m = s.metrics();
    // Transactions open at the cut still commit; nobody hears of it, and those checkouts time out.
    expect(d.stats.commits - m.checkouts.ok).toBeGreaterThan(0);
    expect(d.rows.count).toBe(d.stats.commits);
    expect(checkHistory(s.w).lost.count).toBe(0);
  });

  it('shows its rows and commits per second live, and replays the same history after a seek', () => {
    const s = createSession(text(), { seed: 3, faults: ['4s crash DB', '6s restart DB'] });
    if ('errors' in s) throw new Error(JSON.stringify(s.errors));
    advance(s, 3_500_000);
    const live = frameOf(s).nodes['DB'];
    expect(live).toMatchObject({ type: 'database', up: 1, of: 1 });
    if (live?.type !== 'database') throw new Error('no database row');
    expect(live.txPerSecond).toBeGreaterThan(150);
    expect(live.txPerSecond).toBeLessThan(250);
    expect(live.rows).toBe(s.sim.world.parts.stores.databases[0]!.rows.count);
    advance(s, 10_000_000);
    const hash = s.sim.hash();
    const rows = rowIds(s.sim.world.parts.stores.databases[0]!.rows);
    expect(frameOf(s).nodes['DB']).toMatchObject({ up: 1 });
    seek(s, 2_000_000);
    advance(s, 10_000_000);
    expect(s.sim.hash()).toBe(hash);
    expect(rowIds(s.sim.world.parts.stores.databases[0]!.rows)).toEqual(rows);
    expect(eventLog(s.sim.world, { kinds: ['txRollback'] }).length).toBeGreaterThan(0);
  });
});

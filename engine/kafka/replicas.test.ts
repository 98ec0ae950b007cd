import { describe, expect, it } from 'vitest';
import { createLog } from './log.ts';
import { appendOn, follow, makeOwner, viewEnd, viewIdAt } from './replicas.ts';
import type { Partition } from './types.ts';

const roll = { segmentBytes: 1 << 30, segmentUs: 1e12 };
const lw = { now: 0, roll, recordBytes: 10, timestampOf: () => 0 };

function partition(n: number): Partition {
  return {
    id: 0, cluster: 0, topic: 0, index: 0,
    replicas: Array.from({ length: n }, (_, i) => i),
    log: createLog(), owner: 0,
    matched: new Array(n).fill(0), tail: new Array(n).fill(null), hw: new Array(n).fill(0),
    followerEnd: new Array(n).fill(0), lastCaughtUpAt: new Array(n).fill(0), lastFetchAt: new Array(n).fill(0), lastFetchLeaderEnd: new Array(n).fill(0),
    states: [], pendingIsr: null, producers: new Map(), delayed: [], parkedFetches: [], committed: 0, offlineSince: -1, writesFailingSince: -1, lastWriteOkAt: 0, cleanedTo: 0,
  };
}
const view = (p: Partition, s: number) => Array.from({ length: viewEnd(p, s) }, (_, o) => viewIdAt(p, s, o));
const write = (p: Partition, slot: number, ...ids: number[]) => appendOn(p, slot, ids, 0, ids.length, ids.length * 10, 0, 0, roll);

describe('replica views of one shared log', () => {
  it('followers hold a prefix of the leader without copying', () => {
    const p = partition(3);
    write(p, 0, 1, 2, 3);
    follow(p, 1, 0, 2, lw);
    follow(p, 2, 0, 3, lw);
    expect(view(p, 1)).toEqual([1, 2]);
    expect(view(p, 2)).toEqual([1, 2, 3]);
    expect(p.tail).toEqual([null, null, null]);
  });

  it('an acks=1 write the followers never fetched is gone once a follower leads and the old leader follows', () => {
    const p = partition(3);
    write(p, 0, 1, 2);
    follow(p, 1, 0, 2, lw);
    follow(p, 2, 0, 2, lw);
    write(p, 0, 3); // acknowledged with acks=1, never replicated
    makeOwner(p, 1, lw); // leader 0 crashed; 1 was in sync
    expect(view(p, 0)).toEqual([1, 2, 3]); // the dead broker still has it on disk
    write(p, 1, 4);
    follow(p, 2, 1, 3, lw);
    expect(follow(p, 0, 1, 3, lw)).toBe(1); // the returning broker truncates message 3 away
    expect(view(p, 0)).toEqual([1, 2, 4]);
    expect(view(p, 1)).toEqual([1, 2, 4]);
  });

  it('a zombie leader appends to its own tail while the new leader appends to the shared log', () => {
    const p = partition(3);
    write(p, 0, 1);
    follow(p, 1, 0, 1, lw);
    makeOwner(p, 1, lw);
    write(p, 0, 7, 8); // isolated old leader still believes it leads
    write(p, 1, 9);
    expect(view(p, 0)).toEqual([1, 7, 8]);
    expect(view(p, 1)).toEqual([1, 9]);
    // An unclean election of the zombie brings its writes back and drops the other side's.
    makeOwner(p, 0, lw);
    expect(view(p, 0)).toEqual([1, 7, 8]);
    expect(view(p, 1)).toEqual([1, 9]);
    follow(p, 1, 0, 3, lw);
    expect(view(p, 1)).toEqual([1, 7, 8]);
  });
});

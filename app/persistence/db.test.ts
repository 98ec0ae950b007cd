import { describe, expect, it } from 'vitest';
import { workspaceDb } from './db.ts';
import { memoryRawStore } from './rawStore.ts';

const draft = (text: string) => ({ id: 'w', name: 'W', text, positions: {}, updatedAt: 1 });

describe('workspace database', () => {
  it('sets a malformed record aside on read: not returned, not listed, not deleted', async () => {
    const raw = memoryRawStore();
    await raw.transact('readwrite', (tx) => tx.put('workspaces', { id: 'bad', name: 'Bad', text: 42, positions: {}, updatedAt: 2 }));
    const db = workspaceDb(raw, { now: () => 7 });
    expect(await db.get('bad')).toBeUndefined();
    expect(db.takeSetAside()).toEqual([{ key: 'bad', name: 'Bad', reason: 'its text is not text', value: expect.objectContaining({ text: 42 }), at: 7 }]);
    expect(db.takeSetAside()).toEqual([]);
    expect(await db.list()).toEqual([]);
    let kept: unknown;
    await raw.transact('readonly', (tx) => tx.get('meta', 'set-aside:7:bad', (v) => (kept = v)));
    expect(kept).toMatchObject({ reason: 'its text is not text', value: { text: 42 } });
  });

  it('lists the good records and sets the bad ones aside', async () => {
    const raw = memoryRawStore();
    await raw.transact('readwrite', (tx) => {
      tx.put('workspaces', { id: 'a', name: 'A', text: 'graph LR', positions: {}, updatedAt: 1 });
      tx.put('workspaces', { id: 'b', name: 3, text: 'graph LR', positions: {}, updatedAt: 2 });
    });
    const db = workspaceDb(raw);
    expect(await db.list()).toEqual([{ id: 'a', name: 'A', updatedAt: 1 }]);
    expect(db.takeSetAside().map((r) => r.key)).toEqual(['b']);
  });

  it('reads only a string as the current workspace', async () => {
    const raw = memoryRawStore();
    await raw.transact('readwrite', (tx) => tx.put('meta', { id: 'w' }, 'current'));
    expect(await workspaceDb(raw).currentId()).toBeUndefined();
  });

  it('saves on the version it was given, or its own, and otherwise returns the stored one untouched', async () => {
    const raw = memoryRawStore();
    const a = workspaceDb(raw, { writer: 'A' });
    const b = workspaceDb(raw, { writer: 'B' });
    expect(await a.save(draft('one'), null)).toMatchObject({ kind: 'saved', workspace: { version: 1, writer: 'A' } });
    expect(await a.save(draft('two'), null)).toMatchObject({ kind: 'saved', workspace: { version: 2 } }); // its own
    expect(await b.save(draft('mine'), 1)).toMatchObject({ kind: 'conflict', theirs: { text: 'two', version: 2 } });
    expect(await b.save(draft('mine'), 2)).toMatchObject({ kind: 'saved', workspace: { version: 3, writer: 'B' } });
    expect(await a.save(draft('three'), 2)).toMatchObject({ kind: 'conflict', theirs: { text: 'mine' } });
  });

  it('writes nothing when the disk is full, and says why', async () => {
    const db = workspaceDb(memoryRawStore({ beforeWrite: () => { throw new DOMException('full', 'QuotaExceededError'); } }));
    await expect(db.save(draft('x'), null)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.get('w')).toBeUndefined();
  });
});

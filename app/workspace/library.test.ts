import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { practiceTemplate } from '../examples/index.ts';
import { memoryDb, workspaceDb, type WorkspaceDb } from '../persistence/db.ts';
import { memoryRawStore } from '../persistence/rawStore.ts';
import { encodeShare } from '../persistence/share.ts';
import { createAppStore } from '../state/store.ts';
import { AUTOSAVE_DELAY_MS, createLibrary, type LibraryHooks } from './library.ts';
import { memoryTabHub } from './tabChannel.ts';

const durable = (db: WorkspaceDb): WorkspaceDb => ({ ...db, durable: true });

function setup(db: WorkspaceDb = durable(memoryDb()), hooks: LibraryHooks = {}) {
  const store = createAppStore();
  let clock = 1000;
  let ids = 0;
  const library = createLibrary(store, db, { now: () => ++clock, newId: () => `w${++ids}`, channel: memoryTabHub().channel() }, hooks);
  return { store, db, library, s: () => store.getState() };
}

describe('library', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the practice template on a first visit', async () => {
    const { library, s } = setup();
    expect(await library.boot('')).toBe('first-visit');
    expect(s().text).toBe(practiceTemplate.text);
    expect(s().workspace.name).toBe(practiceTemplate.title);
    expect(s().library).toHaveLength(1);
  });

  it('restores the workspace that was open last, with its positions', async () => {
    const first = setup();
    await first.library.boot('');
    first.library.startAutosave();
    await first.library.create('Second', 'graph LR\n A --> B');
    first.s().edit({ positions: { A: { x: 3, y: 4 } } });
    await first.library.flush();
    await first.library.open('w1');
    first.s().edit({ text: 'graph TD\n changed' });
    await first.library.flush();

    const again = setup(first.db);
    expect(await again.library.boot('')).toBe('restored');
    expect(again.s()).toMatchObject({ text: 'graph TD\n changed', workspace: { id: 'w1' } });
    await again.library.open('w2');
    expect(again.s().positions).toEqual({ A: { x: 3, y: 4 } });
  });

  it('autosaves after a pause', async () => {
    const { library, db, s } = setup();
    await library.boot('');
    const stop = library.startAutosave();
    s().edit({ text: 'graph LR\n X' });
    expect(s().saveStatus).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect((await db.get('w1'))!.text).toBe(practiceTemplate.text);
    await vi.advanceTimersByTimeAsync(1);
    expect((await db.get('w1'))!.text).toBe('graph LR\n X');
    expect(s().saveStatus).toBe('saved');
    stop();
  });

  it('opens a share link in a new workspace and keeps the others', async () => {
    const { library, s } = setup();
    await library.boot('');
    const outcome = await library.boot(encodeShare({ text: 'graph LR\n S --> T', name: 'From a friend' }));
    expect(outcome).toBe('shared');
    expect(s()).toMatchObject({ text: 'graph LR\n S --> T', workspace: { name: 'From a friend' } });
    expect(s().library.map((w) => w.id).sort()).toEqual(['w1', 'w2']);
  });

  it("hands a share link's run on once its workspace is open; a link without one hands nothing", async () => {
    const runs: { run: unknown; workspace: string }[] = [];
    const { library, s } = setup(undefined, { openRun: (run) => runs.push({ run, workspace: s().workspace.name }) });
    await library.boot(encodeShare({ text: 'graph LR\n S --> T', name: 'Replay this', run: { seed: 9, faults: ['5s crash T'] } }));
    expect(runs).toEqual([{ run: { seed: 9, faults: ['5s crash T'] }, workspace: 'Replay this' }]);
    await library.openShared(encodeShare({ text: 'graph LR\n S --> T', name: 'Text only' }));
    expect(runs).toHaveLength(1);
  });

  it('says a damaged share link is damaged and changes nothing', async () => {
    const { library, db, s } = setup();
    await library.boot('');
    const before = await db.list();
    await library.boot('#v1:eJzz');
    expect(s().notice?.text).toMatch(/^This share link is damaged \(.+\)\. Nothing was changed\.$/);
    expect(await db.list()).toEqual(before);
    expect(s().text).toBe(practiceTemplate.text);
  });

  it('renames, and deletes by opening the next workspace (or a new one when none is left)', async () => {
    const { library, db, s } = setup();
    await library.boot('');
    await library.create('B', 'graph LR\n B');
    await library.rename('  Bee ');
    expect((await db.get('w2'))!.name).toBe('Bee');
    await library.remove('w2');
    expect(s().workspace.id).toBe('w1');
    await library.remove('w1');
    expect(s()).toMatchObject({ workspace: { id: 'w3', name: 'Untitled' }, text: 'graph LR\n' });
  });

  it('opens a workspace by its id, creating it the first time with the text given', async () => {
    const { library, db, s } = setup();
    await library.boot('');
    const stop = library.startAutosave();
    await library.openOrCreate('lesson:a', 'Lesson A', 'graph LR\n starter');
    expect(s()).toMatchObject({ workspace: { id: 'lesson:a', name: 'Lesson A' }, text: 'graph LR\n starter' });
    s().edit({ text: 'graph LR\n mine' });
    await library.open('w1');
    await library.openOrCreate('lesson:a', 'Lesson A', 'graph LR\n starter');
    expect(s().text).toBe('graph LR\n mine');
    expect((await db.list()).map((w) => w.id).sort()).toEqual(['lesson:a', 'w1']);
    stop();
  });

  it('warns when the browser will not keep the work', async () => {
    const { library, s } = setup(memoryDb());
    await library.boot('');
    expect(s().notice?.text).toMatch(/lost on reload/);
    expect(s().saveStatus).toBe('memory');
  });

  it('opens when a stored record is malformed: it is set aside, the others open, and the learner is told', async () => {
    const raw = { ...memoryRawStore(), durable: true };
    await raw.transact('readwrite', (tx) => {
      tx.put('workspaces', { id: 'good', name: 'Good', text: 'graph LR\n G', positions: {}, updatedAt: 1 });
      tx.put('workspaces', { id: 'bad', name: 'Bad', text: 42, positions: {}, updatedAt: 2 });
      tx.put('meta', 'bad', 'current');
    });
    const { library, db, s } = setup(workspaceDb(raw));
    expect(await library.boot('')).toBe('restored');
    expect(s()).toMatchObject({ text: 'graph LR\n G', workspace: { id: 'good' } });
    expect(s().library.map((w) => w.id)).toEqual(['good']);
    expect(s().setAside).toMatchObject([{ key: 'bad', name: 'Bad', reason: 'its text is not text', value: { text: 42 } }]);
    expect(await db.get('bad')).toBeUndefined();
  });

  it('opens the practice template when storage cannot be read at all, and says why', async () => {
    const broken: WorkspaceDb = { ...durable(memoryDb()), currentId: () => Promise.reject(new DOMException('gone', 'UnknownError')) };
    const { library, s } = setup(broken);
    expect(await library.boot('')).toBe('unreadable');
    expect(s().text).toBe(practiceTemplate.text);
    expect(s().notice?.text).toMatch(/^Stored workspaces could not be read/);
  });
});

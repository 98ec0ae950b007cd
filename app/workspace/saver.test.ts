import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workspaceDb } from '../persistence/db.ts';
import { memoryRawStore, type RawStore } from '../persistence/rawStore.ts';
import { createAppStore } from '../state/store.ts';
import { createLibrary } from './library.ts';
import { AUTOSAVE_DELAY_MS } from './saver.ts';
import { memoryTabHub } from './tabChannel.ts';

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Tabs of one browser: one storage, one channel between them, each its own store and library. */
function browser(options: { beforeWrite?: () => void } = {}) {
  const raw: RawStore = { ...memoryRawStore(options), durable: true };
  const hub = memoryTabHub();
  let ids = 0;
  const tab = async (name: string) => {
    const store = createAppStore();
    const db = workspaceDb(raw, { writer: name });
    const library = createLibrary(store, db, { now: () => Date.now(), newId: () => `w${++ids}`, channel: hub.channel() });
    library.startAutosave();
    await library.boot('');
    return { store, db, library, s: () => store.getState() };
  };
  return { raw, tab };
}

const settle = () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);

describe('two tabs on one workspace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('the later save does not overwrite the other tab’s edit unseen: it is held back, and the tab is told', async () => {
    const { tab } = browser();
    const a = await tab('A');
    const b = await tab('B');
    a.s().edit({ text: 'graph LR\n from A' });
    b.s().edit({ text: 'graph LR\n from B' });
    await settle();
    expect((await a.db.get(a.s().workspace.id))!.text).toBe('graph LR\n from A');
    expect(b.s().text).toBe('graph LR\n from B');
    expect(b.s()).toMatchObject({ saveStatus: 'conflict', saveProblem: { kind: 'conflict' } });
    expect(b.library.saver.holdsUnsaved()).toBe(true);
    expect(a.s().saveStatus).toBe('saved');
  });

  it('an idle tab follows what another tab saves, as one undo step', async () => {
    const { tab } = browser();
    const a = await tab('A');
    const b = await tab('B');
    const before = b.s().text;
    a.s().edit({ text: 'graph LR\n from A' });
    await settle();
    expect(b.s().text).toBe('graph LR\n from A');
    expect(b.s().notice?.text).toMatch(/changed in another tab/);
    b.s().undo();
    expect(b.s().text).toBe(before);
  });

  it('"keep mine" stores this tab’s version, and the other tab follows it', async () => {
    const { tab } = browser();
    const a = await tab('A');
    const b = await tab('B');
    a.s().edit({ text: 'graph LR\n from A' });
    b.s().edit({ text: 'graph LR\n from B' });
    await settle();
    await b.library.saver.keepMine();
    await settle();
    expect(b.s()).toMatchObject({ saveStatus: 'saved', saveProblem: null });
    expect((await b.db.get(b.s().workspace.id))!.text).toBe('graph LR\n from B');
    expect(a.s().text).toBe('graph LR\n from B');
  });

  it('"take theirs" shows the other tab’s version and writes nothing; this tab’s is one undo away', async () => {
    const { tab } = browser();
    const a = await tab('A');
    const b = await tab('B');
    a.s().edit({ text: 'graph LR\n from A' });
    b.s().edit({ text: 'graph LR\n from B' });
    await settle();
    await b.library.saver.takeTheirs();
    await settle();
    expect(b.s()).toMatchObject({ text: 'graph LR\n from A', saveStatus: 'saved', saveProblem: null });
    expect((await b.db.get(b.s().workspace.id))!.text).toBe('graph LR\n from A');
    b.s().undo();
    expect(b.s().text).toBe('graph LR\n from B');
  });

  it('a tab never conflicts with its own saves still on their way', async () => {
    const { tab } = browser();
    const a = await tab('A');
    a.s().edit({ text: 'graph LR\n one' });
    const first = a.library.flush();
    a.s().edit({ text: 'graph LR\n two' });
    await Promise.all([first, a.library.flush()]);
    expect(a.s()).toMatchObject({ saveStatus: 'saved', saveProblem: null });
    expect((await a.db.get(a.s().workspace.id))!.text).toBe('graph LR\n two');
  });

  it('will not open another workspace while changes are held back', async () => {
    const { tab } = browser();
    const a = await tab('A');
    const b = await tab('B');
    await b.library.create('Other', 'graph LR\n other');
    await b.library.open(a.s().workspace.id);
    a.s().edit({ text: 'graph LR\n from A' });
    b.s().edit({ text: 'graph LR\n from B' });
    await settle();
    await b.library.open('w2');
    expect(b.s()).toMatchObject({ text: 'graph LR\n from B', notice: { tone: 'error' } });
  });
});

describe('a save the browser refuses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says saving failed, keeps the text, throws nothing, and a retry stores it', async () => {
    let disk = 'ok';
    const { tab } = browser({ beforeWrite: () => { if (disk === 'full') throw full(); } });
    const t = await tab('A');
    disk = 'full';
    t.s().edit({ text: 'graph LR\n precious' });
    // The autosave's own attempt: a rejection it left unhandled would fail this run (vitest reports those).
    await settle();
    await expect(t.library.flush()).resolves.toBeUndefined();
    expect(t.s()).toMatchObject({ text: 'graph LR\n precious', saveStatus: 'failed' });
    expect(t.s().saveProblem).toEqual({ kind: 'failed', reason: "this browser's storage for EventLab is full" });
    expect(t.library.saver.holdsUnsaved()).toBe(true);

    disk = 'ok';
    await t.library.saver.retry();
    expect(t.s()).toMatchObject({ saveStatus: 'saved', saveProblem: null });
    expect((await t.db.get(t.s().workspace.id))!.text).toBe('graph LR\n precious');
  });

  it('keeps retrying at each pause in editing, and the status stays "failed" meanwhile', async () => {
    let disk = 'ok';
    const { tab } = browser({ beforeWrite: () => { if (disk === 'full') throw full(); } });
    const t = await tab('A');
    disk = 'full';
    t.s().edit({ text: 'graph LR\n a' });
    await settle();
    t.s().edit({ text: 'graph LR\n ab' });
    expect(t.s().saveStatus).toBe('failed');
    disk = 'ok';
    await settle();
    expect(t.s()).toMatchObject({ saveStatus: 'saved', saveProblem: null });
  });

  it('lets the learner leave once the text is exported', async () => {
    let disk = 'ok';
    const { tab } = browser({ beforeWrite: () => { if (disk === 'full') throw full(); } });
    const t = await tab('A');
    disk = 'full';
    t.s().edit({ text: 'graph LR\n precious' });
    await settle();
    t.library.saver.exported();
    expect(t.library.saver.holdsUnsaved()).toBe(false);
    t.s().edit({ text: 'graph LR\n precious, more' });
    expect(t.library.saver.holdsUnsaved()).toBe(true);
  });
});

describe('a page going away', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Storage as an unloading page sees it (measured in Chromium): a transaction that must wait for an answer never
   * completes once the page is dying; one committed at once, without reading, does. */
  function mortal(raw: RawStore) {
    let dying = false;
    const store: RawStore = {
      durable: true,
      transact: (mode, body, options) => (dying && !options?.commitNow ? new Promise<void>(() => {}) : raw.transact(mode, body, options)),
    };
    return { store, die: () => void (dying = true) };
  }

  async function page(raw: RawStore, writer: string, id = 'w1') {
    const store = createAppStore();
    const db = workspaceDb(raw, { writer });
    const library = createLibrary(store, db, { now: () => Date.now(), newId: () => `${writer}-${id}`, channel: memoryTabHub().channel() });
    library.startAutosave();
    await library.boot('');
    return { store, db, library, s: () => store.getState() };
  }

  it('an edit made just before a reload is there after it, though the page died before its save could finish', async () => {
    const raw: RawStore = { ...memoryRawStore(), durable: true };
    const { store, die } = mortal(raw);
    const before = await page(store, 'A');
    before.s().edit({ text: 'graph LR\n typed just now' });
    die();
    void before.library.saver.flushLeaving();
    const after = await page(raw, 'B');
    expect(after.s()).toMatchObject({ text: 'graph LR\n typed just now', workspace: { id: 'A-w1' } });
    expect(after.s().library).toHaveLength(1);
  });

  it('keeps it as a copy when the workspace was changed meanwhile by another tab, and says so', async () => {
    const raw: RawStore = { ...memoryRawStore(), durable: true };
    const { store, die } = mortal(raw);
    const dying = await page(store, 'A');
    const other = await page(raw, 'C');
    dying.s().edit({ text: 'graph LR\n from the closing tab' });
    die();
    void dying.library.saver.flushLeaving();
    other.s().edit({ text: 'graph LR\n from the other tab' });
    await other.library.flush();

    const next = await page(raw, 'D');
    expect(next.s().text).toBe('graph LR\n from the other tab');
    const copy = next.s().library.find((w) => w.name.endsWith('(recovered)'));
    expect((await next.db.get(copy!.id))!.text).toBe('graph LR\n from the closing tab');
    expect(next.s().notice?.text).toMatch(/kept as “.+ \(recovered\)”/);
    expect(await next.db.restoreStashes()).toEqual([]);
  });
});

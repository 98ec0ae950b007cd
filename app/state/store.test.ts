import { describe, expect, it } from 'vitest';
import { edge, node, topology } from '../../engine/testing/topologyBuilder.ts';
// The app never lays out on the main thread (dagre stays in the worker's bundle); its tests may.
import { layoutTopology } from '../../engine/layout/layout.ts';
import { HISTORY_STEPS_MAX, TYPING_PAUSE_MS } from './historySlice.ts';
import { createAppStore } from './store.ts';
import type { LoadResult } from './types.ts';

const fresh = (text = 'graph TD') => {
  const store = createAppStore();
  store.getState().openWorkspace({ id: 'w1', name: 'One' }, { text, positions: {} });
  return store;
};

const answer = (ok: boolean): LoadResult => {
  const t = topology({ nodes: [node('A'), node('B')], edges: [edge('A', 'B')] });
  const diagnostics = ok
    ? []
    : [{ line: 2, column: 3, endLine: 2, endColumn: 4, from: 10, to: 11, message: 'bad', severity: 'error' as const }];
  return { parse: { topology: t, diagnostics, ok }, layout: ok ? layoutTopology(t) : null };
};

describe('history', () => {
  it('undoes and redoes text and positions together, step by step', () => {
    const store = fresh('a');
    const { edit } = store.getState();
    edit({ text: 'ab' });
    edit({ positions: { A: { x: 1, y: 2 } } });
    edit({ text: 'abc', positions: {} });
    const s = () => store.getState();
    s().undo();
    expect(s()).toMatchObject({ text: 'ab', positions: { A: { x: 1, y: 2 } } });
    s().undo();
    expect(s()).toMatchObject({ text: 'ab', positions: {} });
    s().undo();
    expect(s().text).toBe('a');
    s().undo(); // nothing left: no change
    expect(s().text).toBe('a');
    s().redo();
    s().redo();
    s().redo();
    expect(s()).toMatchObject({ text: 'abc', positions: {} });
    expect(s().future).toEqual([]);
  });

  it('coalesces typing into one step per pause', () => {
    const store = fresh('');
    const s = () => store.getState();
    s().edit({ text: 'h' }, { coalesce: 'typing', now: 1000 });
    s().edit({ text: 'he' }, { coalesce: 'typing', now: 1000 + TYPING_PAUSE_MS - 1 });
    s().edit({ text: 'hey' }, { coalesce: 'typing', now: 1000 + 2 * TYPING_PAUSE_MS - 2 });
    s().edit({ text: 'hey you' }, { coalesce: 'typing', now: 1000 + 4 * TYPING_PAUSE_MS });
    expect(s().past.map((p) => p.text)).toEqual(['', 'hey']);
    s().undo();
    expect(s().text).toBe('hey');
    s().undo();
    expect(s().text).toBe('');
  });

  it('never joins a canvas edit to the typing before it', () => {
    const store = fresh('');
    const s = () => store.getState();
    s().edit({ text: 'a' }, { coalesce: 'typing', now: 0 });
    s().edit({ text: 'a\nB' }, { now: 10 });
    s().edit({ text: 'a\nBc' }, { coalesce: 'typing', now: 20 });
    expect(s().past.map((p) => p.text)).toEqual(['', 'a', 'a\nB']);
  });

  it('drops the redo steps when a new edit is made, and ignores edits that change nothing', () => {
    const store = fresh('a');
    const s = () => store.getState();
    s().edit({ text: 'b' });
    s().undo();
    s().edit({ text: 'a' });
    expect(s().future).toHaveLength(1);
    s().edit({ text: 'c' });
    expect(s().future).toEqual([]);
    expect(s().past).toHaveLength(1);
  });

  it('keeps at most HISTORY_STEPS_MAX steps', () => {
    const store = fresh('');
    for (let i = 0; i < HISTORY_STEPS_MAX + 5; i++) store.getState().edit({ text: String(i) });
    expect(store.getState().past).toHaveLength(HISTORY_STEPS_MAX);
    expect(store.getState().past[0]!.text).toBe('4');
  });
});

describe('loading', () => {
  it('keeps the last good topology when a text has errors', () => {
    const store = fresh('good');
    const s = () => store.getState();
    s().applyLoad('good', answer(true), 5);
    expect(s()).toMatchObject({ parseStatus: 'ok', loadMs: 5 });
    const good = s().good;
    expect(good?.topology.nodes).toHaveLength(2);
    s().edit({ text: 'bad' });
    expect(s().parseStatus).toBe('pending');
    s().applyLoad('bad', answer(false), 3);
    expect(s().parseStatus).toBe('error');
    expect(s().diagnostics[0]).toMatchObject({ line: 2, column: 3 });
    expect(s().good).toBe(good);
  });

  it('ignores an answer for a text that has changed since', () => {
    const store = fresh('one');
    store.getState().edit({ text: 'two' });
    store.getState().applyLoad('one', answer(true), 1);
    expect(store.getState()).toMatchObject({ good: null, parseStatus: 'pending' });
  });

  it('starts a fresh history and selection when another workspace opens', () => {
    const store = fresh('a');
    const s = () => store.getState();
    s().edit({ text: 'b' });
    s().select({ nodes: ['A'], edges: [] });
    s().applyLoad('b', answer(true), 1);
    s().openWorkspace({ id: 'w2', name: 'Two' }, { text: 'c', positions: { X: { x: 0, y: 0 } } });
    expect(s()).toMatchObject({ text: 'c', past: [], future: [], good: null, workspace: { id: 'w2', name: 'Two' } });
    expect(s().selection).toEqual({ nodes: [], edges: [] });
  });
});

describe('view', () => {
  it('keeps the selection object when React Flow reports the same selection again', () => {
    const store = fresh();
    store.getState().select({ nodes: ['A'], edges: ['e'] });
    const first = store.getState().selection;
    store.getState().select({ nodes: ['A'], edges: ['e'] });
    expect(store.getState().selection).toBe(first);
  });
});

describe('notices', () => {
  it('a notice about a workspace goes when another opens; one about the app stays', () => {
    const store = fresh();
    const s = () => store.getState();
    s().setNotice({ tone: 'info', text: 'The starter is back.', workspace: 'w1' });
    s().openWorkspace({ id: 'w1', name: 'One' }, { text: 'graph TD', positions: {} });
    expect(s().notice?.text).toBe('The starter is back.');
    s().openWorkspace({ id: 'w2', name: 'Two' }, { text: 'graph TD', positions: {} });
    expect(s().notice).toBeNull();
    s().setNotice({ tone: 'error', text: 'This share link is damaged.' });
    s().openWorkspace({ id: 'w3', name: 'Three' }, { text: 'graph TD', positions: {} });
    expect(s().notice?.text).toBe('This share link is damaged.');
  });
});

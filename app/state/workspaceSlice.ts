/**
 * The workspace: the text (the source of truth), where nodes were dragged, and what the worker made of the text.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Diagnostic, GoodTopology, LoadResult, ParseStatus, Snapshot, WorkspaceMeta } from './types.ts';
import type { AppState } from './store.ts';

export interface WorkspaceSlice extends Snapshot {
  workspace: { id: string; name: string };
  /** The last good topology: a text with errors never replaces it. */
  good: GoodTopology | null;
  diagnostics: Diagnostic[];
  parseStatus: ParseStatus;
  /** Round trip of the last parse and layout in the worker, in milliseconds. */
  loadMs: number | null;
  /** Applies the worker's answer for `text`; ignored when the text has changed since (a newer answer will come). */
  applyLoad(text: string, result: LoadResult, ms: number): void;
  /** Replaces the whole workspace (open, new, import, share link); history starts afresh. */
  openWorkspace(meta: Pick<WorkspaceMeta, 'id' | 'name'>, snapshot: Snapshot): void;
  renameWorkspace(name: string): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  workspace: { id: '', name: '' },
  text: '',
  positions: {},
  good: null,
  diagnostics: [],
  parseStatus: 'pending',
  loadMs: null,

  applyLoad(text, result, ms) {
    if (text !== get().text) return;
    const { parse, layout } = result;
    const ok = parse.ok && layout !== null;
    set({
      diagnostics: parse.diagnostics,
      parseStatus: ok ? 'ok' : 'error',
      loadMs: ms,
      ...(ok ? { good: { text, topology: parse.topology, layout } } : {}),
    });
  },

  openWorkspace(meta, snapshot) {
    const notice = get().notice;
    set({
      workspace: { id: meta.id, name: meta.name },
      ...(notice?.workspace !== undefined && notice.workspace !== meta.id ? { notice: null } : {}),
      text: snapshot.text,
      positions: snapshot.positions,
      good: null,
      diagnostics: [],
      parseStatus: 'pending',
      loadMs: null,
      past: [],
      future: [],
      lastCoalesce: null,
      selection: { nodes: [], edges: [] },
    });
  },

  renameWorkspace(name) {
    set((s) => ({ workspace: { ...s.workspace, name } }));
  },
});

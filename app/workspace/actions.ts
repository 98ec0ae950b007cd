/**
 * The app's edit commands, bound to its store and its engine worker.
 */
import { engine } from '../engine/client.ts';
import { appStore } from '../state/store.ts';
import { createEdits } from './edits.ts';

export const { applyEdits, addNode, addEdge, renameNode, deleteElements } = createEdits(appStore, engine);

/**
 * Lets other panels point the text editor at a place (the error banner, a node's definition) without holding it.
 */
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

let current: EditorView | null = null;

/** Registers the mounted editor (null when it unmounts). */
export function setEditorView(view: EditorView | null): void {
  current = view;
}

/** Moves the cursor to `offset`, scrolls it into view and focuses the editor. */
export function revealInEditor(offset: number, length = 0): void {
  if (!current) return;
  const max = current.state.doc.length;
  const from = Math.min(offset, max);
  const to = Math.min(from + length, max);
  current.dispatch({
    selection: EditorSelection.single(from, to),
    effects: EditorView.scrollIntoView(from, { y: 'center' }),
  });
  current.focus();
}

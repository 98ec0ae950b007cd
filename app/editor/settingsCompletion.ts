/**
 * The editor's completion of `%% @config` lines, loaded the first time the editor has focus: CodeMirror's
 * autocompletion and the completion code stay out of what a first visit downloads (tools/first-load.mjs).
 */
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Topology } from '../../engine/index.ts';

/**
 * An extension that starts empty and, on first focus, loads and installs the completion.
 * @example extensions: [settingsCompletion(() => appStore.getState().good?.topology ?? null)]
 */
export function settingsCompletion(topology: () => Topology | null): Extension {
  const slot = new Compartment();
  let loading = false;
  const load = (view: EditorView) => {
    if (loading) return;
    loading = true;
    void import('./completion.ts').then(({ configCompletion }) => {
      if (view.dom.isConnected) view.dispatch({ effects: slot.reconfigure(configCompletion(topology)) });
    });
  };
  return [
    slot.of([]),
    EditorView.domEventHandlers({
      focus: (_event, view) => {
        load(view);
        return false;
      },
    }),
  ];
}

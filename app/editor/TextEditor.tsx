/**
 * The topology text in CodeMirror. The store owns the text: typing goes in as coalesced edits, and changes from
 * elsewhere (canvas, undo, opening a workspace) come back as minimal CodeMirror changes, so cursor and scroll stay.
 * CodeMirror has no history of its own; Ctrl+Z here reaches the app's (shell/useGlobalKeys.ts).
 */
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { useEffect, useRef } from 'react';
import { diffChange } from '../../engine/ui.ts';
import { appStore } from '../state/store.ts';
import { toLintDiagnostics } from './diagnostics.ts';
import { setEditorView } from './editorBridge.ts';
import { mermaid } from './mermaidLanguage.ts';
import { settingsCompletion } from './settingsCompletion.ts';
import './TextEditor.css';

/** Marks transactions that bring the store's text into the editor, so they are not recorded as typing. */
const fromStore = Annotation.define<boolean>();

export function TextEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const store = appStore;
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: store.getState().text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          lintGutter(),
          keymap.of([...defaultKeymap, indentWithTab]),
          mermaid(),
          settingsCompletion(() => store.getState().good?.topology ?? null),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Topology text (Mermaid flowchart)', 'data-testid': 'text-editor' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromStore))) return;
            store.getState().edit({ text: update.state.doc.toString() }, { coalesce: 'typing', now: Date.now() });
          }),
        ],
      }),
    });
    setEditorView(view);

    const showDiagnostics = () => {
      const s = store.getState();
      const current = s.parseStatus === 'pending' ? [] : s.diagnostics;
      view.dispatch(setDiagnostics(view.state, toLintDiagnostics(current, view.state.doc.toString())));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.text !== prev.text && s.text !== view.state.doc.toString()) {
        const change = diffChange(view.state.doc.toString(), s.text);
        view.dispatch({ changes: change, annotations: fromStore.of(true) });
      }
      if (s.diagnostics !== prev.diagnostics || s.parseStatus !== prev.parseStatus) showDiagnostics();
    });
    showDiagnostics();
    return () => {
      unsubscribe();
      setEditorView(null);
      view.destroy();
    };
  }, []);

  return <div className="text-editor" ref={host} />;
}

// The floor with what a learner needs of the three to call them an editor and a canvas: line numbers, a keymap,
// highlighting by a (trivial) language, and React Flow's background and zoom controls. Still no app code at all.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import { createElement as h, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

const words = StreamLanguage.define<null>({
  token(stream) {
    if (stream.match(/^-->|^---/)) return 'operator';
    stream.next();
    return null;
  },
});

function Editor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const extensions = [lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), words, syntaxHighlighting(defaultHighlightStyle)];
    const view = new EditorView({ parent: host.current!, state: EditorState.create({ doc: 'graph LR\n  A --> B', extensions }) });
    return () => view.destroy();
  }, []);
  return h('div', { ref: host });
}

const nodes = [{ id: 'a', position: { x: 0, y: 0 }, data: { label: 'A' } }];
createRoot(document.getElementById('root')!).render(
  h('div', null, h(Editor), h('div', { style: { height: 400 } }, h(ReactFlow, { nodes, edges: [] }, h(Background), h(Controls)))),
);

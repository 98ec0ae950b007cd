// The least a first screen with React DOM, CodeMirror and React Flow can be: an editor with no extensions at all and
// a canvas of one node with none of React Flow's parts. Nobody would ship it; it is the floor under any first load.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ReactFlow } from '@xyflow/react';
import { createElement as h, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

function Editor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new EditorView({ parent: host.current!, state: EditorState.create({ doc: 'graph LR' }) });
    return () => view.destroy();
  }, []);
  return h('div', { ref: host });
}

const nodes = [{ id: 'a', position: { x: 0, y: 0 }, data: { label: 'A' } }];
createRoot(document.getElementById('root')!).render(
  h('div', null, h(Editor), h('div', { style: { height: 400 } }, h(ReactFlow, { nodes, edges: [] }))),
);

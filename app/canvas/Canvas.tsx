/**
 * The topology drawn with React Flow: drag to pin, connect handles to add an edge, Delete to remove, double-click
 * to rename, drop a palette item to add a node. Every change goes to the text through patchTopology. During a run,
 * messages move along the edges (the dot layer) and a right-click on a node or an edge offers faults.
 */
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type OnBeforeDelete,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { lazy, Suspense, useCallback, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeKind } from '../../engine/index.ts';
import { nodeMetrics } from '../../engine/ui.ts';
import { useLive } from '../sim/index.ts';
import { appStore, useApp } from '../state/store.ts';
import { addEdge, addNode, deleteElements } from '../workspace/actions.ts';
import { cycleSide, partitionTool } from '../playback/partitionTool.ts';
import { closeFaultMenu, openFaultMenu, useFaultMenu } from './faults/faultMenu.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { edgeTypes } from './edges/KindEdge.tsx';

// The fault menu loads on the first right-click (issue 18 §1: out of the first load); it opens focused once there.
const FaultMenu = lazy(() => import('./faults/FaultMenu.tsx').then((m) => ({ default: m.FaultMenu })));
// So do the moving dots, once a run starts: before it there is nothing to move.
const DotLayer = lazy(() => import('./dots/DotLayer.tsx').then((m) => ({ default: m.DotLayer })));
import { isGroupFlowNode, type FlowEdge, type FlowNode } from './flowTypes.ts';
import { kindColors } from './nodes/kindColors.ts';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { PALETTE_MIME } from './Palette.tsx';
import { tidyLayout } from './tidy.ts';
import { useFitOnOpen, useLegibleFit } from './useFitOnOpen.ts';
import { useDrawingOverflows } from './useOverflow.ts';
import { useFlowState } from './useFlowState.ts';
import { MINIMAP_SIZE, showsMinimap } from './framing.ts';
import './Canvas.css';

/** What a screen reader says on a focused node; Shift+F10 (or the menu key) is how the keyboard breaks it. */
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to select the node, Delete to remove it. Shift+F10 opens its fault menu (crash, slow down, reject) during a run.',
};

/** The fault menu for the focused node, from the keyboard: Shift+F10 or the menu key, as a right-click would. */
function onCanvasKeyDown(e: KeyboardEvent) {
  if (!(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) return;
  const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
  const id = el?.dataset['id'];
  if (!el || !id || id.startsWith('group:')) return;
  e.preventDefault();
  const box = el.closest('.canvas')!.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  openFaultMenu({ kind: 'node', id }, r.left - box.left + 12, r.bottom - box.top + 4);
}

/** Culling pays off only for large drawings; below this, panning never makes nodes pop in. */
const CULL_NODES_MIN = 200;

const stripGroup = (id: string) => (id.startsWith('group:') ? id.slice('group:'.length) : id);

/** Where a right-click happened, in the canvas's own coordinates (the fault menu opens there). */
function menuAt(e: MouseEvent): readonly [number, number] {
  e.preventDefault();
  const box = (e.currentTarget as HTMLElement).closest('.canvas')!.getBoundingClientRect();
  return [e.clientX - box.left, e.clientY - box.top];
}

export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange, topology } = useFlowState();
  const { screenToFlowPosition } = useReactFlow();
  useFitOnOpen(nodes.length);
  const fit = useLegibleFit();
  const overflowing = useDrawingOverflows();

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) void addEdge(stripGroup(c.source), stripGroup(c.target));
  }, []);

  const onBeforeDelete: OnBeforeDelete<FlowNode, FlowEdge> = useCallback(async ({ nodes: ns, edges: es }) => {
    const ids = ns.filter((n) => !isGroupFlowNode(n)).map((n) => n.id);
    const topologyEdges = es.flatMap((e) => (e.data ? [e.data.edge] : []));
    if (ids.length > 0 || topologyEdges.length > 0) await deleteElements(ids, topologyEdges);
    return false; // the text changed; the canvas follows it, not React Flow's own removal
  }, []);

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_, __, dragged) => {
    const s = appStore.getState();
    const positions = { ...s.positions };
    for (const n of dragged) if (!isGroupFlowNode(n)) positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    s.edit({ positions });
  }, []);

  const onSelectionChange = useCallback(({ nodes: ns, edges: es }: OnSelectionChangeParams<FlowNode, FlowEdge>) => {
    appStore.getState().select({ nodes: ns.filter((n) => !isGroupFlowNode(n)).map((n) => n.id), edges: es.map((e) => e.id) });
  }, []);

  const onNodeDoubleClick = useCallback((_: MouseEvent, node: FlowNode) => {
    if (!isGroupFlowNode(node)) appStore.getState().setRenaming(node.id);
  }, []);

  const onNodeClick = useCallback((_: MouseEvent, node: FlowNode) => {
    if (partitionTool.getState().open && !isGroupFlowNode(node)) cycleSide(node.id);
  }, []);

  const onNodeContextMenu = useCallback((e: MouseEvent, node: FlowNode) => {
    if (isGroupFlowNode(node)) return;
    openFaultMenu({ kind: 'node', id: node.id }, ...menuAt(e));
  }, []);
  const onEdgeContextMenu = useCallback((e: MouseEvent, edge: FlowEdge) => {
    if (edge.data) openFaultMenu({ kind: 'edge', id: edge.id, from: edge.data.edge.from, to: edge.data.edge.to }, ...menuAt(e));
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!kind) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the new node on the pointer (a fresh node is about the minimum width, two text lines tall).
      void addNode(kind, { x: Math.round(at.x - nodeMetrics.minWidth / 2), y: Math.round(at.y - 26) });
    },
    [screenToFlowPosition],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop} onKeyDown={onCanvasKeyDown}>
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onBeforeDelete={onBeforeDelete}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneClick={closeFaultMenu}
        deleteKeyCode={['Delete', 'Backspace']}
        // Space plays and pauses the simulation; dragging the background pans, and so does the wheel (a drawing
        // framed at the zoom floor scrolls like a page); Ctrl + wheel, or a pinch, zooms.
        panActivationKeyCode={null}
        panOnScroll
        zoomActivationKeyCode={['Control', 'Meta']}
        onlyRenderVisibleElements={nodes.length > CULL_NODES_MIN}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="var(--line-strong)" />
        <DotsWhenRunning />
        <Controls position="bottom-left" showInteractive={false} showFitView={false}>
          <ControlButton onClick={fit} className="react-flow__controls-fitview" title="Fit the drawing, keeping its labels legible" aria-label="Fit view" data-testid="fit-view">
            <svg viewBox="0 0 32 30" aria-hidden="true">
              <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
            </svg>
          </ControlButton>
          <ControlButton onClick={() => tidyLayout(fit)} title="Tidy the layout: forget where nodes were dragged or dropped and lay the drawing out again (undo brings them back)" aria-label="Tidy layout" data-testid="tidy-layout">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 1h5v4H1zM10 1h5v4h-5zM1 11h5v4H1zM10 11h5v4h-5zM3.5 5v6M12.5 5v6" fill="none" stroke="currentColor" strokeWidth="1.4" />
            </svg>
          </ControlButton>
        </Controls>
        {(showsMinimap(nodes.length) || overflowing) && (<MiniMap
          position="bottom-right"
          style={MINIMAP_SIZE}
          pannable
          zoomable
          nodeColor={(n) => (isGroupFlowNode(n as FlowNode) ? 'var(--line)' : kindColors[(n as FlowNode).type as NodeKind] ?? 'var(--faint)')}
          nodeStrokeWidth={0}
          maskColor="color-mix(in srgb, var(--hover) 70%, transparent)"
        />)}
      </ReactFlow>
      <FaultMenuWhenOpen />
      {!topology && <EmptyCanvas />}
    </div>
  );
}

function EmptyCanvas() {
  const status = useApp((s) => s.parseStatus);
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      {status === 'pending' ? 'Reading the text…' : 'Nothing to draw yet: write a flowchart on the left, or drop a component here.'}
    </div>
  );
}

function FaultMenuWhenOpen() {
  const open = useFaultMenu((s) => s.target !== null);
  return open ? (
    <Suspense fallback={null}>
      <FaultMenu />
    </Suspense>
  ) : null;
}

function DotsWhenRunning() {
  const running = useLive((s) => s.status !== 'off');
  return running ? (
    <Suspense fallback={null}>
      <DotLayer />
    </Suspense>
  ) : null;
}

import { describe, expect, it } from 'vitest';
import type { CanvasEdit } from '../../engine/index.ts';
import { patchAll } from '../../engine/editing/patchAll.ts';
import { parseTopology } from '../../engine/topology/parse.ts';
import { createAppStore } from '../state/store.ts';
import { createEdits, defaultLabel } from './edits.ts';

const text = 'graph LR\n  A[Order Service] --> B[Kafka Broker: orders]\n  A --> B\n  B --> C[Mail Service]\n';

/** The real patcher behind a client, with a hook to change the text while a patch is on its way. */
function setup(duringPatch?: () => void) {
  const store = createAppStore();
  store.getState().openWorkspace({ id: 'w', name: 'W' }, { text, positions: { C: { x: 1, y: 2 } } });
  const client = {
    patch: async (t: string, edits: readonly CanvasEdit[]) => {
      duringPatch?.();
      return patchAll(t, edits);
    },
  };
  return { store, edits: createEdits(store, client), s: () => store.getState() };
}

describe('canvas edits', () => {
  it('add a node pinned where it was dropped, in one undo step', async () => {
    const { edits, s } = setup();
    const id = await edits.addNode('queue', { x: 40, y: 50 });
    expect(id).toBeDefined();
    expect(s().text.startsWith(text.trimEnd())).toBe(true);
    expect(parseTopology(s().text).topology.nodes.find((n) => n.id === id)?.kind).toBe('queue');
    expect(s().positions[id!]).toEqual({ x: 40, y: 50 });
    s().undo();
    expect(s()).toMatchObject({ text, positions: { C: { x: 1, y: 2 } } });
  });

  it('delete several edges between the same nodes, whatever their generated ids', async () => {
    const { edits, s } = setup();
    const edges = parseTopology(text).topology.edges.filter((e) => e.from === 'A');
    expect(edges).toHaveLength(2); // ids like L_A_B_0 count edges, so deleting one can renumber the next
    await edits.deleteElements([], edges);
    expect(parseTopology(s().text).topology.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['B>C']);
  });

  it('forget the position of a deleted node', async () => {
    const { edits, s } = setup();
    await edits.deleteElements(['C'], []);
    expect(s().text).not.toContain('Mail Service');
    expect(s().positions).toEqual({});
  });

  it('drop an edit when the text changed while it was on its way, and say so', async () => {
    const { edits, s, store } = setup(() => store.getState().edit({ text: text + '%% typed meanwhile\n' }));
    expect(await edits.addEdge('C', 'A')).toBeNull();
    expect(s().text).toBe(text + '%% typed meanwhile\n');
    expect(s().notice?.tone).toBe('info');
  });

  it('show why an edit was refused and change nothing', async () => {
    const { edits, s } = setup();
    expect(await edits.applyEdits([{ type: 'renameNode', id: 'Nope', label: 'x' }])).toBeNull();
    expect(s().text).toBe(text);
    expect(s().notice).toMatchObject({ tone: 'error' });
    expect(s().past).toEqual([]);
  });

  it('end in-place renaming whether or not the name changed', async () => {
    const { edits, s } = setup();
    s().setRenaming('A');
    await edits.renameNode('A', null);
    expect(s().renaming).toBeNull();
    await edits.renameNode('A', 'Checkout');
    expect(s().text).toContain('A[Checkout]');
  });

  it('name new nodes after their kind', () => {
    expect(defaultLabel('schema-registry')).toBe('Schema Registry');
    expect(defaultLabel('rabbitmq')).toBe('RabbitMQ');
  });
});

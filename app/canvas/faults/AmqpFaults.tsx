/**
 * Right-click faults for RabbitMQ's nodes. A RabbitMQ node crashes or restarts (each member of a cluster on its own).
 * An exchange or a queue is not a process: its menu breaks the RabbitMQ node hosting it, and a queue's menu also
 * crashes one of its consumers, whose unacked deliveries go back to the queue.
 */
import type { TopologyNode } from '../../../engine/index.ts';
import { nodeFaultLine } from '../../sim/faultLines.ts';
import type { FrameIndex } from '../../sim/frameIndex.ts';
import { appStore } from '../../state/store.ts';
import { Item } from './MenuItems.tsx';

/** The RabbitMQ node hosting an exchange or a queue: as the run says, else the only one drawn, else the implicit one. */
function hostOf(node: TopologyNode, index: FrameIndex | null): string {
  const live = index?.nodes[node.id];
  if (live && 'host' in live && typeof live.host === 'string') return live.host;
  const drawn = appStore.getState().good?.topology.nodes.filter((n) => n.kind === 'rabbitmq') ?? [];
  return drawn.find((n) => n.id === node.group)?.id ?? (drawn.length === 1 ? drawn[0]!.id : 'RabbitMQ');
}

/** The members of a RabbitMQ node and whether each is up, from the run or (before one) from `nodes=`. */
function members(id: string, index: FrameIndex | null): { number: number; alive: boolean }[] {
  const live = index?.nodes[id];
  if (live?.type === 'rabbitmq') return live.nodes;
  const drawn = appStore.getState().good?.topology.nodes.find((n) => n.id === id);
  const count = Number(drawn?.config['nodes'] ?? 1) || 1;
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, alive: true }));
}

/** Crash or restart a RabbitMQ node: the whole of it, and each member of a cluster. */
function NodeItems({ id, index, words }: { id: string; index: FrameIndex | null; words: string }) {
  const nodes = members(id, index);
  if (nodes.length === 1) {
    const down = !nodes[0]!.alive;
    return (
      <Item line={nodeFaultLine({ action: down ? 'restart' : 'crash', target: id })} testId={down ? 'fault-restart' : 'fault-crash'}>
        {down ? 'Restart' : 'Crash'}{words ? ` ${words}` : ''}
      </Item>
    );
  }
  return (
    <>
      {nodes.map((n) => (
        <Item key={n.number} line={nodeFaultLine({ action: n.alive ? 'crash' : 'restart', target: `${id}/${n.number}` })} testId={`fault-${n.alive ? 'crash' : 'restart'}-node-${n.number}`}>
          {n.alive ? 'Crash' : 'Restart'} node {n.number}
        </Item>
      ))}
      <Item line={nodeFaultLine({ action: 'crash', target: id })} testId="fault-crash">
        Crash every node
      </Item>
      <Item line={nodeFaultLine({ action: 'restart', target: id })} testId="fault-restart">
        Restart every node
      </Item>
    </>
  );
}

export function AmqpFaults({ node, index }: { node: TopologyNode; index: FrameIndex | null }) {
  if (node.kind === 'rabbitmq') {
    return (
      <>
        <p className="fault-menu-title">{node.label}</p>
        <NodeItems id={node.id} index={index} words="" />
      </>
    );
  }
  const host = hostOf(node, index);
  const live = index?.nodes[node.id];
  const consumers = live?.type === 'queue' ? live.consumers : [];
  return (
    <>
      <p className="fault-menu-title">{node.label}</p>
      <p className="fault-menu-note">
        {node.kind === 'queue' ? `A queue lives on RabbitMQ node ${host}: break the node, or what reads the queue.` : `An exchange lives on RabbitMQ node ${host}: break the node.`}
      </p>
      <NodeItems id={host} index={index} words={host} />
      {consumers.length > 0 && <div className="menu-sep" />}
      {consumers.map((c) => {
        const down = index?.down.has(c.name) ?? false;
        return (
          <Item key={c.name} line={nodeFaultLine({ action: down ? 'restart' : 'crash', target: c.name })} testId={`fault-${down ? 'restart' : 'crash'}-consumer-${c.name}`}>
            {down ? `Restart consumer ${c.name}` : `Crash consumer ${c.name}${c.unacked > 0 ? ` (${c.unacked} unacked go back to the queue)` : ''}`}
          </Item>
        );
      })}
    </>
  );
}

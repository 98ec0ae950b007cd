/**
 * Right-click a node or an edge to break it: each choice is a fault line injected now (starting a run if none is
 * on), exactly as if typed on the command line. The menu names the line it will inject.
 */
import { useEffect, useRef, useState } from 'react';
import { injectNow } from '../../playback/actions.ts';
import { canSuffer, isHost, linkEnd } from '../../playback/targets.ts';
import { linkFaultLine, nodeFaultLine } from '../../sim/faultLines.ts';
import { frameIndex } from '../../sim/frameIndex.ts';
import { liveStore, useLive } from '../../sim/index.ts';
import { appStore } from '../../state/store.ts';
import { AmqpFaults } from './AmqpFaults.tsx';
import { closeFaultMenu, useFaultMenu, type FaultMenuTarget } from './faultMenu.ts';
import { MomentFaults } from './MomentFaults.tsx';
import { Amounts, Item } from './MenuItems.tsx';
import './FaultMenu.css';

export function FaultMenu() {
  const target = useFaultMenu((s) => s.target);
  const x = useFaultMenu((s) => s.x);
  const y = useFaultMenu((s) => s.y);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!target) return;
    // The keyboard goes into the menu, and back where it was (the node) when the menu closes.
    const opener = document.activeElement as HTMLElement | null;
    const menu = root.current;
    menu?.querySelector<HTMLElement>('button, input')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) closeFaultMenu();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeFaultMenu();
      else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && root.current?.contains(document.activeElement)) {
        const items = [...root.current.querySelectorAll<HTMLElement>('button, input')];
        const at = items.indexOf(document.activeElement as HTMLElement);
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        e.preventDefault();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected && !menu?.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, [target]);
  if (!target) return null;
  return (
    <div ref={root} className="menu-pop fault-menu" role="menu" style={{ left: x, top: y }} data-testid="fault-menu">
      {target.kind === 'node' ? <NodeFaults id={target.id} /> : <EdgeFaults target={target} />}
    </div>
  );
}

function NodeFaults({ id }: { id: string }) {
  const topology = appStore.getState().good?.topology;
  const node = topology?.nodes.find((n) => n.id === id);
  const view = useLive((s) => s.view);
  if (!node) return null;
  const index = view ? frameIndex(view) : null;
  if (node.kind === 'kafka') {
    const live = index?.nodes[id];
    const brokers = (live?.type === 'kafka' ? live.brokers : undefined) ?? Array.from({ length: Number(node.config['brokers'] ?? 3) || 3 }, (_, i) => ({ number: i + 1, alive: true }));
    // The controller quorum's voters (controllers=1|3|5, default 3): from the run, or as the text asks before one.
    const quorum = live?.type === 'kafka' ? live.quorum : undefined;
    const voters = quorum?.voters ?? Array.from({ length: Number(node.config['controllers'] ?? 3) || 3 }, () => true);
    return (
      <>
        <p className="fault-menu-title">{node.label}</p>
        {brokers.map((b) => (
          <Item key={b.number} line={nodeFaultLine({ action: b.alive ? 'crash' : 'restart', target: `${id}/${b.number}` })} testId={`fault-${b.alive ? 'crash' : 'restart'}-broker-${b.number}`}>
            {b.alive ? 'Crash' : 'Restart'} broker {b.number}
          </Item>
        ))}
        <div className="menu-sep" />
        {(quorum?.active ?? 1) > 0 && (
          <Item line={nodeFaultLine({ action: 'crash', target: `${id}/controller` })} testId="fault-crash-controller">
            Crash the active controller{quorum ? ` (${quorum.active})` : ''}
          </Item>
        )}
        {voters.map((up, v) => (
          <Item key={`c${v}`} line={nodeFaultLine({ action: up ? 'crash' : 'restart', target: `${id}/controller-${v + 1}` })} testId={`fault-${up ? 'crash' : 'restart'}-controller-${v + 1}`}>
            {up ? 'Crash' : 'Restart'} controller {v + 1}
            {quorum?.active === v + 1 ? ' (active)' : ''}
          </Item>
        ))}
        <div className="menu-sep" />
        <Item line={nodeFaultLine({ action: 'crash', target: id })}>Crash every broker</Item>
        <Item line={nodeFaultLine({ action: 'restart', target: id })}>Restart every broker</Item>
      </>
    );
  }
  if (node.kind === 'rabbitmq' || node.kind === 'exchange' || node.kind === 'queue') return <AmqpFaults node={node} index={index} />;
  if (!isHost(node.kind)) return <p className="fault-menu-title">The simulation does not run {node.label}: nothing to break.</p>;
  const live = index?.nodes[id];
  const s = live?.type === 'service' ? live : undefined;
  const down = index?.down.has(id) ?? false;
  // What its family can do to it, as the kind table says.
  const can = (action: string) => canSuffer(node.kind, action);
  return (
    <>
      <p className="fault-menu-title">{node.label}</p>
      <Item line={nodeFaultLine({ action: down ? 'restart' : 'crash', target: id })} testId={down ? 'fault-restart' : 'fault-crash'}>
        {down ? 'Restart' : 'Crash'}
      </Item>
      {s && s.of > 1 && !down && <Item line={nodeFaultLine({ action: 'crash', target: `${id}/1` })}>Crash one instance</Item>}
      {can('slow') && (
        <Amounts label="Slow down" lines={[100, 500, 2000, 0].map((ms) => [ms === 0 ? 'normal' : `+${ms < 1000 ? `${ms}ms` : `${ms / 1000}s`}`, nodeFaultLine({ action: 'slow', target: id, ms })])} />
      )}
      {can('reject') && (
        <Item line={nodeFaultLine({ action: s?.rejecting ? 'accept' : 'reject', target: id })} testId="fault-reject">
          {s?.rejecting ? 'Accept requests again' : 'Reject every request'}
        </Item>
      )}
      {can('poison') && <Poison id={id} />}
      {!down && topology && <MomentFaults topology={topology} node={node} />}
    </>
  );
}

function Poison({ id }: { id: string }) {
  const [key, setKey] = useState('customer-7');
  const line = nodeFaultLine({ action: 'poison', target: id, key });
  return (
    <form
      className="fault-poison"
      onSubmit={(e) => {
        e.preventDefault();
        closeFaultMenu();
        void injectNow(line);
      }}
    >
      <span>Poison key</span>
      <input className="field is-mono" value={key} aria-label="Key to poison" onChange={(e) => setKey(e.target.value)} />
      <button type="submit" className="fault-amount" title={line}>
        poison
      </button>
    </form>
  );
}

function EdgeFaults({ target }: { target: Extract<FaultMenuTarget, { kind: 'edge' }> }) {
  const topology = appStore.getState().good?.topology;
  const view = liveStore.getState().view;
  const a = topology ? linkEnd(topology, view, target.from) : null;
  const b = topology ? linkEnd(topology, view, target.to) : null;
  if (!a || !b || a === b) return <p className="fault-menu-title">This edge is not a network link in the run{view ? '' : ' (press play first)'}.</p>;
  const between: [string, string] = [a, b];
  return (
    <>
      <p className="fault-menu-title">
        {a} ↔ {b}
      </p>
      <Item line={linkFaultLine({ action: 'cut', between })} testId="fault-cut">
        Cut the link
      </Item>
      <Amounts label="Add latency" lines={[50, 200, 1000].map((ms) => [`+${ms < 1000 ? `${ms}ms` : '1s'}`, linkFaultLine({ action: 'latency', between, ms })])} />
      <Amounts label="Drop" lines={[5, 25, 50].map((percent) => [`${percent}%`, linkFaultLine({ action: 'loss', between, percent })])} />
      <div className="menu-sep" />
      <Item line="heal">Heal the network</Item>
    </>
  );
}

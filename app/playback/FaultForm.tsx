/**
 * Schedule one fault: a moment, an action, its target (or the two ends of a link) and its amount. The line it makes
 * is shown as it will be read, and the engine's parser has the last word on it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { timeToken } from '../sim/faultLines.ts';
import { liveStore, player, useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { faultTargets } from './targets.ts';

type Action = 'crash' | 'restart' | 'crash-between-writes' | 'rebuild' | 'slow' | 'reject' | 'accept' | 'poison' | 'cut' | 'latency' | 'loss' | 'heal' | 'upgrade';

/** What each action needs after its target(s): the amount's placeholder, and whether it takes two ends. */
const ACTIONS: Record<Action, { link?: true; amount?: string; none?: true }> = {
  crash: {},
  restart: {},
  // A service that writes its database and publishes, or an outbox relay: crashes between its two writes (the engine says which).
  'crash-between-writes': {},
  // A projection of an event store: its read models cleared, it replays the store from the start.
  rebuild: {},
  slow: { amount: '500ms' },
  reject: {},
  accept: {},
  poison: { amount: 'key=customer-7' },
  cut: { link: true },
  latency: { link: true, amount: '200ms' },
  loss: { link: true, amount: '5%' },
  heal: { none: true },
  // A rolling upgrade of a service's schema (what it writes with `schema=`, what it reads with `reader.schema=`).
  upgrade: { amount: 'schema=OrderPlacedEvent:v2' },
};

export function FaultForm() {
  const topology = useApp((s) => s.good?.topology);
  // Brokers and partitions come from the run; the list changes only when their number does.
  const shape = useLive((s) => s.view?.targets.join() ?? '');
  // The default moment is a few seconds ahead, in whole seconds (so this re-renders once a second while playing).
  const nowS = useLive((s) => Math.ceil((s.frame?.timeUs ?? 0) / 1e6));
  const targets = useMemo(() => (topology ? faultTargets(topology, shape ? liveStore.getState().view : null) : []), [topology, shape]);
  const [at, setAt] = useState('');
  const [action, setAction] = useState<Action>('crash');
  const [target, setTarget] = useState('');
  const [other, setOther] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  /** An edit clears the last answer, so the line being built shows again. */
  const edit = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setNote(null);
  };
  const spec = ACTIONS[action];
  const time = at.trim() || timeToken((nowS + 5) * 1e6);
  const line = [time, action, spec.none ? '' : target.trim(), spec.link ? other.trim() : '', spec.amount ? amount.trim() || spec.amount : ''].filter(Boolean).join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = player.schedule(line);
    setNote({ ok: r.ok, text: r.note });
    if (r.ok) setAt('');
  };

  return (
    <form className="fault-form" onSubmit={submit} data-testid="fault-form">
      <label className="section-label">Schedule a fault</label>
      <div className="fault-form-row">
        <input className="field is-mono fault-at" value={at} placeholder={time} aria-label="At" title="When, in simulated time: 20s, 1500ms, 2m" data-testid="fault-at" onChange={(e) => edit(setAt)(e.target.value)} />
        <select className="field fault-action" value={action} aria-label="Action" data-testid="fault-action" onChange={(e) => edit(setAction)(e.target.value as Action)}>
          {Object.keys(ACTIONS).map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        {!spec.none && <TargetInput value={target} onChange={edit(setTarget)} label={spec.link ? 'From' : 'Target'} testId="fault-target" />}
        {spec.link && <TargetInput value={other} onChange={edit(setOther)} label="To" testId="fault-target-2" />}
        {spec.amount && <input className="field is-mono fault-amount" value={amount} placeholder={spec.amount} aria-label="Amount" data-testid="fault-amount" onChange={(e) => edit(setAmount)(e.target.value)} />}
        <button type="submit" className="primary-button" data-testid="fault-schedule">
          Schedule
        </button>
      </div>
      <datalist id="fault-targets">
        {targets.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <p className={`fault-form-note${note && !note.ok ? ' is-error' : ''}`} data-testid="fault-form-note">
        {note ? note.text : <code>{line}</code>}
      </p>
    </form>
  );
}

function TargetInput(props: { value: string; onChange(v: string): void; label: string; testId: string }) {
  return (
    <input
      className="field is-mono fault-target"
      list="fault-targets"
      value={props.value}
      placeholder={props.label === 'To' ? 'to' : 'node'}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

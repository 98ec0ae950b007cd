/**
 * The panel of "Find a failure" (issue 17 §4): what to check (a property), how hard to look (a budget) and with which
 * faults; then the search's progress with Cancel, and its outcome: the design survived N schedules in S seconds, or
 * the smallest failing run as a sentence and as fault lines, its messages, and a button that opens it in the player.
 * Loaded on the first click of the play bar's button.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { defaultKinds, type FaultKind, type PropertyName } from '../../engine/search/kinds.ts';
import { placeAgainst, useEscape } from '../shell/popover.ts';
import { useApp } from '../state/store.ts';
import { BUDGETS, cancelFinding, connect, lessonOpen, openFound, sameText, searchStore, startFinding, traceFound, useSearch, type SearchHost } from './searchRun.ts';
import { askOffers } from './workers.ts';
import { cancelledLine, effectOf, moment, progressFraction, progressLine, seconds, splitLine, storyOf, survivedLine } from './words.ts';
import './FindFailure.css';

export const PROPERTIES: { id: PropertyName; label: string }[] = [
  { id: 'no-loss', label: 'no acknowledged message is lost' },
  { id: 'no-missed', label: 'no message is skipped by a consumer' },
  { id: 'no-duplicates', label: 'no message is processed twice' },
  { id: 'order', label: 'each key is processed in order' },
  { id: 'checkout-within', label: 'every checkout is answered in time' },
  { id: 'sagas-settled', label: 'no saga is left half done' },
  { id: 'lesson-goals', label: "the lesson's goals are met" },
];

/** Offered before the worker has said what the design has (and whatever the design): the history properties. */
export const ALWAYS: PropertyName[] = ['no-loss', 'no-missed', 'no-duplicates', 'order'];
/** Properties whose ids are message ids, which the trace can follow (checkouts and sagas have ids of their own). */
const MESSAGE_IDS: PropertyName[] = [...ALWAYS, 'lesson-goals'];

export const KINDS: { id: FaultKind; label: string; title: string }[] = [
  { id: 'broker', label: 'broker crashes', title: 'crash each Kafka broker, and restart it' },
  { id: 'leader', label: 'leader crashes', title: "crash whichever broker leads a partition when the fault fires, and restart the cluster's brokers" },
  { id: 'split', label: 'network splits', title: 'cut one broker off from the others and the controller, then heal' },
  { id: 'consumer', label: 'consumer crashes', title: 'crash a consuming service (before or after it processes), and restart it' },
  { id: 'controller', label: 'controller crashes', title: 'crash a voter of the KRaft controller quorum (the active one forces a failover), and restart it' },
  { id: 'service', label: 'service crashes', title: 'crash an instance of any service (or the service, when it has one), and restart it' },
  { id: 'slow', label: 'slow services', title: 'add 2 s to a service’s latency for a while (shrinking finds how little is enough)' },
];

const WIDTH = 440;
/** Message ids listed as links; the lost counter of the opened run lists them all. */
const IDS_SHOWN = 12;

interface Props {
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
  host: SearchHost;
}

export default function FindFailurePanel({ anchor, onClose, host }: Props) {
  connect(host);
  const box = useRef<HTMLDivElement>(null);
  const s = useSearch((x) => x);
  const good = useApp((x) => x.good);
  const running = s.searched !== null && s.outcome === null;
  const [editing, setEditing] = useState(false);
  // What this design offers (checkouts to time, sagas to settle, the open lesson's goals), asked of a worker.
  const [offered, setOffered] = useState<PropertyName[]>(ALWAYS);
  const text = good?.text;
  const inLesson = lessonOpen();
  useEffect(() => {
    if (text === undefined) return;
    let live = true;
    askOffers(text, inLesson).then(
      (names) => {
        if (!live) return;
        setOffered(names);
        // A property this text has nothing for (the text changed) falls back to the default.
        if (!names.includes(searchStore.getState().property)) searchStore.setState({ property: 'no-loss', kinds: defaultKinds('no-loss') });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text, inLesson]);
  // The settings take room only before a search or when asked for: after one, its outcome comes first.
  const showSettings = !running && (s.outcome === null || editing);

  // Placed against the button, on the side with more room (the play bar sits low on the screen), and above the whole
  // play bar rather than over Play when the bar wraps onto two rows.
  useLayoutEffect(() => {
    const button = anchor.current?.getBoundingClientRect();
    const bar = anchor.current?.closest('.playback')?.getBoundingClientRect();
    const r = button && bar ? { left: button.left, top: bar.top, bottom: bar.bottom } : button;
    if (r && box.current) placeAgainst(box.current, r, WIDTH);
  }, [anchor]);
  useEscape(onClose);

  const toggleKind = (k: FaultKind) => searchStore.setState({ kinds: s.kinds.includes(k) ? s.kinds.filter((x) => x !== k) : [...s.kinds, k] });
  const o = s.outcome;

  return (
    <div ref={box} className="find" role="dialog" aria-label="Find a failure" data-testid="find-panel" style={{ width: WIDTH }}>
      <header className="find-head">
        <h2>Find a failure</h2>
        <button type="button" className="bar-button icon-only" onClick={onClose} aria-label="Close" data-testid="find-close">
          ✕
        </button>
      </header>
      {!o && !running && (
        <p className="find-intro">Tries fault schedules on this design, stops at the first run that breaks what you check, and shrinks it to its smallest story.</p>
      )}
      {running && s.searched && (
        <div className="find-progress" role="status" data-testid="find-progress">
          <progress aria-label="Search progress" max={1} value={s.progress ? progressFraction(s.progress, s.searched.budget) : 0} />
          <span>{s.progress ? progressLine(s.progress, s.searched.budget) : 'Starting the workers…'}</span>
        </div>
      )}
      {o?.kind === 'survived' && (
        <p className="find-outcome is-survived" role="status" data-testid="find-survived">
          {survivedLine(o)}
        </p>
      )}
      {o?.kind === 'cancelled' && (
        <p className="find-outcome" role="status" data-testid="find-cancelled">
          {cancelledLine(o)}
        </p>
      )}
      {o?.kind === 'error' && (
        <p className="find-outcome is-error" role="alert" data-testid="find-error">
          The search stopped: {o.message}
        </p>
      )}
      {o?.kind === 'found' && s.searched && (
        <div className="find-outcome is-found" data-testid="find-found">
          <p className="find-story" data-testid="find-story">
            {capital(storyOf(o.shrunk.run, o.shrunk.violation))}.
          </p>
          <ol className="find-faults" aria-label="Fault lines of the smallest failing run" data-testid="find-faults">
            {o.shrunk.run.faults.map((line) => {
              const { atMs, what } = splitLine(line);
              return (
                <li key={line}>
                  <span className="find-at">{moment(atMs)}</span>
                  <code>{what}</code>
                </li>
              );
            })}
          </ol>
          <div className="find-ids" aria-label={MESSAGE_IDS.includes(o.shrunk.violation.property) ? `Messages it ${effectOf(o.shrunk.violation).split(' ')[0]}` : o.shrunk.violation.property === 'sagas-settled' ? 'Sagas left half done' : 'Checkouts late or failed'}>
            {o.shrunk.violation.ids.slice(0, IDS_SHOWN).map((id) => !MESSAGE_IDS.includes(o.shrunk.violation.property) ? (
              <span key={id} className="find-id" data-testid="find-id">
                #{id}
              </span>
            ) : (
              <button key={id} type="button" className="find-id" title={`Open the run and follow message #${id} in the trace`} onClick={() => void traceFound(id)} disabled={!sameText(s.searched?.text)} data-testid="find-id">
                #{id}
              </button>
            ))}
            {o.shrunk.violation.count > IDS_SHOWN && <span className="find-more">and {(o.shrunk.violation.count - IDS_SHOWN).toLocaleString('en')} more</span>}
          </div>
          {sameText(s.searched.text) ? (
            <button type="button" className="primary-button" onClick={() => void openFound()} data-testid="find-open">
              Open in the player at {moment(o.shrunk.atUs / 1000)}
            </button>
          ) : (
            <p className="find-note">The text changed since this search: search again to open a run of it.</p>
          )}
          <p className="find-meta">
            Found at run {o.runs.toLocaleString('en')} after {seconds(o.firstMs)} ({o.found.run.faults.length} fault lines),{' '}
            {o.unshrunk ? 'not shrunk: the search was cancelled while shrinking it' : `shrunk to ${o.shrunk.run.faults.length} in ${o.shrunk.runs} runs`}; seed {o.shrunk.run.seed}, a{' '}
            {seconds(o.shrunk.run.durationUs / 1000)} run. {o.unshrunk ? 'The checkers judged it at its end.' : `It first shows at ${moment(o.shrunk.atUs / 1000)}.`}
          </p>
        </div>
      )}
      {showSettings ? (
        <fieldset className="find-settings">
          <label>
            <span>Check that</span>
            <select
              className="field"
              value={s.property}
              onChange={(e) => {
                const property = e.target.value as PropertyName;
                // Checkouts, sagas and goals break when services fail too: their faults are offered with them.
                searchStore.setState({ property, kinds: defaultKinds(property) });
              }}
              data-testid="find-property"
            >
              {PROPERTIES.filter((p) => offered.includes(p.id) || p.id === s.property).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {s.property === 'checkout-within' && (
            <label>
              <span>within</span>
              <input
                className="field is-mono"
                inputMode="numeric"
                value={s.withinMs}
                onChange={(e) => {
                  const n = Math.trunc(Number(e.target.value));
                  if (Number.isFinite(n) && n > 0) searchStore.setState({ withinMs: n });
                }}
                aria-label="Milliseconds each checkout must be answered within"
                data-testid="find-within"
              />
              <span>ms</span>
            </label>
          )}
          <label>
            <span>Budget</span>
            <select className="field" value={s.budget} onChange={(e) => searchStore.setState({ budget: e.target.value })} data-testid="find-budget">
              {Object.keys(BUDGETS).map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <div className="find-kinds" role="group" aria-label="Faults to draw from">
            <span>Faults</span>
            <div className="find-kind-grid">
              {KINDS.map((k) => (
                <label key={k.id} title={k.title} className="find-kind">
                  <input type="checkbox" checked={s.kinds.includes(k.id)} onChange={() => toggleKind(k.id)} data-testid={`find-kind-${k.id}`} />
                  {k.label}
                </label>
              ))}
            </div>
          </div>
        </fieldset>
      ) : (
        <p className="find-summary" data-testid="find-summary">
          {PROPERTIES.find((p) => p.id === s.property)?.label}
          {s.property === 'checkout-within' ? ` (${s.withinMs.toLocaleString('en')} ms)` : ''} · {s.budget} · {s.kinds.length} kinds of fault
          {!running && (
            <button type="button" className="find-change" onClick={() => setEditing(true)} data-testid="find-edit">
              change
            </button>
          )}
        </p>
      )}
      <div className="find-actions">
        {running ? (
          <button type="button" className="bar-button" onClick={cancelFinding} data-testid="find-cancel">
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className={o?.kind === 'found' ? 'bar-button' : 'primary-button'}
            onClick={() => {
              setEditing(false);
              startFinding();
            }}
            disabled={!good || s.kinds.length === 0}
            data-testid="find-start"
          >
            {o ? 'Search again' : 'Search'}
          </button>
        )}
        <label className="find-seed" title="The seed the search draws its schedules and runs from: the same text, seed and budget in runs find the same run">
          search seed
          <input
            className="field is-mono"
            inputMode="numeric"
            value={running && s.searched ? s.searched.seed : s.seed}
            disabled={running}
            onChange={(e) => {
              const n = Math.trunc(Number(e.target.value));
              if (Number.isFinite(n) && n >= 0) searchStore.setState({ seed: n });
            }}
            data-testid="find-seed"
          />
        </label>
      </div>
    </div>
  );
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * "Find a failure in A and B": the play bar's search, run on both variants under the same property, budget, fault
 * kinds and search seed; their progress side by side with one Cancel, then for each either "survived N schedules in
 * S s" or the smallest failing run's story, in the words of the single search (app/search/words.ts), which opens in
 * the player. The settings are the single search's own: changed here, they change there.
 */
import { useEffect, useRef, useState } from 'react';
import type { PropertyArg } from '../../../engine/search/kinds.ts';
import { ALWAYS, KINDS, PROPERTIES } from '../../search/FindFailurePanel.tsx';
import { BUDGETS, searchStore, useSearch } from '../../search/searchRun.ts';
import { cancelledLine, moment, progressFraction, progressLine, seconds, storyOf, survivedLine } from '../../search/words.ts';
import { VARIANT_COLORS } from './CompareCharts.tsx';
import { bothRunning, type BothSearch, type Variant } from './searchBoth.ts';
import { cancelBoth, findInBoth, openVariant } from './searchBothRun.ts';

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** A story in a narrow card may break after the commas of a split's side (`Kafka/1,Kafka/2,Kafka/controller`). */
const breakable = (t: string) => t.split(/(?<=,)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
/** A property as the note says it: its label, with checkout-within's limit. */
function propertyLabel(p: PropertyArg): string {
  const name = typeof p === 'string' ? p : p.name;
  const label = PROPERTIES.find((x) => x.id === name)?.label ?? name;
  return typeof p !== 'string' && p.withinMs !== undefined ? `${label} (${p.withinMs} ms)` : label;
}
const kindsLabel = (kinds: string[]) => kinds.map((k) => KINDS.find((x) => x.id === k)?.label ?? k).join(', ');

/** Scrolls the A/B results so `el` shows, its top first when it is taller than the room. */
function reveal(el: HTMLElement | null) {
  const pane = el?.closest('.compare-results');
  if (!el || !pane) return;
  const r = el.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  const below = r.bottom - p.bottom + 4;
  const above = r.top - p.top - 4;
  if (above < 0) pane.scrollTop += above;
  else if (below > 0) pane.scrollTop += Math.min(below, above);
}

interface Props {
  /** The texts of A (the editor's good text) and B now. */
  a: string;
  b: string;
  search: BothSearch | null;
}

export function CompareSearch({ a, b, search }: Props) {
  const property = useSearch((s) => s.property);
  const budget = useSearch((s) => s.budget);
  const seed = useSearch((s) => s.seed);
  const kinds = useSearch((s) => s.kinds);
  const running = bothRunning(search);
  const settings = search?.settings;
  // The dock is low: when a search starts and when it ends, its cards are brought into view in the results' scroll.
  const cards = useRef<HTMLDivElement>(null);
  useEffect(() => reveal(cards.current), [settings, running]);
  return (
    <div className="compare-search" data-testid="compare-search">
      <div className="compare-search-controls" role="group" aria-label="Find a failure in A and B">
        <select
          className="small-field compare-search-property"
          value={property}
          onChange={(e) => searchStore.setState({ property: e.target.value as typeof property })}
          disabled={running}
          aria-label="Check that"
          title="What the search checks in both variants"
          data-testid="compare-search-property"
        >
          {PROPERTIES.filter((p) => ALWAYS.includes(p.id) || p.id === property).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <select className="small-field" value={budget} onChange={(e) => searchStore.setState({ budget: e.target.value })} disabled={running} aria-label="Budget of each search" title="The budget each variant's search gets: the same for both" data-testid="compare-search-budget">
          {Object.keys(BUDGETS).map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <label className="compare-search-seed" title="The search seed both searches draw their schedules from: the same text, seed and budget in runs find the same run">
          seed
          <input
            className="small-field is-mono"
            inputMode="numeric"
            value={running && settings ? settings.seed : seed}
            disabled={running}
            onChange={(e) => {
              const n = Math.trunc(Number(e.target.value));
              if (Number.isFinite(n) && n >= 0) searchStore.setState({ seed: n });
            }}
            data-testid="compare-search-seed"
          />
        </label>
        {running ? (
          <button type="button" className="bar-button" onClick={cancelBoth} data-testid="compare-search-cancel">
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="bar-button compare-search-start"
            onClick={() => findInBoth(a, b)}
            disabled={kinds.length === 0}
            title={`Search fault schedules (${kindsLabel(kinds)}) on A and on B, under the same budget and seed`}
            data-testid="compare-search-start"
          >
            Find a failure in A and B
          </button>
        )}
      </div>
      {search && settings && (
        <>
          <div className="compare-search-cards" ref={cards}>
            <VariantCard v="a" search={search} now={a} />
            <VariantCard v="b" search={search} now={b} editor={a} />
          </div>
          <p className="compare-search-note" data-testid="compare-search-note">
            Both: {propertyLabel(settings.property)} · {search.budgetLabel} each · search seed {settings.seed} · {kindsLabel(settings.kinds)} ·{' '}
            {search.workers} worker{search.workers === 1 ? '' : 's'} each
          </p>
        </>
      )}
    </div>
  );
}

/** One variant's search: its progress, then its survival or its counterexample with a way to open it. */
function VariantCard({ v, search, now, editor }: { v: Variant; search: BothSearch; now: string; editor?: string }) {
  const { progress, outcome: o, text } = search[v];
  const name = v.toUpperCase();
  const [asking, setAsking] = useState(false);
  const ask = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) reveal(ask.current);
  }, [asking]);
  const changed = now !== text;
  const needsSwap = v === 'b' && editor !== text;
  return (
    <section className={`compare-search-card is-${o?.kind ?? 'running'}`} aria-label={`Search of ${name}`} data-testid={`compare-search-${v}`}>
      <b className="compare-search-name" style={{ color: VARIANT_COLORS[v] }}>
        {name}
      </b>
      {o === null && (
        <div className="compare-search-progress" role="status" data-testid={`compare-search-progress-${v}`}>
          <progress aria-label={`Search progress of ${name}`} max={1} value={progress ? progressFraction(progress, search.settings.budget) : 0} />
          <span>{progress ? progressLine(progress, search.settings.budget) : 'Starting the workers…'}</span>
        </div>
      )}
      {o?.kind === 'survived' && (
        <p className="compare-search-outcome is-survived" role="status" data-testid={`compare-search-survived-${v}`}>
          {survivedLine(o).replace(/^Your design/, name)}
        </p>
      )}
      {o?.kind === 'cancelled' && (
        <p className="compare-search-outcome" role="status" data-testid={`compare-search-cancelled-${v}`}>
          {cancelledLine(o)}
        </p>
      )}
      {o?.kind === 'error' && (
        <p className="compare-search-outcome is-error" role="alert" data-testid={`compare-search-error-${v}`}>
          The search stopped: {o.message}
        </p>
      )}
      {o?.kind === 'found' && (
        <>
          <p className="compare-search-outcome is-found" data-testid={`compare-search-story-${v}`}>
            {breakable(`${capital(storyOf(o.shrunk.run, o.shrunk.violation))}.`)}
          </p>
          {changed ? (
            <p className="compare-search-meta">{name} changed since this search: search again to open a run of it.</p>
          ) : asking ? (
            <div ref={ask} className="compare-search-ask" role="group" aria-label={`Open B's run`} data-testid="compare-search-ask">
              <p>The player runs the editor's text. B's text goes to the editor and A's text becomes B here, so both stay (Undo or “swap” brings A back).</p>
              <button type="button" className="primary-button" onClick={() => {
                  setAsking(false);
                  void openVariant(v, true);
                }} data-testid="compare-search-swap-open">
                Swap A and B, and open
              </button>
              <button type="button" className="bar-button" onClick={() => setAsking(false)}>
                Keep A
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="bar-button compare-search-open"
              onClick={() => (needsSwap ? setAsking(true) : void openVariant(v))}
              title={needsSwap ? 'Opening B’s run puts B’s text in the editor: you are asked first' : 'Open this run in the player, paused where it first fails'}
              data-testid={`compare-search-open-${v}`}
            >
              Open in the player at {moment(o.shrunk.atUs / 1000)}
              {needsSwap ? '…' : ''}
            </button>
          )}
          <p className="compare-search-meta">
            Found at run {o.runs.toLocaleString('en')} after {seconds(o.firstMs)}, {o.unshrunk ? 'not shrunk (cancelled while shrinking)' : `shrunk to ${o.shrunk.run.faults.length} fault line${o.shrunk.run.faults.length === 1 ? '' : 's'}`}.
          </p>
        </>
      )}
    </section>
  );
}

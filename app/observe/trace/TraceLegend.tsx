/** What the colours and marks of the spacetime diagram mean, beside it while no message is picked. */
import { hopColors } from './SpacetimeDiagram.tsx';

const HOPS = [
  ['request', 'checkout request'],
  ['produce', 'produce'],
  ['replicate', 'replicate'],
  ['ack', 'acknowledge'],
  ['deliver', 'deliver'],
  ['caused', 'caused'],
] as const;

export function TraceLegend() {
  return (
    <aside className="trace-legend" aria-label="Legend">
      {HOPS.map(([k, label]) => (
        <span key={k}>
          <i style={{ background: hopColors[k] }} />
          {label}
        </span>
      ))}
      <span>
        <i className="is-processing" />
        processing
      </span>
      <span>
        <i className="is-held" />
        only copy
      </span>
      <span>
        <b className="is-commit">◆</b>
        commit
      </span>
      <span>
        <b className="is-lost">✕</b>
        lost
      </span>
      <p className="muted">Click a message to read it.</p>
    </aside>
  );
}

/**
 * What breaks a goal, as links: each message opens in the lesson's run, highlighted; each node and edge is selected
 * on the canvas; lag rows and a time window are shown as they are.
 */
import type { Counterexample as Example, LessonEvaluation, MessageRef } from '../../engine/index.ts';
import { useApp } from '../state/store.ts';
import type { Lesson } from '../../lessons/index.ts';
import { followMessage, showEdge, showNode } from './follow.ts';

/** Messages listed before "and N more". */
const MESSAGES_SHOWN = 5;

const secs = (s: number) => `${Number(s.toFixed(s < 10 ? 3 : 2))} s`;

function messageTitle(m: MessageRef): string {
  const where = m.partition ? ` on ${m.partition}${m.offset !== undefined ? ` at offset ${m.offset.toLocaleString('en')}` : ''}` : '';
  return `Message #${m.id}${m.key ? ` (key ${m.key})` : ''}${where}${m.atS !== undefined ? `, ${secs(m.atS)}` : ''}: show it in the lesson's run`;
}

interface Props {
  example: Example;
  lesson: Lesson;
  /** The run that found the example, with the text it ran; absent for structural goals. */
  run: { text: string; evaluation: LessonEvaluation } | null;
}

export function Counterexample({ example, lesson, run }: Props) {
  const { messages = [], nodes = [], edges = [], partitions = [], window } = example;
  const shown = messages.slice(0, MESSAGES_SHOWN);
  const drawn = useApp((s) => s.good?.topology.edges);
  // An edge reads as its two ends: `OrderService → Kafka`.
  const edgeName = (id: string) => {
    const e = drawn?.find((x) => x.id === id);
    return e ? `${e.from} → ${e.to}` : id;
  };
  return (
    <div className="cx" data-testid="counterexample">
      {shown.length > 0 && (
        <ul className="cx-messages" aria-label="Messages">
          {shown.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="cx-message"
                title={messageTitle(m)}
                disabled={!run}
                onClick={() => run && void followMessage(m, nodes, run.text, lesson, run.evaluation)}
                data-testid="cx-message"
              >
                <span className="cx-id">#{m.id}</span>
                {m.key && <span className="cx-key">{m.key}</span>}
                {m.partition && (
                  <span className="cx-where">
                    {m.partition}
                    {m.offset !== undefined && `@${m.offset}`}
                  </span>
                )}
                {m.atS !== undefined && <span className="cx-time">{secs(m.atS)}</span>}
              </button>
            </li>
          ))}
          {messages.length > shown.length && <li className="cx-more">and {messages.length - shown.length} more</li>}
        </ul>
      )}
      {window && (
        <p className="cx-window">
          from {secs(window.fromS)} to {secs(window.toS)}
        </p>
      )}
      {(nodes.length > 0 || edges.length > 0) && (
        <p className="cx-refs">
          {nodes.map((id) => (
            <button key={id} type="button" className="cx-ref" title={`Select ${id} on the canvas`} onClick={() => showNode(id)} data-testid="cx-node">
              {id}
            </button>
          ))}
          {edges.map((id) => (
            <button key={id} type="button" className="cx-ref is-edge" title="Select this arrow on the canvas" onClick={() => showEdge(id)} data-testid="cx-edge">
              {edgeName(id)}
            </button>
          ))}
        </p>
      )}
      {partitions.length > 0 && (
        <table className="cx-lag">
          <thead>
            <tr>
              <th>partition</th>
              <th>committed</th>
              <th>end</th>
              <th>lag</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={p.partition}>
                <td>{p.partition}</td>
                <td>{p.committed.toLocaleString('en')}</td>
                <td>{p.end.toLocaleString('en')}</td>
                <td>{p.lag.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}


/**
 * The two variants side by side, measure by measure; where one does better, its cell says so in colour and the other
 * is marked, so the difference is the first thing seen.
 */
import type { CompareRow } from './compareRows.ts';
import { VARIANT_COLORS } from './CompareCharts.tsx';

const SECTIONS: Record<CompareRow['section'], string> = { checkers: 'checkers', checkouts: 'checkouts', latency: 'end-to-end latency', flow: 'messages' };

function cell(row: CompareRow, side: 'a' | 'b') {
  const cls = row.winner === null ? '' : row.winner === side ? ' is-better' : ' is-worse';
  return (
    <td className={`compare-value${cls}`} data-testid={`compare-${row.id}-${side}`}>
      {row.text[side === 'a' ? 0 : 1]}
    </td>
  );
}

export function CompareTable({ rows }: { rows: CompareRow[] }) {
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th />
          <th style={{ color: VARIANT_COLORS.a }}>A</th>
          <th style={{ color: VARIANT_COLORS.b }}>B</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} className={`${r.winner ? 'is-different' : ''}${i > 0 && rows[i - 1]!.section !== r.section ? ' starts-section' : ''}`} data-testid={`compare-row-${r.id}`}>
            <th scope="row" title={SECTIONS[r.section]}>
              {r.label}
            </th>
            {cell(r, 'a')}
            {cell(r, 'b')}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

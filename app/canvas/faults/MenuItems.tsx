/**
 * The fault menu's entries: an item that injects one fault line (and shows it as a hint), and a row of quick amounts.
 */
import type { ReactNode } from 'react';
import { injectNow } from '../../playback/actions.ts';
import { closeFaultMenu } from './faultMenu.ts';

/** One menu entry: the words, and the line it injects as a hint. */
export function Item({ line, children, testId }: { line: string; children: ReactNode; testId?: string }) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={testId}
      onClick={() => {
        closeFaultMenu();
        void injectNow(line);
      }}
    >
      <span className="menu-item-label">{children}</span>
      <code className="menu-item-hint">{line}</code>
    </button>
  );
}

/** A row of quick amounts: `Slow down  +100ms +500ms +2s`. */
export function Amounts({ label, lines }: { label: string; lines: [string, string][] }) {
  return (
    <div className="fault-amounts" role="group" aria-label={label}>
      <span>{label}</span>
      {lines.map(([text, line]) => (
        <button key={line} type="button" className="fault-amount" title={line} data-testid={`fault-${line.replace(/\s+/g, '-')}`} onClick={() => {
            closeFaultMenu();
            void injectNow(line);
          }}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

/**
 * A node's label as plain text lines (never markup), or an input while it is renamed in place.
 */
import { useState, type KeyboardEvent } from 'react';

interface Props {
  lines: string[];
  renaming: boolean;
  initial: string;
  onRename(label: string | null): void;
}

/** Line breaks show as `<br>` while editing, as mermaid writes them. */
const toInput = (label: string) => label.replace(/\n/g, '<br>');
const fromInput = (value: string) => value.replace(/<br\s*\/?>/gi, '\n');

export function NodeLabel({ lines, renaming, initial, onRename }: Props) {
  if (renaming) {
    return <RenameInput initial={toInput(initial)} onDone={(v) => onRename(v === null ? null : fromInput(v))} />;
  }
  return (
    <div className="tnode-label">
      {lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </div>
  );
}

function RenameInput({ initial, onDone }: { initial: string; onDone(label: string | null): void }) {
  const [value, setValue] = useState(initial);
  const finish = (label: string | null) => onDone(label === null || label.trim() === '' || label === initial ? null : label);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation(); // Delete and Backspace edit the label, not the canvas
    if (e.key === 'Enter') finish(value);
    if (e.key === 'Escape') finish(null);
  };
  return (
    <input
      className="tnode-rename nodrag"
      data-testid="rename-input"
      aria-label="Node label"
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(value)}
      onFocus={(e) => e.target.select()}
    />
  );
}

/**
 * A field that edits a name in place (a node's label on the canvas, the workspace's name in the top bar): it opens
 * focused with its text selected; Enter or leaving it commits the value, Escape gives up (`onDone(null)`).
 */
import { useState, type KeyboardEvent } from 'react';

interface Props {
  initial: string;
  onDone(value: string | null): void;
  className: string;
  label: string;
  testId: string;
  /** Keep keys from reaching what is around the field (on the canvas, Delete would delete the node). */
  isolateKeys?: boolean;
}

export function InlineInput({ initial, onDone, className, label, testId, isolateKeys = false }: Props) {
  const [value, setValue] = useState(initial);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isolateKeys) e.stopPropagation();
    if (e.key === 'Enter') onDone(value);
    if (e.key === 'Escape') onDone(null);
  };
  return (
    <input
      className={className}
      data-testid={testId}
      aria-label={label}
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => onDone(value)}
      onFocus={(e) => e.target.select()}
    />
  );
}

/**
 * Inspector inputs that commit on Enter or blur (one undo step per commit), and reset when the text changes
 * underneath them.
 */
import type { KeyboardEvent } from 'react';

interface FieldProps {
  value: string;
  label: string;
  testId: string;
  placeholder?: string;
  mono?: boolean;
  onCommit(value: string): void;
}

/** A text input bound to one value of the topology. */
export function CommitField({ value, label, testId, placeholder, mono, onCommit }: FieldProps) {
  const commit = (el: HTMLInputElement) => {
    if (el.value !== value) onCommit(el.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit(e.currentTarget);
    if (e.key === 'Escape') {
      e.currentTarget.value = value;
      e.currentTarget.blur();
    }
  };
  return (
    <input
      // Keyed by value: when the text changes (undo, typing), the field shows the new value.
      key={value}
      className={`field${mono ? ' is-mono' : ''}`}
      aria-label={label}
      data-testid={testId}
      defaultValue={value}
      placeholder={placeholder}
      onKeyDown={onKeyDown}
      onBlur={(e) => commit(e.currentTarget)}
    />
  );
}

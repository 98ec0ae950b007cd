/**
 * A button that opens a small popover menu; closes on a pick, on Escape and on a click elsewhere.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './Menu.css';

interface Props {
  label: ReactNode;
  title?: string;
  testId: string;
  align?: 'left' | 'right';
  /** The menu's content; `close` shuts it (call it after a pick). */
  children(close: () => void): ReactNode;
}

export function Menu({ label, title, testId, align = 'left', children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className={`bar-button${open ? ' is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className={`menu-pop align-${align}`} role="menu" data-testid={`${testId}-menu`}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

/** One entry of a menu. */
export function MenuItem(props: { onPick(): void; children: ReactNode; hint?: string; testId?: string; danger?: boolean; active?: boolean }) {
  return (
    <button
      type="button"
      role="menuitem"
      className={`menu-item${props.danger ? ' is-danger' : ''}${props.active ? ' is-active' : ''}`}
      onClick={props.onPick}
      data-testid={props.testId}
    >
      <span className="menu-item-label">{props.children}</span>
      {props.hint && <span className="menu-item-hint">{props.hint}</span>}
    </button>
  );
}

export function MenuSeparator() {
  return <div className="menu-sep" role="separator" />;
}

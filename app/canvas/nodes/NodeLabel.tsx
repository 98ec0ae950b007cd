/**
 * A node's label as plain text lines (never markup), or an input while it is renamed in place.
 */
import { InlineInput } from '../../shell/InlineInput.tsx';

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

/** The label field: an empty or unchanged label is no rename. */
function RenameInput({ initial, onDone }: { initial: string; onDone(label: string | null): void }) {
  const finish = (label: string | null) => onDone(label === null || label.trim() === '' || label === initial ? null : label);
  return <InlineInput initial={initial} onDone={finish} className="tnode-rename nodrag" label="Node label" testId="rename-input" isolateKeys />;
}

/**
 * The workspace switcher: open another workspace, make a new one, rename or delete this one.
 */
import { useState } from 'react';
import { InlineInput } from './InlineInput.tsx';
import { useApp } from '../state/store.ts';
import { useLibrary } from '../workspace/LibraryContext.ts';
import { Menu, MenuItem, MenuSeparator } from './Menu.tsx';

export function WorkspaceMenu() {
  const library = useLibrary();
  const name = useApp((s) => s.workspace.name);
  const currentId = useApp((s) => s.workspace.id);
  const all = useApp((s) => s.library);
  const [renaming, setRenaming] = useState(false);

  if (renaming) {
    const onDone = (next: string | null) => (setRenaming(false), next && void library.rename(next));
    return <InlineInput initial={name} onDone={onDone} className="workspace-rename" label="Workspace name" testId="workspace-name-input" />;
  }

  const nextUntitled = () => {
    const taken = new Set(all.map((w) => w.name));
    let n = 1;
    while (taken.has(n === 1 ? 'Untitled' : `Untitled ${n}`)) n++;
    return n === 1 ? 'Untitled' : `Untitled ${n}`;
  };

  return (
    <Menu label={<span className="workspace-name" data-testid="workspace-name">{name || '…'}</span>} title="Workspaces" testId="workspace-switcher">
      {(close) => (
        <>
          {all.map((w) => (
            <MenuItem
              key={w.id}
              active={w.id === currentId}
              hint={`changed ${new Date(w.updatedAt).toLocaleString()}`}
              onPick={() => (close(), void library.open(w.id))}
              testId="workspace-item"
            >
              {w.name}
            </MenuItem>
          ))}
          <MenuSeparator />
          <MenuItem testId="workspace-new" onPick={() => (close(), void library.create(nextUntitled(), 'graph LR\n'))}>
            New workspace
          </MenuItem>
          <MenuItem testId="workspace-rename" onPick={() => (close(), setRenaming(true))}>
            Rename…
          </MenuItem>
          <MenuItem
            testId="workspace-delete"
            danger
            onPick={() => {
              close();
              if (window.confirm(`Delete “${name}”? This cannot be undone.`)) void library.remove(currentId);
            }}
          >
            Delete this workspace
          </MenuItem>
        </>
      )}
    </Menu>
  );
}

/**
 * The curriculum's diagrams; each opens in a new workspace, so no work is overwritten.
 */
import { examples } from '../examples/index.ts';
import { useLibrary } from '../workspace/LibraryContext.ts';
import { Menu, MenuItem } from './Menu.tsx';

export function ExamplesMenu() {
  const library = useLibrary();
  return (
    <Menu label="Examples" title="Open an example in a new workspace" testId="examples">
      {(close) =>
        examples.map((e) => (
          <MenuItem key={e.id} hint={e.summary} testId={`example-${e.id}`} onPick={() => (close(), void library.create(e.title, e.text))}>
            {e.title}
          </MenuItem>
        ))
      }
    </Menu>
  );
}

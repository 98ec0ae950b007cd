/**
 * The curriculum's diagrams; each opens in a new workspace, so no work is overwritten. Their texts load when the menu
 * first opens (issue 18 §1: out of the first load).
 */
import { lazy, Suspense } from 'react';
import { useLibrary } from '../workspace/LibraryContext.ts';
import { Menu, MenuItem } from './Menu.tsx';

const ExampleItems = lazy(() =>
  import('../examples/index.ts').then(({ examples }) => ({
    default: function ExampleItems({ close }: { close: () => void }) {
      const library = useLibrary();
      return examples.map((e) => (
        <MenuItem key={e.id} hint={e.summary} testId={`example-${e.id}`} onPick={() => (close(), void library.create(e.title, e.text))}>
          {e.title}
        </MenuItem>
      ));
    },
  })),
);

export function ExamplesMenu() {
  return (
    <Menu label="Examples" title="Open an example in a new workspace" testId="examples">
      {(close) => (
        <Suspense fallback={<p className="menu-item-hint" aria-busy="true">Loading the examples…</p>}>
          <ExampleItems close={close} />
        </Suspense>
      )}
    </Menu>
  );
}

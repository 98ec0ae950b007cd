/**
 * Import a `.mmd` file into a new workspace; export the text, or the drawing as SVG or PNG.
 */
import { useRef } from 'react';
import { download, fileStem, svgToPng } from '../persistence/download.ts';
import { checkImport } from '../persistence/importFile.ts';
import { appStore } from '../state/store.ts';
import { useLibrary } from '../workspace/LibraryContext.ts';
import { useAsyncApiItems } from '../asyncapi/AsyncApiItems.tsx';
import { Menu, MenuItem, MenuSeparator } from './Menu.tsx';

/** The drawing as SVG; its writer loads on the first export (issue 18 §1: out of the first load). */
async function drawing() {
  const { good, positions, setNotice } = appStore.getState();
  if (!good) {
    setNotice({ tone: 'error', text: 'There is no drawing to export yet: the text has not parsed without errors.' });
    return null;
  }
  const { topologySvg } = await import('../persistence/exportSvg.ts');
  return topologySvg(good.topology, good.layout, positions);
}

export function FileMenu() {
  const library = useLibrary();
  const input = useRef<HTMLInputElement>(null);
  const asyncapi = useAsyncApiItems();
  const stem = () => fileStem(appStore.getState().workspace.name);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const check = checkImport(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!check.ok) {
      appStore.getState().setNotice({ tone: 'error', text: `${check.reason} Nothing was imported.` });
      return;
    }
    await library.create(check.name, check.text);
  };

  const exportPng = async () => {
    const d = await drawing();
    if (!d) return;
    try {
      download(`${stem()}.png`, await svgToPng(d.svg, d.width, d.height));
    } catch (e) {
      appStore.getState().setNotice({ tone: 'error', text: `The PNG could not be made: ${(e as Error).message}.` });
    }
  };

  return (
    <>
      <Menu label="File" title="Import and export" testId="file">
        {(close) => (
          <>
            <MenuItem testId="import" hint="Opens a .mmd file in a new workspace" onPick={() => (close(), input.current?.click())}>
              Import .mmd…
            </MenuItem>
            <MenuSeparator />
            <MenuItem
              testId="export-mmd"
              hint="The text, exactly as written"
              onPick={() => (close(), download(`${stem()}.mmd`, new Blob([appStore.getState().text], { type: 'text/plain' })))}
            >
              Export text (.mmd)
            </MenuItem>
            <MenuItem
              testId="export-svg"
              hint="The drawing, as a vector image"
              onPick={() => {
                close();
                void drawing().then((d) => d && download(`${stem()}.svg`, new Blob([d.svg], { type: 'image/svg+xml' })));
              }}
            >
              Export drawing (.svg)
            </MenuItem>
            <MenuItem testId="export-png" hint="The drawing, as a picture" onPick={() => (close(), void exportPng())}>
              Export drawing (.png)
            </MenuItem>
            <MenuSeparator />
            {asyncapi.items(close)}
          </>
        )}
      </Menu>
      <input
        ref={input}
        type="file"
        accept=".mmd,.mermaid,.txt,.md,text/plain"
        hidden
        data-testid="import-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {asyncapi.input}
    </>
  );
}

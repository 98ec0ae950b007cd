/**
 * The File menu's AsyncAPI entries: export the topology as an AsyncAPI 3.1.0 document (YAML or JSON), and import
 * one into a new workspace. The work (files.ts, with yaml and the engine's AsyncAPI code) loads on the first pick.
 */
import { useRef, type ReactNode } from 'react';
import { download, fileStem } from '../persistence/download.ts';
import { IMPORT_BYTES_MAX } from '../persistence/importFile.ts';
import { appStore } from '../state/store.ts';
import { useLibrary } from '../workspace/LibraryContext.ts';
import { MenuItem } from '../shell/Menu.tsx';
import type { AsyncApiFormat } from './files.ts';

const error = (text: string) => appStore.getState().setNotice({ tone: 'error', text });

async function exportDocument(format: AsyncApiFormat) {
  const { good, workspace } = appStore.getState();
  if (!good) return error('There is no topology to export yet: the text has not parsed without errors.');
  let text: string;
  try {
    const { asyncApiText } = await import('./files.ts');
    text = asyncApiText(good.topology, workspace.name, format);
  } catch (e) {
    return error(`The AsyncAPI document could not be made: ${(e as Error).message}.`);
  }
  download(`${fileStem(workspace.name)}.asyncapi.${format}`, new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }));
}

/** The entries (`items(close)`) and the hidden file input they open, which must outlive the menu. */
export function useAsyncApiItems(): { items(close: () => void): ReactNode; input: ReactNode } {
  const library = useLibrary();
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await import('./files.ts').then(
      (m) => m.readAsyncApiFile(file, IMPORT_BYTES_MAX),
      (e: Error) => ({ ok: false as const, reason: `The AsyncAPI reader could not be loaded (${e.message}). Nothing was imported.` }),
    );
    if (!r.ok) return error(r.reason);
    const id = await library.create(r.name, r.text);
    if (r.notice) appStore.getState().setNotice({ tone: 'info', workspace: id, text: r.notice });
  };

  return {
    items: (close) => (
      <>
        <MenuItem testId="import-asyncapi" hint="Opens an AsyncAPI 3 document (YAML or JSON) in a new workspace" onPick={() => (close(), input.current?.click())}>
          Import AsyncAPI…
        </MenuItem>
        <MenuItem testId="export-asyncapi-yaml" hint="Servers, channels, operations and schemas, as AsyncAPI 3.1" onPick={() => (close(), void exportDocument('yaml'))}>
          Export AsyncAPI (.yaml)
        </MenuItem>
        <MenuItem testId="export-asyncapi-json" hint="The same document as JSON" onPick={() => (close(), void exportDocument('json'))}>
          Export AsyncAPI (.json)
        </MenuItem>
      </>
    ),
    input: (
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        hidden
        data-testid="import-asyncapi-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    ),
  };
}

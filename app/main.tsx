/**
 * Boots the app: opens the workspace store, starts the worker sync and autosave, opens what this visit should show
 * (a share link, a lesson, the last workspace, or the practice template), then renders.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { engine } from './engine/client.ts';
import { startLessons } from './lessons/boot.ts';
import { openWorkspaceDb } from './persistence/db.ts';
import { appStore } from './state/store.ts';
import { createLibrary } from './workspace/library.ts';
import { startSync } from './workspace/sync.ts';

const clearShareHash = () => {
  if (location.hash.startsWith('#v')) history.replaceState(null, '', location.pathname + location.search);
};

const library = createLibrary(appStore, await openWorkspaceDb());
startSync(appStore, engine);
library.startAutosave();
// pagehide is the last event a closing or backgrounded tab reliably gets.
addEventListener('pagehide', () => void library.flush());
addEventListener('hashchange', () => void library.openShared(location.hash).then(clearShareHash));
await library.boot(location.hash);
clearShareHash();
await startLessons(library, appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App library={library} />
  </StrictMode>,
);

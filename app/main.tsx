/**
 * Boots the app: opens the workspace store, starts the worker sync and autosave, opens what this visit should show
 * (a share link, a lesson, the last workspace, or the practice template), then renders.
 */
import './shell/theme.ts'; // first: the learner's theme is on <html> before anything renders
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { engine } from './engine/client.ts';
import { startLessons } from './lessons/boot.ts';
import { openWorkspaceDb } from './persistence/db.ts';
import { openSharedRun } from './sim/index.ts';
import { appStore } from './state/store.ts';
import { saveOnLeave } from './workspace/leaving.ts';
import { createLibrary } from './workspace/library.ts';
import { startSync } from './workspace/sync.ts';

const clearShareHash = () => {
  if (location.hash.startsWith('#v')) history.replaceState(null, '', location.pathname + location.search);
};

// Not top-level await: this module shares its chunk with the first screen's code (vite.config.ts), which lazy chunks
// import; a lazy import awaited at the top level (the lessons below) would wait for this module to finish, forever.
async function boot() {
  const library = createLibrary(appStore, await openWorkspaceDb(), undefined, { openRun: openSharedRun });
  startSync(appStore, engine);
  library.startAutosave();
  saveOnLeave(library.saver);
  addEventListener('hashchange', () => void library.openShared(location.hash).then(clearShareHash));
  try {
    await library.boot(location.hash);
  } catch (e) {
    // The app always opens: whatever went wrong is said in it, rather than leaving a blank page.
    appStore.getState().setNotice({ tone: 'error', text: `EventLab could not open your workspaces: ${String(e)}` });
  }
  clearShareHash();
  await startLessons(library, appStore);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App library={library} />
    </StrictMode>,
  );
}

void boot();

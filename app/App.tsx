/**
 * The app's frame: top bar; the text on the left, the canvas in the middle with the playback bar and the dock of
 * simulation panels under it, the inspector on the right; a status bar.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.tsx';
import { LayingOut } from './canvas/LayingOut.tsx';
import { Palette } from './canvas/Palette.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { Dock } from './playback/Dock.tsx';
import { PlaybackBar } from './playback/PlaybackBar.tsx';
import { usePlaybackKeys } from './playback/usePlaybackKeys.ts';
import { LessonSide, LessonsPage, useAppPage } from './lessons/shell.tsx';
import { Banners } from './shell/Banners.tsx';
import { LeftPanel } from './shell/LeftPanel.tsx';
import { phoneViewFor, useLayout } from './shell/layoutStore.ts';
import { PhoneTabs } from './shell/PhoneTabs.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useGlobalKeys } from './shell/useGlobalKeys.ts';
import { useApp } from './state/store.ts';
import type { Library } from './workspace/library.ts';
import { LibraryContext } from './workspace/LibraryContext.ts';
import './shell/app.css';

export function App({ library }: { library: Library }) {
  useGlobalKeys();
  usePlaybackKeys();
  const page = useAppPage();
  const leftOpen = useLayout((s) => s.leftOpen);
  const rightOpen = useLayout((s) => s.rightOpen);
  const view = phoneViewFor(useLayout((s) => s.phoneView), page);
  const name = useApp((s) => s.workspace.name);
  // The lessons page lies over the sandbox: what is under it must not take the keyboard (or a screen reader) there.
  const covered = page === 'list';
  return (
    <LibraryContext.Provider value={library}>
      <div className="app" data-page={page} data-left={leftOpen ? 'open' : 'closed'} data-right={rightOpen ? 'open' : 'closed'} data-view={view}>
        <TopBar />
        <div className="app-sandbox" inert={covered}>
          <LeftPanel />
          <main className="app-center">
            {page === 'sandbox' && <h1 className="sr-only">EventLab sandbox: {name}</h1>}
            <div className="app-canvas">
              <ReactFlowProvider>
                <Palette />
                <div className="app-flow">
                  <Canvas />
                  <Banners />
                  <LayingOut />
                </div>
              </ReactFlowProvider>
            </div>
            <PlaybackBar />
            <Dock />
          </main>
          <LessonSide>
            <div className="app-right">
              <Inspector />
            </div>
          </LessonSide>
          <StatusBar />
          <PhoneTabs />
        </div>
        <LessonsPage />
      </div>
    </LibraryContext.Provider>
  );
}

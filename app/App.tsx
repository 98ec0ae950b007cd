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
import { StatusBar } from './shell/StatusBar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useGlobalKeys } from './shell/useGlobalKeys.ts';
import type { Library } from './workspace/library.ts';
import { LibraryContext } from './workspace/LibraryContext.ts';
import './shell/app.css';

export function App({ library }: { library: Library }) {
  useGlobalKeys();
  usePlaybackKeys();
  const page = useAppPage();
  return (
    <LibraryContext.Provider value={library}>
      <div className="app" data-page={page}>
        <TopBar />
        <LeftPanel />
        <main className="app-center">
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
        <LessonsPage />
      </div>
    </LibraryContext.Provider>
  );
}

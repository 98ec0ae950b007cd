/**
 * What the learner must know about storage, each with its way out: a save the browser refused (export, retry), a
 * version saved in another tab meanwhile (keep mine, take theirs), and stored records that could not be read and
 * were set aside (download them). The first two stay until resolved; they are states, not messages.
 */
import { download, fileStem } from '../persistence/download.ts';
import { appStore, useApp } from '../state/store.ts';
import { useLibrary } from '../workspace/LibraryContext.ts';
import './SaveNotices.css';

function SaveFailed() {
  const problem = useApp((s) => s.saveProblem);
  const { saver } = useLibrary();
  if (problem?.kind !== 'failed') return null;
  const exportText = () => {
    const { text, workspace } = appStore.getState();
    download(`${fileStem(workspace.name)}.mmd`, new Blob([text], { type: 'text/plain' }));
    saver.exported();
  };
  return (
    <div className="banner is-bad" role="alert" data-testid="save-failed">
      <span className="banner-text">
        <strong>Saving failed:</strong> {problem.reason}. Your changes are still here, but not stored.
      </span>
      <button type="button" className="banner-action" onClick={exportText}>
        Export .mmd
      </button>
      <button type="button" className="banner-action" onClick={() => void saver.retry()}>
        Retry
      </button>
    </div>
  );
}

function Conflict() {
  const problem = useApp((s) => s.saveProblem);
  const { saver } = useLibrary();
  if (problem?.kind !== 'conflict') return null;
  return (
    <div className="banner is-warn" role="alert" data-testid="save-conflict">
      <span className="banner-text">
        <strong>This workspace was changed in another tab.</strong> Saving here is paused so neither version is lost.
      </span>
      <button type="button" className="banner-action" title="Store this tab's version in place of the other" onClick={() => void saver.keepMine()}>
        Keep mine
      </button>
      <button type="button" className="banner-action" title="Show the other tab's version; yours stays one undo away" onClick={() => void saver.takeTheirs()}>
        Take theirs
      </button>
    </div>
  );
}

function SetAside() {
  const records = useApp((s) => s.setAside);
  if (records.length === 0) return null;
  const first = records[0]!;
  const one = records.length === 1;
  const what = one
    ? `${first.name ? `“${first.name}”` : 'A stored workspace'} could not be read`
    : `${records.length} stored workspaces could not be read`;
  const why = one ? first.reason : records.map((r) => r.name ?? r.key).join(', ');
  const save = () => {
    const body = JSON.stringify(one ? first.value : records.map((r) => r.value), null, 2);
    download('eventlab-damaged-workspace.json', new Blob([body], { type: 'application/json' }));
  };
  return (
    <div className="banner is-warn" role="status" data-testid="set-aside">
      <span className="banner-text">
        <strong>{what}</strong> ({why}). {one ? 'It was' : 'They were'} set aside, not deleted.
      </span>
      <button type="button" className="banner-action" onClick={save}>
        {one ? 'Download it' : 'Download them'}
      </button>
      <button type="button" className="banner-close" aria-label="Dismiss" onClick={() => appStore.getState().setSetAside([])}>
        ×
      </button>
    </div>
  );
}

export function SaveNotices() {
  return (
    <>
      <SaveFailed />
      <Conflict />
      <SetAside />
    </>
  );
}

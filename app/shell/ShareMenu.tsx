/**
 * A link that carries this topology and its run (the seed and the fault schedule): whoever opens it gets a copy in a
 * new workspace, and plays the same run.
 */
import { useEffect, useState } from 'react';
import { liveStore } from '../sim/index.ts';
import { appStore } from '../state/store.ts';
import { Menu } from './Menu.tsx';

/** The run a link carries: what the next run of this workspace would start with. */
const sharedRun = () => {
  const { seed, schedule } = liveStore.getState();
  return { seed, faults: [...schedule] };
};

/** The link for the open workspace; the codec loads on first use, not with the page. */
async function shareUrl(): Promise<string> {
  const { encodeShare } = await import('../persistence/share.ts');
  const { text, workspace } = appStore.getState();
  return `${location.origin}${location.pathname}${encodeShare({ text, name: workspace.name, run: sharedRun() })}`;
}

const faultsText = (n: number) => (n === 0 ? 'no scheduled faults' : n === 1 ? '1 scheduled fault' : `${n} scheduled faults`);

export function ShareMenu() {
  return (
    <Menu label="Share" title="Copy a link to this topology" testId="share">
      {() => <SharePanel />}
    </Menu>
  );
}

function SharePanel() {
  const [run] = useState(sharedRun);
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  useEffect(() => {
    let open = true;
    void shareUrl().then((u) => open && setUrl(u));
    return () => {
      open = false;
    };
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="share-panel">
      <p>Anyone who opens this link gets their own copy of the topology. Nothing is uploaded: it is all in the link.</p>
      <p className="share-hint" data-testid="share-run">
        It carries the run too: seed {run.seed} and {faultsText(run.faults.length)}, so the same run plays there.
      </p>
      <div className="share-row">
        <input readOnly value={url} aria-label="Share link" data-testid="share-link" onFocus={(e) => e.target.select()} />
        <button type="button" className="primary-button" data-testid="share-copy" disabled={!url} onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy link'}
        </button>
      </div>
      {copied === 'failed' && <p className="share-hint">The browser did not allow copying: select the link and copy it.</p>}
      <p className="share-hint">{(url.length / 1024).toFixed(1)} KB link</p>
    </div>
  );
}

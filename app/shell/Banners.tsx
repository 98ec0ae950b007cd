/**
 * Messages above the canvas: the first parse error ("line L, column C: message") while the last good drawing stays,
 * else the first setting the schema refuses (an unknown key, a bad value: the run would quietly use the default),
 * notices (a damaged share link, a refused import), and above them what the learner must know about storage.
 */
import type { Diagnostic } from '../../engine/index.ts';
import { revealInEditor } from '../editor/editorBridge.ts';
import { appStore, useApp } from '../state/store.ts';
import { SaveNotices } from './SaveNotices.tsx';
import './Banners.css';

/** One diagnostic at its line and column, how many more there are, and a way to it in the text. */
function DiagnosticBanner({ list, tone, role, testId }: { list: Diagnostic[]; tone: 'error' | 'warn'; role: 'alert' | 'status'; testId: string }) {
  const first = list[0]!;
  return (
    <div className={`banner is-${tone} is-parse-error`} role={role} data-testid={testId}>
      <span className="banner-text">
        <strong>
          line {first.line}, column {first.column}:
        </strong>{' '}
        {first.message}
        {list.length > 1 && <span className="banner-more"> (and {list.length - 1} more)</span>}
      </span>
      <button
        type="button"
        className="banner-action"
        onClick={() => {
          appStore.getState().setLeftTab('text');
          revealInEditor(first.from, first.to - first.from);
        }}
      >
        Show in text
      </button>
    </div>
  );
}

function ParseErrorBanner() {
  const status = useApp((s) => s.parseStatus);
  const diagnostics = useApp((s) => s.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (status !== 'error' || errors.length === 0) return null;
  return <DiagnosticBanner list={errors} tone="error" role="alert" testId="parse-error" />;
}

/** A text that parses but sets something the simulation cannot use: said before the learner presses Play. */
function SettingBanner() {
  const status = useApp((s) => s.parseStatus);
  const diagnostics = useApp((s) => s.diagnostics);
  const problems = diagnostics.filter((d) => d.code === 'setting' || d.code === 'config-target');
  if (status !== 'ok' || problems.length === 0) return null;
  return <DiagnosticBanner list={problems} tone="warn" role="status" testId="setting-warning" />;
}

function NoticeBanner() {
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`banner is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="banner-text">{notice.text}</span>
      <button type="button" className="banner-close" aria-label="Dismiss" onClick={() => appStore.getState().setNotice(null)}>
        ×
      </button>
    </div>
  );
}

export function Banners() {
  return (
    <div className="banners">
      <SaveNotices />
      <NoticeBanner />
      <ParseErrorBanner />
      <SettingBanner />
    </div>
  );
}

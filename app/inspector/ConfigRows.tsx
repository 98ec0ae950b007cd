/**
 * The `%% @config` settings of one target (a node, a topic) as key/value rows: edit a value, remove a key, add one.
 */
import { useState, type FormEvent } from 'react';
import { applyEdits } from '../workspace/actions.ts';
import { CommitField } from './fields.tsx';

interface Props {
  target: string;
  entries: [string, string][];
  /** Suggestions for the key field (the real systems' setting names). */
  keys: string[];
}

const setConfig = (target: string, key: string, value: string | null) =>
  applyEdits([{ type: 'setConfig', target, key, value }]);

export function ConfigRows({ target, entries, keys }: Props) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const listId = `config-keys-${target}`;
  const add = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    const v = value.trim();
    if (!k || !v || /\s|=/.test(k)) return;
    void setConfig(target, k, v).then((r) => {
      if (r) {
        setKey('');
        setValue('');
      }
    });
  };
  return (
    <div className="config" data-testid={`config-${target}`}>
      {entries.length === 0 && <p className="muted small">No settings: the defaults of the real system apply.</p>}
      {entries.map(([k, v]) => (
        <div className="config-row" key={k}>
          <span className="config-key" title={k}>
            {k}
          </span>
          <CommitField value={v} label={`${k} value`} testId={`config-value-${k}`} mono onCommit={(next) => void setConfig(target, k, next.trim() || null)} />
          <button type="button" className="icon-button" aria-label={`Remove ${k}`} title={`Remove ${k}`} onClick={() => void setConfig(target, k, null)}>
            ×
          </button>
        </div>
      ))}
      <form className="config-row is-new" onSubmit={add}>
        <input className="field is-mono" list={listId} placeholder="key" aria-label="New setting key" data-testid="config-new-key" value={key} onChange={(e) => setKey(e.target.value)} />
        <input className="field is-mono" placeholder="value" aria-label="New setting value" data-testid="config-new-value" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="icon-button is-add" aria-label="Add setting" title="Add setting" data-testid="config-add">
          +
        </button>
        <datalist id={listId}>
          {keys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </form>
    </div>
  );
}

/**
 * Completion of `%% @config` lines in the editor (CodeMirror's autocompletion over settingCompletions.ts). Loaded on
 * demand, the first time the editor has focus, so a first visit does not download it; see settingsCompletion.ts.
 */
import { autocompletion, insertCompletionText, pickedCompletion, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { Topology } from '../../engine/index.ts';
import { settingCompletions } from './settingCompletions.ts';

/** Completes `@config` targets, setting names and values; `topology` gives the last good reading of the text. */
export function configCompletion(topology: () => Topology | null): Extension {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const found = settingCompletions(line.text.slice(0, ctx.pos - line.from), topology());
    if (!found || found.options.length === 0) return null;
    const options: Completion[] = found.options.map((o) => (o.apply?.endsWith('=') ? { ...o, apply: thenValues(o.apply) } : o));
    return { from: line.from + found.from, options, validFor: /^[A-Za-z0-9_.\-/()]*$/ };
  };
  return autocompletion({ override: [source], icons: false });
}

/** Inserts `key=` and opens the setting's values at once. */
function thenValues(text: string): Completion['apply'] {
  return (view, completion, from, to) => {
    view.dispatch({ ...insertCompletionText(view.state, text, from, to), annotations: pickedCompletion.of(completion) });
    // After the pick has closed the list, in a transaction of its own.
    setTimeout(() => startCompletion(view));
  };
}

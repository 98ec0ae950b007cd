/**
 * Mermaid flowchart highlighting for CodeMirror: keywords, node ids, labels, arrows, `%%` comments, and EventLab's
 * `%% @config` directives in colours of their own.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

interface State {
  /** Inside a node label: the characters that close it, e.g. `]` or `)]`. */
  closer: string | null;
  /** Inside a `"…"` string, which may span lines. */
  quoted: boolean;
  /** Inside `|…|` (an edge label). */
  piped: boolean;
  /** On a `%% @config` line: what comes next. */
  config: 'target' | 'entries' | null;
  /** On a `style`/`classDef`/`linkStyle` line, after its targets: CSS properties follow. */
  css: boolean;
  /** After a keyword that takes a direction (`graph`, `flowchart`, `direction`). */
  wantsDirection: boolean;
}

const keywords = /^(?:flowchart|graph|subgraph|end|direction|style|classDef|class|linkStyle|click|accTitle|accDescr|call|href)\b/;
const directions = /^(?:TB|TD|BT|LR|RL)\b/;
// Arrow heads and bodies: -->, ---, -.->, ==>, --x, --o, <-->, ~~~, and longer forms.
const arrow = /^(?:[<xo]?(?:-{2,}|-\.+-|={2,}|~{3,}|-\.+)[->xo]?|[<xo]?-{2,}>|[<xo]?={2,}>)/;
const openers: [string, string][] = [
  ['(((', ')))'],
  ['([', '])'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['((', '))'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];

const parser: StreamParser<State> = {
  name: 'mermaid',
  startState: () => ({ closer: null, quoted: false, piped: false, config: null, css: false, wantsDirection: false }),
  copyState: (s) => ({ ...s }),

  token(stream, state) {
    if (stream.sol()) {
      state.config = null;
      state.css = false;
      state.wantsDirection = false;
    }
    if (state.quoted) {
      if (stream.skipTo('"')) {
        stream.next();
        state.quoted = false;
      } else stream.skipToEnd();
      return 'string';
    }
    if (state.closer) return label(stream, state);
    if (state.piped) {
      stream.next(); // the opening |
      if (stream.skipTo('|')) {
        stream.next();
        state.piped = false;
      } else stream.skipToEnd();
      return 'labelName';
    }
    if (stream.eatSpace()) return null;

    if (state.config) return configToken(stream, state);
    if (stream.match(/^%%\s*@config\b/)) {
      state.config = 'target';
      return 'meta';
    }
    if (stream.match('%%{')) {
      if (stream.skipTo('}%%')) stream.match('}%%');
      else stream.skipToEnd();
      return 'meta';
    }
    if (stream.match('%%')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (state.css) {
      if (stream.match(/^#[0-9a-fA-F]{3,8}\b/)) return 'color';
      if (stream.match(/^[\w-]+(?=:)/)) return 'propertyName';
      if (stream.match(/^[^,;:\s]+/)) return 'atom';
      stream.next();
      return 'punctuation';
    }
    if (state.wantsDirection && stream.match(directions)) {
      state.wantsDirection = false;
      return 'atom';
    }
    if (stream.match(keywords)) {
      const word = stream.current();
      state.wantsDirection = word === 'graph' || word === 'flowchart' || word === 'direction';
      if (word === 'style' || word === 'classDef' || word === 'linkStyle') {
        stream.eatSpace();
        stream.match(/^[^\s]+/); // the target(s) before the CSS
        state.css = true;
        return 'keyword';
      }
      return 'keyword';
    }
    if (stream.match(/^:::[\w-]+/)) return 'className';
    if (stream.match(arrow)) {
      state.piped = stream.peek() === '|';
      return 'operator';
    }
    if (stream.match('&') || stream.match(';')) return 'punctuation';
    if (stream.peek() === '"') {
      stream.next();
      state.quoted = true;
      return 'string';
    }
    for (const [open, close] of openers) {
      if (stream.match(open)) {
        state.closer = close;
        return 'bracket';
      }
    }
    if (stream.match(/^[\p{L}\p{N}_][\p{L}\p{N}_.$-]*?(?=(?:[-=.~]{2}|[<xo]-)|[\s[({>&;:]|$)/u)) {
      const after = stream.string.slice(stream.pos);
      // `e1@-->` names an edge; `A@{ shape: … }` is mermaid 11's node metadata.
      if (after.startsWith('@')) return 'labelName';
      return 'variableName';
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '%%' } },
};

function label(stream: Parameters<StreamParser<State>['token']>[0], state: State): string {
  const close = state.closer!;
  if (stream.match(close)) {
    state.closer = null;
    return 'bracket';
  }
  if (stream.peek() === '"') {
    stream.next();
    state.quoted = true;
    return 'string';
  }
  while (!stream.eol() && !stream.match(close, false) && stream.peek() !== '"') stream.next();
  return 'string';
}

function configToken(stream: Parameters<StreamParser<State>['token']>[0], state: State): string | null {
  if (state.config === 'target') {
    stream.match(/^\S+/);
    state.config = 'entries';
    return 'variableName.definition';
  }
  if (stream.match(/^[\w.-]+(?==)/)) return 'propertyName';
  if (stream.match('=')) return 'operator';
  if (stream.match(/^\d[\w./]*/)) return 'number';
  if (stream.match(/^\S+/)) return 'string';
  stream.next();
  return null;
}

const style = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--code-keyword)', fontWeight: '600' },
  { tag: t.atom, color: 'var(--code-atom)' },
  { tag: t.variableName, color: 'var(--code-name)' },
  { tag: t.definition(t.variableName), color: 'var(--code-definition)', fontWeight: '600' },
  { tag: t.string, color: 'var(--code-string)' },
  { tag: t.labelName, color: 'var(--code-label)', fontStyle: 'italic' },
  { tag: t.operator, color: 'var(--code-operator)', fontWeight: '600' },
  { tag: t.bracket, color: 'var(--code-punctuation)' },
  { tag: t.className, color: 'var(--code-class)' },
  { tag: t.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: t.meta, color: 'var(--code-definition)', fontWeight: '600', backgroundColor: 'var(--code-meta-bg)' },
  { tag: t.propertyName, color: 'var(--code-property)' },
  { tag: t.number, color: 'var(--code-atom)' },
  { tag: t.color, color: 'var(--code-color)' },
  { tag: t.punctuation, color: 'var(--code-punctuation)' },
]);

export const mermaidLanguage = StreamLanguage.define(parser);

/** Mermaid flowchart highlighting (language and colours). */
export function mermaid(): Extension {
  return [mermaidLanguage, syntaxHighlighting(style)];
}

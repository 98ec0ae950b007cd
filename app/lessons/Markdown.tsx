/**
 * Markdown as React elements, straight from marked's tokens: no HTML string is ever built or injected, so nothing in
 * a reading can run. Raw HTML in the source shows as text; links go only to the web, mail, or the app's own pages.
 * Two things are the reading's own: ```mermaid blocks become diagrams (drawn by `diagram`), and `{{name}}`
 * placeholders become the learner's figures, marked so it is clear they come from the topology being edited.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, useMemo, type ReactNode } from 'react';

export interface MarkdownContext {
  /** Values for `{{name}}` placeholders; unknown names stay as written. */
  figures: Record<string, string>;
  /** Draws a ```mermaid block. */
  diagram(source: string, key: string): ReactNode;
}

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;
const SAFE_HREF = /^(https?:\/\/|mailto:|#\/)/i;

function text(value: string, ctx: MarkdownContext, key: string): ReactNode {
  if (!value.includes('{{')) return value;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of value.matchAll(PLACEHOLDER)) {
    const figure = ctx.figures[m[1]!];
    if (figure === undefined) continue;
    parts.push(value.slice(last, m.index), (
      <span key={`${key}f${m.index}`} className="md-figure" title="From the topology in your editor" data-testid={`figure-${m[1]}`}>
        {figure}
      </span>
    ));
    last = m.index + m[0].length;
  }
  parts.push(value.slice(last));
  return <Fragment key={key}>{parts}</Fragment>;
}

function inline(tokens: Token[] | undefined, ctx: MarkdownContext, key: string): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, ctx, `${key}.${i}`));
}

function inlineToken(t: Token, ctx: MarkdownContext, key: string): ReactNode {
  switch (t.type) {
    case 'text':
      // A list item's text token nests its inline tokens; a plain one holds its text.
      return 'tokens' in t && t.tokens ? <Fragment key={key}>{inline(t.tokens, ctx, key)}</Fragment> : text((t as Tokens.Text).text, ctx, key);
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inline((t as Tokens.Strong).tokens, ctx, key)}</strong>;
    case 'em':
      return <em key={key}>{inline((t as Tokens.Em).tokens, ctx, key)}</em>;
    case 'del':
      return <del key={key}>{inline((t as Tokens.Del).tokens, ctx, key)}</del>;
    case 'codespan':
      return <code key={key}>{(t as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const l = t as Tokens.Link;
      const children = inline(l.tokens, ctx, key);
      if (!SAFE_HREF.test(l.href)) return <Fragment key={key}>{children}</Fragment>;
      const external = !l.href.startsWith('#');
      return (
        <a key={key} href={l.href} title={l.title ?? undefined} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
          {children}
        </a>
      );
    }
    case 'image':
      // Readings carry their pictures as mermaid; an image would be a request to somewhere else.
      return (t as Tokens.Image).text;
    default:
      return 'raw' in t ? String(t.raw) : null;
  }
}

function block(t: Token, ctx: MarkdownContext, key: string): ReactNode {
  switch (t.type) {
    case 'space':
      return null;
    case 'heading': {
      const h = t as Tokens.Heading;
      const Tag = `h${Math.min(6, Math.max(2, h.depth))}` as 'h2';
      return <Tag key={key}>{inline(h.tokens, ctx, key)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens, ctx, key)}</p>;
    case 'text':
      return <Fragment key={key}>{inlineToken(t, ctx, key)}</Fragment>;
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((item, i) => <li key={i}>{blocks(item.tokens, ctx, `${key}.${i}`)}</li>);
      return l.ordered ? (
        <ol key={key} start={typeof l.start === 'number' && l.start !== 1 ? l.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'code': {
      const c = t as Tokens.Code;
      if (c.lang?.trim() === 'mermaid') return <Fragment key={key}>{ctx.diagram(c.text, key)}</Fragment>;
      return (
        <pre key={key} className="md-code" tabIndex={0}>
          <code>{c.text}</code>
        </pre>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((t as Tokens.Blockquote).tokens, ctx, key)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'table': {
      const tb = t as Tokens.Table;
      const align = (i: number) => tb.align[i] ?? undefined;
      return (
        <table key={key} className="md-table">
          <thead>
            <tr>
              {tb.header.map((c, i) => (
                <th key={i} style={{ textAlign: align(i) }}>
                  {inline(c.tokens, ctx, `${key}h${i}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) => (
                  <td key={i} style={{ textAlign: align(i) }}>
                    {inline(c.tokens, ctx, `${key}r${r}c${i}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'html':
      return <p key={key}>{(t as Tokens.HTML).text}</p>;
    default:
      return null;
  }
}

function blocks(tokens: Token[], ctx: MarkdownContext, key: string): ReactNode[] {
  return tokens.map((t, i) => block(t, ctx, `${key}.${i}`));
}

/**
 * Renders markdown source as elements.
 * @example renderMarkdown('A **b** {{x}}', { figures: { x: '99%' }, diagram: () => null })
 */
export function renderMarkdown(source: string, ctx: MarkdownContext): ReactNode[] {
  return blocks(new Lexer({ gfm: true }).lex(source), ctx, 'md');
}

/** A markdown block; the source is tokenised once, the figures applied on each render. */
export function Markdown({ source, ctx }: { source: string; ctx: MarkdownContext }) {
  const tokens = useMemo(() => new Lexer({ gfm: true }).lex(source), [source]);
  return <>{blocks(tokens, ctx, 'md')}</>;
}

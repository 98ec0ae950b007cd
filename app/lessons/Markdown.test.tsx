import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownContext } from './Markdown.tsx';

const ctx: MarkdownContext = {
  figures: { availability: '99% × 95% = 94.05%' },
  diagram: (source) => <figure data-source={source} />,
};
const html = (md: string) => renderToStaticMarkup(<>{renderMarkdown(md, ctx)}</>);

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, emphasis, code and lists', () => {
    const out = html('## Today\n\nA **bold** and *soft* `code`.\n\n- one\n- two `x`\n\n1. first\n2. second');
    expect(out).toBe(
      '<h2>Today</h2><p>A <strong>bold</strong> and <em>soft</em> <code>code</code>.</p>' +
        '<ul><li>one</li><li>two <code>x</code></li></ul><ol><li>first</li><li>second</li></ol>',
    );
  });

  it('never turns source into markup: raw HTML and code show as text', () => {
    const out = html('<img src=x onerror=alert(1)>\n\nA <b>tag</b> and `<script>`\n\n```\n<script>alert(1)</script>\n```');
    expect(out).not.toMatch(/<(img|b|script)[\s>]/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<code>&lt;script&gt;</code>');
    expect(out).toContain('<pre class="md-code" tabindex="0"><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>');
  });

  it('links only to the web, mail and the app itself', () => {
    const out = html('[web](https://kafka.apache.org) [next](#/lessons/02-a) [bad](javascript:alert(1))');
    expect(out).toContain('<a href="https://kafka.apache.org" target="_blank" rel="noopener noreferrer">web</a>');
    expect(out).toContain('<a href="#/lessons/02-a">next</a>');
    expect(out).not.toContain('javascript:');
    expect(out).toContain(' bad');
  });

  it('hands mermaid blocks to the diagram renderer and keeps other code blocks as code', () => {
    const out = html('```mermaid\ngraph LR\n  A --> B\n```\n\n```\n%% @config A rate=5/s\n```');
    expect(out).toContain('<figure data-source="graph LR\n  A --&gt; B"></figure>');
    expect(out).toContain('<pre class="md-code" tabindex="0"><code>%% @config A rate=5/s</code></pre>');
  });

  it('fills placeholders with the learner figures, marked, and leaves unknown ones as written', () => {
    const out = html('- Availability: {{availability}}, **{{availability}}**; {{unknown}}.');
    expect(out.match(/<span class="md-figure"[^>]*>99% × 95% = 94.05%<\/span>/g)).toHaveLength(2);
    expect(out).toContain('{{unknown}}');
  });

  it('renders tables with their alignment', () => {
    const out = html('| a | b |\n|---|--:|\n| 1 | 2 |');
    expect(out).toContain('<th style="text-align:right">b</th>');
    expect(out).toContain('<td style="text-align:right">2</td>');
  });
});

import { classHighlighter, highlightTree } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { mermaidLanguage } from './mermaidLanguage.ts';

/** Each highlighted piece of `text` with its highlight classes, e.g. `['-->', 'tok-operator']`. */
function tokens(text: string): [string, string][] {
  const out: [string, string][] = [];
  highlightTree(mermaidLanguage.parser.parse(text), classHighlighter, (from, to, classes) => {
    out.push([text.slice(from, to), classes]);
  });
  return out;
}

const classOf = (text: string, piece: string) => tokens(text).find(([t]) => t === piece)?.[1];

describe('mermaid highlighting', () => {
  const text = [
    'graph TD',
    '  %% a remark',
    '  %% @config orders-topic partitions=12 acks=all',
    '  subgraph Async [Target]',
    '    A[Order Service] -->|1. Publish| K[(Kafka)]:::kafka',
    '    K -.-> B("quoted label")',
    '  end',
    '  style A fill:#faa,stroke:#333',
  ].join('\n');

  it('tells keywords, directions, ids and arrows apart', () => {
    expect(classOf(text, 'graph')).toBe('tok-keyword');
    expect(classOf(text, 'TD')).toBe('tok-atom');
    expect(classOf(text, 'subgraph')).toBe('tok-keyword');
    expect(classOf(text, 'A')).toBe('tok-variableName');
    expect(classOf(text, '-->')).toBe('tok-operator');
    expect(classOf(text, '-.->')).toBe('tok-operator');
    expect(classOf(text, ':::kafka')).toBe('tok-className');
  });

  it('colours labels, edge labels and quoted strings', () => {
    expect(classOf(text, 'Order Service')).toBe('tok-string');
    expect(classOf(text, '|1. Publish|')).toBe('tok-labelName');
    expect(classOf(text, '"quoted label"')).toBe('tok-string');
    expect(classOf(text, 'Kafka')).toBe('tok-string');
  });

  it('sets config directives apart from comments', () => {
    expect(classOf(text, '%% a remark')).toBe('tok-comment');
    expect(classOf(text, '%% @config')).toBe('tok-meta');
    expect(classOf(text, 'orders-topic')).toBe('tok-variableName tok-definition');
    expect(classOf(text, 'partitions')).toBe('tok-propertyName');
    expect(classOf(text, '12')).toBe('tok-number');
    expect(classOf(text, 'all')).toBe('tok-string');
  });

  it('reads style lines as CSS', () => {
    expect(classOf(text, 'fill')).toBe('tok-propertyName');
    expect(classOf(text, '#faa')).toBe('tok-literal'); // t.color, a literal
  });
});

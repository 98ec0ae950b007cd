import { describe, expect, it } from 'vitest';
// The app never lays out on the main thread (dagre stays in the worker's bundle); its tests may.
import { layoutTopology } from '../../engine/layout/layout.ts';
import { edge, group, node, topology } from '../../engine/testing/topologyBuilder.ts';
import { topologySvg, xmlEscape } from './exportSvg.ts';

const t = topology({
  nodes: [
    node('A', { label: '<b>Orders</b> & "more"', style: { fill: '#faa', stroke: 'url(javascript:x)' } }),
    node('K', { kind: 'kafka', topics: ['orders-topic'] }),
  ],
  edges: [edge('A', 'K', { kind: 'publish', label: '1. Publish' })],
  groups: [group('G', ['A', 'K'], { title: 'Target <Async>' })],
});

describe('topologySvg', () => {
  const { svg, width, height } = topologySvg(t, layoutTopology(t), {});

  it('is one SVG document sized to the drawing', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(width).toBeGreaterThan(150);
  });

  it('writes labels as escaped text, never as markup', () => {
    expect(svg).toContain('&#60;b&#62;Orders&#60;/b&#62; &#38; &#34;more&#34;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Target &#60;Async&#62;');
  });

  it('draws boxes, edges, hosted topics and honours safe user styles only', () => {
    expect(svg.match(/<g class="node"/g)).toHaveLength(2);
    expect(svg).toContain('fill="#faa"');
    expect(svg).not.toContain('javascript');
    expect(svg).toContain('marker-end="url(#arrow-publish)"');
    expect(svg).toContain('PUBLISH  ·  1. Publish');
    expect(svg).toContain('orders-topic');
    expect(svg).toContain('kafka cluster');
  });

  it('escapes every XML special character', () => {
    expect(xmlEscape(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });

  it('writes every number as a number, whatever a stored position holds', () => {
    const corrupted = { A: { x: '1" onload="alert(1)', y: 2 }, K: { x: Number.NaN, y: Infinity } } as never;
    const out = topologySvg(t, layoutTopology(t), corrupted).svg;
    expect(out).not.toContain('onload');
    expect(out).not.toMatch(/NaN|Infinity/);
    // Every attribute that holds a coordinate or a size holds a number.
    for (const [, name, value] of out.matchAll(/ (x|y|cx|cy|r|width|height|rx|transform|viewBox|d)="([^"]*)"/g)) {
      expect(value, name).toMatch(/^[-\d.e\s,MLCQZHVtranslate()%]*$/);
    }
  });
});

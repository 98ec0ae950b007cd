import { describe, expect, it } from 'vitest';
import { userStyle } from './userStyle.ts';

describe('userStyle', () => {
  it('maps mermaid style properties to the box', () => {
    expect(userStyle({ fill: '#faa', stroke: '#333', 'stroke-width': '2px', color: '#132440' })).toEqual({
      background: '#faa',
      borderColor: '#333',
      borderWidth: '2px',
      color: '#132440',
    });
    expect(userStyle({ 'stroke-width': '3' })).toEqual({ borderWidth: '3px' });
    expect(userStyle({ 'stroke-dasharray': '5 5' })).toEqual({ borderStyle: 'dashed' });
  });

  it('ignores values that are not plain CSS values', () => {
    expect(userStyle({ fill: 'url(javascript:alert(1))"' })).toEqual({});
    expect(userStyle({ fill: 'red;background:url(x)' })).toEqual({});
    expect(userStyle({ 'font-size': '40px' })).toEqual({});
  });
});

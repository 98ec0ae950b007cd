import { describe, expect, it } from 'vitest';
import { isDarkFill, userStyle } from './userStyle.ts';

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

  it('gives a chosen fill text that reads on it in either theme, unless the learner chose the colour', () => {
    expect(userStyle({ fill: '#faa' }).color).toBe('var(--ink-on-light)');
    expect(userStyle({ fill: '#1e293b' }).color).toBe('var(--ink-on-dark)');
    expect(userStyle({ fill: '#1e293b', color: '#fff' }).color).toBe('#fff');
    expect(isDarkFill('rgb(20, 20, 20)')).toBe(true);
    expect(isDarkFill('#9f9')).toBe(false);
    expect(isDarkFill('teal')).toBe(false); // a name is not parsed: taken as light, as mermaid draws dark text
  });
});
